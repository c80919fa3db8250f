from django.db.models.signals import post_delete, post_save
from guardian.models import GroupObjectPermission, UserObjectPermission
from wagtail.search.tasks import insert_or_update_object_task

from portal.access.models import AccessControlled
from portal.core.cache import invalidate_anonymous_pages


def reindex_shared_item(instance, **kwargs):
    """An item's principals live in its index entry: sharing it changes them."""
    if kwargs.get("raw"):
        return
    model = instance.content_type.model_class()
    if model is None or not issubclass(model, AccessControlled):
        return
    insert_or_update_object_task.enqueue(
        model._meta.app_label, model._meta.model_name, str(instance.object_pk)
    )


def retire_cached_pages(instance, **kwargs):
    """An item's access level decides whether anonymous readers may see it."""
    if isinstance(instance, AccessControlled):
        invalidate_anonymous_pages()


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
        post_save.connect(reindex_shared_item, sender=model)
        post_delete.connect(reindex_shared_item, sender=model)
