import operator
from collections import defaultdict
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelsearch.index import class_is_indexed


class PendingIndexUpdate(models.Model):
    """An item whose entry in the engine is not known to be current.

    Two things leave one: a change the engine could not take while it was
    unreachable (replayed by ``manage.py replay_index_backlog``), and a change of
    who may see the item, recorded in the transaction that makes it. The latter
    is *withheld*: every engine query leaves the item out until the engine has
    confirmed its new entry, so that a stale entry never shows it, counts it or
    suggests it to someone who may no longer see it. Editing never waits for
    the engine either way.
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE
    )
    object_id = models.CharField(_("object id"), max_length=64)
    # Also tells apart a record read before an item was written to the engine
    # from one a later change made since.
    queued_at = models.DateTimeField(_("queued at"), auto_now=True)
    withheld = models.BooleanField(_("withheld from results"), default=False)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_update_per_item"
            )
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id}"

    @classmethod
    def remember(cls, model, pks, withhold=False):
        content_type = ContentType.objects.get_for_model(
            model, for_concrete_model=False
        )
        cls.objects.bulk_create(
            [
                cls(content_type=content_type, object_id=str(pk), withheld=withhold)
                for pk in pks
            ],
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            # A withheld item stays withheld until the engine confirms it.
            update_fields=["queued_at", "withheld"] if withhold else ["queued_at"],
        )

    @classmethod
    def withheld_items(cls):
        """``{"app_label.Model": ["pk", …]}``: what engine queries must leave out."""
        items = defaultdict(list)
        for content_type_id, object_id in cls.objects.filter(withheld=True).values_list(
            "content_type", "object_id"
        ):
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is not None:
                items[f"{model._meta.app_label}.{model.__name__}"].append(object_id)
        return dict(items)

    @classmethod
    def settle(cls, backend, model, pks):
        """Write the items as they are now and forget what that confirms."""
        content_type = ContentType.objects.get_for_model(
            model, for_concrete_model=False
        )
        ids = [str(pk) for pk in pks]
        # Read before the items, so that a change made meanwhile stays pending.
        pending = list(
            cls.objects.filter(
                content_type=content_type, object_id__in=ids
            ).values_list("pk", "queued_at")
        )
        write_current_state(backend, model, ids)
        cls._forget(pending)

    @classmethod
    def replay(cls, backend):
        """Index what still exists and remove what was deleted; returns the count.

        Entries are removed only once the engine has taken them.
        """
        done = 0
        for content_type in ContentType.objects.filter(
            pk__in=cls.objects.values("content_type")
        ):
            pending = list(
                cls.objects.filter(content_type=content_type).values_list(
                    "pk", "queued_at", "object_id"
                )
            )
            write_current_state(
                backend,
                content_type.model_class(),
                [object_id for _, _, object_id in pending],
            )
            cls._forget([(pk, queued_at) for pk, queued_at, _ in pending])
            done += len(pending)
        return done

    @classmethod
    def _forget(cls, pending):
        if pending:
            cls.objects.filter(
                reduce(
                    operator.or_,
                    (Q(pk=pk, queued_at=queued_at) for pk, queued_at in pending),
                )
            ).delete()


def write_current_state(backend, model, ids):
    """Put the items that exist into the engine as they are, remove the others;
    an unreachable engine raises."""
    queryset = model._default_manager.filter(pk__in=ids)
    if hasattr(queryset, "specific"):  # pages, each in its own model
        queryset = queryset.specific()
    by_model = defaultdict(list)
    for item in queryset:
        by_model[type(item)].append(item)
    for indexed_model, items in by_model.items():
        if class_is_indexed(indexed_model):
            backend.add_bulk(indexed_model, items, defer_on_failure=False)
    found = {str(item.pk) for items in by_model.values() for item in items}
    for object_id in set(ids) - found:
        backend.delete(model(pk=object_id), defer_on_failure=False)
