from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from guardian.models import GroupObjectPermission, UserObjectPermission
from wagtail.models import Page
from wagtail.signals import post_page_move

from portal.access.models import AccessControlled
from portal.access.principals import forget_groups
from portal.access.signals import visibility_changed
from portal.core.cache import invalidate_anonymous_pages

# What decides, besides sharing, whether an item may be seen.
VISIBILITY_FIELDS = ("access", "live")


def announce_shared_item(instance, **kwargs):
    """Sharing an item changes who may see it."""
    if kwargs.get("raw"):
        return
    model = instance.content_type.model_class()
    if model is None or not issubclass(model, AccessControlled):
        return
    visibility_changed.send(sender=model, pks=[instance.object_pk])


def note_visibility_before_save(instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, AccessControlled) or instance._state.adding:
        return
    fields = [name for name in VISIBILITY_FIELDS if hasattr(instance, name)]
    if update_fields is not None:
        fields = [name for name in fields if name in update_fields]
    if not fields:
        return
    before = type(instance)._default_manager.filter(pk=instance.pk).values(*fields)
    instance._visibility_changed = any(
        row[name] != getattr(instance, name) for row in before for name in fields
    )


def announce_saved_visibility(instance, **kwargs):
    """A new access level, publication or withdrawal changes who may see it."""
    if getattr(instance, "_visibility_changed", False):
        instance._visibility_changed = False
        visibility_changed.send(sender=type(instance), pks=[instance.pk])


def announce_moved_pages(instance, **kwargs):
    """A page moved under other view restrictions, with its descendants: their
    entries hold the tree paths they had."""
    pages = Page.objects.descendant_of(instance, inclusive=True)
    visibility_changed.send(sender=Page, pks=list(pages.values_list("pk", flat=True)))


def retire_cached_pages(instance, **kwargs):
    """An item's access level decides whether anonymous readers may see it."""
    if isinstance(instance, AccessControlled):
        invalidate_anonymous_pages()


def forget_changed_groups(instance, action, reverse, **kwargs):
    """The user whose groups changed through it reads them again."""
    if action.startswith("post_") and not reverse:
        forget_groups(instance)


def sync_roles(app_config, apps=None, using="default", **kwargs):
    """Complete the roles once every migration has run.

    Django and Wagtail create permissions app by app after migrating, some
    perhaps only after this handler; creating them first is harmless.
    """
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions
    from wagtail.snippets.models import create_extra_permissions

    from portal.access import roles

    apps = apps or global_apps
    for config in global_apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    create_extra_permissions(app_config, using=using)
    roles.sync_roles(global_apps)


def register_signal_handlers():
    post_save.connect(retire_cached_pages)
    post_delete.connect(retire_cached_pages)
    for model in (GroupObjectPermission, UserObjectPermission):
        post_save.connect(announce_shared_item, sender=model)
        post_delete.connect(announce_shared_item, sender=model)
    pre_save.connect(note_visibility_before_save)
    post_save.connect(announce_saved_visibility)
    post_page_move.connect(announce_moved_pages)
    m2m_changed.connect(forget_changed_groups, sender=get_user_model().groups.through)
