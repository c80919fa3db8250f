from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "portal.access"
    label = "access"
    verbose_name = _("Access")

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy

        from portal.access.permission_policies import (
            AccessControlledPagePermissionPolicy,
        )
        from portal.access.signal_handlers import register_signal_handlers, sync_roles

        register_signal_handlers()
        post_migrate.connect(sync_roles, sender=self)
        # Replaces Wagtail's page policy: what it lists leaves out hidden pages.
        register_permission_policy(AbstractPage, AccessControlledPagePermissionPolicy())
