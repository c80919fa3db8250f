from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.access.sharing import SHARING_ACTION


@hooks.register("register_log_actions")
def register_access_actions(actions):
    actions.register_action(SHARING_ACTION, _("Change sharing"), _("Sharing changed"))
    actions.register_action(
        "portal.access", _("Change access level"), _("Access level changed")
    )
