"""How the registers' files take part in text recognition (see
``portal.ocr.registry``): an image, or a PDF without text, is a scan."""

from operator import attrgetter

from wagtail.permissions import policy_registry

from portal.correspondence.models import IncomingDocument, OutgoingDocument
from portal.ocr import registry
from portal.ocr.models import Recognition


def may_rerun(user, entry):
    return policy_registry.get_by_type(type(entry)).user_has_permission(user, "change")


def backlog_of(model):
    def backlog():
        read = Recognition.objects.filter(
            content_type__app_label="correspondence",
            content_type__model=model._meta.model_name,
        ).values("object_id")
        return model.objects.exclude(file="").exclude(pk__in=read).order_by("pk")

    return backlog


def register_scans():
    for model in (IncomingDocument, OutgoingDocument):
        registry.register(
            model,
            file=attrgetter("file"),
            recognised=model.take_recognised_text,
            may_rerun=may_rerun,
            backlog=backlog_of(model),
            read=model.read_file,
        )
