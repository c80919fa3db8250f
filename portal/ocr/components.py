"""How a file's text recognition shows in the admin: its status, the reason it
failed, and the way to run it again."""

from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component

from portal.ocr.models import recognition_of


class RecognitionStatus(Component):
    template_name = "ocr/recognition_status.html"

    def __init__(self, recognition, next_url=""):
        self.recognition = recognition
        self.next_url = next_url

    def get_context_data(self, parent_context=None):
        return {
            "recognition": self.recognition,
            "rerun_url": reverse("ocr_rerun", args=[self.recognition.pk]),
            "next_url": self.next_url,
        }


def recognition_status(holder, next_url=""):
    """The status of the holder's file, or None when it needs no recognition."""
    recognition = recognition_of(holder) if holder.file else None
    return RecognitionStatus(recognition, next_url) if recognition else None


class RecognitionPanel(Panel):
    """A read-only panel with the status of the edited item's file."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "ocr/recognition_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            request = self.request
            context["status"] = recognition_status(
                self.instance, request.get_full_path() if request else ""
            )
            return context

        def is_shown(self):
            return bool(self.instance and self.instance.pk)
