from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftingConfig(AppConfig):
    name = "portal.drafting"
    label = "drafting"
    verbose_name = _("Drafting and approval of outgoing documents")

    def ready(self):
        from portal.access.admin_visibility import register_admin_scope
        from portal.drafting.models import Draft

        # The site history shows a draft's log entries only to who may see it.
        register_admin_scope(Draft, Draft.objects.visible_to)
