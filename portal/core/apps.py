from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Portal core"

    def ready(self):
        from portal.core.signal_handlers import register_signal_handlers

        register_signal_handlers()

        # Every slug field in the admin turns a Vietnamese title into an ASCII
        # address (WAGTAIL_ALLOW_UNICODE_SLUGS is off).
        from django.db.models import SlugField
        from wagtail.admin.forms.models import register_form_field_override

        from portal.core.widgets import VietnameseSlugInput

        register_form_field_override(
            SlugField, override={"widget": VietnameseSlugInput}
        )
