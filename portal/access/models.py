from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermission, UserObjectPermission

from portal.access import principals


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal (all staff)")
    RESTRICTED = "restricted", _("Restricted (shared only)")


class AccessControlled(models.Model):
    """An item that is public, internal to staff, or shared with chosen people.

    Sharing of a restricted item is stored as django-guardian object permissions
    ("view_<model>") for groups and users, like Plone's Sharing tab.
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

    def is_visible_to(self, user):
        if principals.sees_everything(user):
            return True
        return bool(set(self.principals()) & set(principals.principals_for_user(user)))

    @classmethod
    def visible_to_q(cls, user):
        """A filter for the items a user may see, for database listings."""
        if principals.sees_everything(user):
            return Q()
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
                (GroupObjectPermission, {"group__in": user.groups.all()}),
                (UserObjectPermission, {"user": user}),
            )
        ]
        return Q(access__in=[AccessLevel.PUBLIC, AccessLevel.INTERNAL]) | Q(
            Q(pk__in=shared_ids[0]) | Q(pk__in=shared_ids[1]),
            access=AccessLevel.RESTRICTED,
        )


class AccessControlledQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(self.model.visible_to_q(user))
