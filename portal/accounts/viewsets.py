from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from portal.accounts.models import ExternalAccount


class ExternalAccountViewSet(ModelViewSet):
    """Administrators link a directory or single sign-on identity to an existing
    portal account, which a sign-in never does by itself."""

    model = ExternalAccount
    icon = "link"
    menu_label = _("Linked external accounts")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["user", "source", "issuer", "subject"]
    list_display = ["user", "source", "issuer", "subject", "linked_at"]
    list_filter = ["source"]
