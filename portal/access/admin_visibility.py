"""What the admin shows of access-controlled items: the same as the public side.

Editors see drafts, but an item they may not see is absent from every admin
list and answers 404 on every admin URL, whatever view serves it. Visibility
itself is decided by the items (``visible_to_q`` and ``is_visible_to``); this
module only applies it to the admin's querysets and URLs.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import Page

from portal.access.models import AccessControlled

_ADMIN_SCOPES = {}


def register_admin_scope(model, scope):
    """Let a model whose items are not AccessControlled say which of them a user
    may see in the admin: ``scope(user)`` returns them as a queryset. Meetings
    follow their schedule entry, questions the unit they are assigned to; their
    log entries and other rows pointing at them follow too."""
    _ADMIN_SCOPES[model] = scope


def access_controlled_models():
    return [model for model in apps.get_models() if issubclass(model, AccessControlled)]


def scoped_models():
    return [*access_controlled_models(), *_ADMIN_SCOPES]


def hidden_pages_q(user):
    """A filter matching the pages of an access-controlled type the user may not see."""
    hidden = Q(pk__in=[])
    for model in access_controlled_models():
        if issubclass(model, Page):
            visible = model.objects.filter(model.visible_to_q(user)).values("pk")
            hidden |= Q(pk__in=model.objects.exclude(pk__in=visible).values("pk"))
    return hidden


def admin_queryset(model, user):
    """The model's items the user may see in the admin, drafts included."""
    if model in _ADMIN_SCOPES:
        return _ADMIN_SCOPES[model](user)
    if issubclass(model, AccessControlled):
        return model._default_manager.filter(model.visible_to_q(user))
    if issubclass(model, Page):
        return model._default_manager.exclude(hidden_pages_q(user))
    return model._default_manager.all()


def exclude_hidden_objects(queryset, user, prefix=""):
    """Leave out the rows that point, through a content type and an object id
    (log entries, workflow states), to items the user may not see."""
    for model in scoped_models():
        hidden = (
            model._default_manager.exclude(
                pk__in=admin_queryset(model, user).values("pk")
            )
            .annotate(text_pk=Cast("pk", CharField()))
            .values("text_pk")
        )
        queryset = queryset.exclude(
            **{
                f"{prefix}content_type": ContentType.objects.get_for_model(model),
                f"{prefix}object_id__in": hidden,
            }
        )
    return queryset


def is_visible_in_admin(item, user):
    if type(item) in _ADMIN_SCOPES:
        return _ADMIN_SCOPES[type(item)](user).filter(pk=item.pk).exists()
    if isinstance(item, Page):
        item = item.specific_deferred
    return not isinstance(item, AccessControlled) or item.is_visible_to(user)
