from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "portal.access"
    label = "access"
    verbose_name = _("Access")

    def ready(self):
        from portal.access.signal_handlers import register_signal_handlers

        register_signal_handlers()
