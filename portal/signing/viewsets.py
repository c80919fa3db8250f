from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from portal.signing.models import SigningKey


class SigningKeyViewSet(ModelViewSet):
    """Administrators say where each signer's key and the organisation's key
    live; the keys themselves stay in their files and tokens."""

    model = SigningKey
    icon = "key"
    menu_label = _("Signing keys")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = [
        "name",
        "owner",
        "kind",
        "pkcs12_file",
        "pkcs11_module",
        "token_label",
        "key_label",
        "image",
        "active",
    ]
    list_display = ["name", "owner", "kind", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]
