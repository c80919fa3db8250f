"""How the archive's attachments take part in text recognition (see
``portal.ocr.registry``): a PDF attachment that carries no text is a scan."""

from operator import attrgetter

from wagtail.permissions import policy_registry

from portal.documents.extraction import TextStatus
from portal.documents.models import Attachment, Document
from portal.ocr import registry
from portal.ocr.models import Recognition


def may_rerun(user, attachment):
    document = attachment.document
    return document.is_visible_to(user) and policy_registry.get_by_type(
        Document
    ).user_has_permission_for_instance(user, "change", document)


def backlog():
    """Attachments read before recognition existed: PDFs found without text."""
    recognised = Recognition.objects.filter(
        content_type__app_label="documents", content_type__model="attachment"
    ).values("object_id")
    return (
        Attachment.objects.filter(
            text_status=TextStatus.EXTRACTED,
            extracted_text="",
            file__iendswith=".pdf",
        )
        .exclude(pk__in=recognised)
        .select_related("document")
        .order_by("pk")
    )


def register_scans():
    registry.register(
        Attachment,
        file=attrgetter("file"),
        recognised=Attachment.take_recognised_text,
        may_rerun=may_rerun,
        backlog=backlog,
        read=Attachment.extract_text,
    )
