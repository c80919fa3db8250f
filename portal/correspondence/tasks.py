from django.apps import apps
from django_tasks import task


@task()
def read_entry_file(model_label, entry_id):
    """Read a register entry's new file in the background worker: a scan's
    text is recognised (see portal.ocr)."""
    entry = apps.get_model(model_label).objects.filter(pk=entry_id).first()
    if entry is not None and entry.file:
        entry.read_file()
