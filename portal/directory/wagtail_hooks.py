from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.directory.models import StaffContact


class StaffContactViewSet(SnippetViewSet):
    """Clerks and administrators keep the positions and phones; who belongs to
    which unit is kept with the units."""

    model = StaffContact
    icon = "user"
    menu_label = _("Staff directory")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["user", "position", "office_phone", "mobile_phone"]
    search_fields = [
        "user__last_name",
        "user__first_name",
        "position",
        "office_phone",
        "mobile_phone",
    ]
    search_backend_name = None


register_snippet(StaffContactViewSet)
