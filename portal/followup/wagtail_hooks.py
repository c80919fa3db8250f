from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.followup.models import Unit

LOG_ACTIONS = [
    ("followup.assign", _("Assign task"), _("Task assigned")),
    ("followup.report", _("Report progress"), _("Progress reported")),
    (
        "followup.extension_request",
        _("Request extension"),
        _("Extension requested"),
    ),
    ("followup.extension_granted", _("Grant extension"), _("Extension granted")),
    ("followup.extension_refused", _("Refuse extension"), _("Extension refused")),
    ("followup.close", _("Close task"), _("Task closed with an evaluation")),
    (
        "followup.carry_over",
        _("Carry task over"),
        _("Task carried over to the document that replaced its source"),
    ),
]


@hooks.register("register_log_actions")
def register_followup_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


class UnitViewSet(SnippetViewSet):
    """Administrators and clerks keep the tree of units and their members."""

    model = Unit
    icon = "group"
    menu_label = _("Units")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "abbreviation", "parent"]
    search_fields = ["name", "abbreviation"]
    search_backend_name = None


register_snippet(UnitViewSet)
