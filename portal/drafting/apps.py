from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftingConfig(AppConfig):
    name = "portal.drafting"
    label = "drafting"
    verbose_name = _("Drafting and approval of outgoing documents")
