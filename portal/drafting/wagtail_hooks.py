from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from portal.drafting.dashboard import waiting_drafts
from portal.drafting.models.drafts import Action

LOG_ACTIONS = [
    (Action.CREATE, _("Create an outgoing draft"), _("Draft created")),
    (Action.VERSION, _("Add a version"), _("Version added")),
    (Action.SUBMIT, _("Submit for approval"), _("Submitted for approval")),
    (Action.APPROVE, _("Approve a draft"), _("Approved")),
    (Action.RETURN, _("Return a draft"), _("Returned for revision")),
    (Action.FORWARD, _("Forward a draft"), _("Forwarded")),
    (Action.SIGN, _("Sign a draft"), _("Signed by the signer")),
    (
        Action.RELEASE,
        _("Release a draft"),
        _("Numbered, sealed with the organisation's signature and released"),
    ),
]


@hooks.register("register_log_actions")
def register_drafting_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


class WaitingDraftsPanel(Component):
    name = "waiting_drafts"
    template_name = "drafting/waiting_drafts_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        return {
            "rows": waiting_drafts(parent_context["request"].user),
            "now": timezone.now(),
        }


@hooks.register("construct_homepage_panels")
def add_waiting_drafts_panel(request, panels):
    panels.append(WaitingDraftsPanel())
