from django.apps import AppConfig
from wagtail.users import apps as wagtail_users


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Portal core"

    def ready(self):
        from portal.core.signal_handlers import register_signal_handlers

        register_signal_handlers()

        from django.db.backends.signals import connection_created

        from portal.core.collation import register_sqlite_collation
        from portal.core.people import (
            install_vietnamese_full_name,
            register_people_choices,
        )

        connection_created.connect(register_sqlite_collation)
        install_vietnamese_full_name()
        register_people_choices()

        # Every slug field in the admin turns a Vietnamese title into an ASCII
        # address (WAGTAIL_ALLOW_UNICODE_SLUGS is off).
        from django.db.models import SlugField
        from wagtail.admin.forms.models import register_form_field_override

        from portal.core.widgets import VietnameseSlugInput

        register_form_field_override(
            SlugField, override={"widget": VietnameseSlugInput}
        )


class PortalUsersConfig(wagtail_users.WagtailUsersAppConfig):
    """Wagtail's users and groups, with people and groups listed in Vietnamese
    order. Named in INSTALLED_APPS in place of "wagtail.users"."""

    default = False
    user_viewset = "portal.core.user_admin.UserViewSet"
    group_viewset = "portal.core.user_admin.GroupViewSet"
