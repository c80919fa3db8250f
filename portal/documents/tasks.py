from django.apps import apps
from django_tasks import task


@task()
def extract_attachment_text(attachment_id):
    """Read an attachment's text in the background worker (see extraction.py)."""
    attachment = (
        apps.get_model("documents", "Attachment")
        .objects.select_related("document")
        .filter(pk=attachment_id)
        .first()
    )
    if attachment is not None:  # not deleted meanwhile
        attachment.extract_text()
