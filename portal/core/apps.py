from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Portal core"

    def ready(self):
        from portal.core.signal_handlers import register_signal_handlers

        register_signal_handlers()
