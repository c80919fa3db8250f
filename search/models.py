from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """An index change the engine could not take while it was unreachable.

    Editing never waits for the engine; what it missed is replayed by
    ``manage.py replay_index_backlog`` once it answers again.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    queued_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pending index update")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_update_per_item"
            )
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id}"

    @classmethod
    def remember(cls, model, pks):
        content_type = ContentType.objects.get_for_model(
            model, for_concrete_model=False
        )
        cls.objects.bulk_create(
            [cls(content_type=content_type, object_id=str(pk)) for pk in pks],
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["queued_at"],
        )

    @classmethod
    def replay(cls, backend):
        """Index what still exists and remove what was deleted; returns the count.

        Entries are removed only once the engine has taken them.
        """
        done = 0
        for content_type in ContentType.objects.filter(
            pk__in=cls.objects.values("content_type")
        ):
            model = content_type.model_class()
            pending = list(cls.objects.filter(content_type=content_type))
            ids = [entry.object_id for entry in pending]
            existing = model.objects.in_bulk(ids)
            backend.add_bulk(model, list(existing.values()), defer_on_failure=False)
            for object_id in ids:
                if int(object_id) not in existing:
                    backend.delete(model(pk=object_id), defer_on_failure=False)
            cls.objects.filter(pk__in=[entry.pk for entry in pending]).delete()
            done += len(pending)
        return done
