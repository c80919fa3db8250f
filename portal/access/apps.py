from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "portal.access"
    label = "access"
    verbose_name = _("Access")

    def ready(self):
        from django.db.models.signals import post_migrate

        from portal.access.signal_handlers import register_signal_handlers, sync_roles

        register_signal_handlers()
        post_migrate.connect(sync_roles, sender=self)
