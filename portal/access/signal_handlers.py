from django.db.models.signals import post_delete, post_save
from guardian.models import GroupObjectPermission, UserObjectPermission
from wagtail.search.tasks import insert_or_update_object_task

from portal.access.models import AccessControlled


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


def register_signal_handlers():
    for model in (GroupObjectPermission, UserObjectPermission):
        post_save.connect(reindex_shared_item, sender=model)
        post_delete.connect(reindex_shared_item, sender=model)
