from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OcrConfig(AppConfig):
    name = "portal.ocr"
    label = "ocr"
    verbose_name = _("Text recognition of scans")
