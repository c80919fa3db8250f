from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrespondenceConfig(AppConfig):
    name = "portal.correspondence"
    label = "correspondence"
    verbose_name = _("Correspondence registers")

    def ready(self):
        from portal.correspondence.scans import register_scans
        from portal.correspondence.searchable import register_search

        register_search()
        register_scans()
