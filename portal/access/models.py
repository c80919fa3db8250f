from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermission, UserObjectPermission
from wagtail.log_actions import log
from wagtail.models import Page

from portal.access import principals, restrictions


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal (all staff)")
    RESTRICTED = "restricted", _("Restricted (shared only)")


class AccessControlled(models.Model):
    """An item that is public, internal to staff, or shared with chosen people.

    Sharing of a restricted item is stored as django-guardian object permissions
    ("view_<model>") for groups and users, like Plone's Sharing tab. A page is
    also behind the view restrictions of its ancestors and its own.

    Who may see an item is decided here alone: ``is_visible_to`` for one item,
    ``visible_to_q`` for querysets; the search index holds the same answer.
    Access is not versioned: it applies at once and no revision carries it.
    """

    access = models.CharField(
        _("access"),
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
        db_index=True,
    )

    class Meta:
        abstract = True

    @classmethod
    def view_codename(cls):
        return f"view_{cls._meta.model_name}"

    def _object_permissions(self, model):
        return model.objects.filter(
            content_type=ContentType.objects.get_for_model(type(self)),
            object_pk=str(self.pk),
            permission__codename=self.view_codename(),
        )

    def shared_group_ids(self):
        return list(
            self._object_permissions(GroupObjectPermission).values_list(
                "group_id", flat=True
            )
        )

    def shared_user_ids(self):
        return list(
            self._object_permissions(UserObjectPermission).values_list(
                "user_id", flat=True
            )
        )

    def principals(self):
        if self.access == AccessLevel.PUBLIC:
            return [principals.PUBLIC]
        if self.access == AccessLevel.INTERNAL:
            return [principals.STAFF]
        return [
            *(principals.group_principal(pk) for pk in self.shared_group_ids()),
            *(principals.user_principal(pk) for pk in self.shared_user_ids()),
        ]

    def is_visible_to(self, user, request=None):
        """Whether the user may see the item. With the request, a page's password
        restrictions the reader has passed in this session count as passed."""
        if principals.sees_everything(user):
            return True
        if not set(self.principals()) & set(principals.principals_for_user(user)):
            return False
        if isinstance(self, Page):
            return restrictions.passes(self, user, request)
        return restrictions.passes_paths(self.guarding_paths(), user, request)

    @classmethod
    def visible_to_q(cls, user):
        """A filter for the items a user may see, for database listings."""
        if principals.sees_everything(user):
            return Q()
        if issubclass(cls, Page):
            return cls._access_q(user) & restrictions.passes_q(user)
        if not restrictions.passes_paths(cls.guarding_paths(), user):
            return Q(pk__in=[])
        return cls._access_q(user)

    @classmethod
    def guarding_paths(cls):
        """For items outside the page tree: the tree paths of the pages that serve
        them, whose view restrictions guard them too (and travel in their index
        entries as ``paths``). A page's own come from its place in the tree."""
        return []

    @classmethod
    def _access_q(cls, user):
        if user is None or not user.is_authenticated:
            return Q(access=AccessLevel.PUBLIC)
        shared = {
            "content_type": ContentType.objects.get_for_model(cls),
            "permission__codename": cls.view_codename(),
        }
        shared_ids = [
            model.objects.filter(**shared, **holder)
            .annotate(object_id=Cast("object_pk", models.BigIntegerField()))
            .values("object_id")
            for model, holder in (
                (GroupObjectPermission, {"group__in": principals.group_ids(user)}),
                (UserObjectPermission, {"user": user}),
            )
        ]
        return Q(access__in=[AccessLevel.PUBLIC, AccessLevel.INTERNAL]) | Q(
            Q(pk__in=shared_ids[0]) | Q(pk__in=shared_ids[1]),
            access=AccessLevel.RESTRICTED,
        )

    def with_content_json(self, content):
        """An object built from a revision (to publish, schedule, revert to, copy
        or preview it) keeps the item's current access level, whatever the
        revision holds. Sharing is kept outside revisions already."""
        obj = super().with_content_json(content)
        obj.access = self.access
        return obj

    def change_access(self, level, user):
        """Set the access level at once, outside revisions, and log the change.

        Returns whether it changed."""
        if self.access == level:
            return False
        previous, self.access = self.access, level
        self.save(update_fields=["access"])
        log(
            instance=self,
            action="portal.access",
            user=user,
            data={"from": previous, "to": level},
        )
        return True


def is_visible(item, user, request=None):
    """Whether the user may see any item: an access-controlled one as it says,
    any other page by the view restrictions on it and above it."""
    if isinstance(item, AccessControlled):
        return item.is_visible_to(user, request)
    if isinstance(item, Page):
        return restrictions.passes(item, user, request)
    return True


class AccessControlledQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(self.model.visible_to_q(user))
