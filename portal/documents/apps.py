from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "portal.documents"
    label = "documents"
    verbose_name = _("Document archive")

    def ready(self):
        from portal.documents.searchable import register_search

        register_search()

        from portal.documents.scans import register_scans

        register_scans()

        from portal.documents.signal_handlers import register_signal_handlers

        register_signal_handlers()
