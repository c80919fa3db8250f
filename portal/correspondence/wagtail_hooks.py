from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.correspondence.models import IncomingDocument
from portal.correspondence.models.incoming import REGISTER_INCOMING
from portal.correspondence.models.outgoing import ARCHIVE, RELEASE
from portal.correspondence.models.reports import RECEIVE
from portal.correspondence.models.routing import REPLY, ROUTE
from portal.correspondence.permission_policies import NeverDeletedPolicy
from portal.correspondence.viewsets import CorrespondenceViewSetGroup

register_permission_policy(IncomingDocument, NeverDeletedPolicy(IncomingDocument))


@hooks.register("register_log_actions")
def register_correspondence_actions(actions):
    actions.register_action(
        REGISTER_INCOMING,
        _("Register an incoming document"),
        _("Incoming document registered"),
    )
    actions.register_action(
        RELEASE, _("Release an outgoing document"), _("Outgoing document released")
    )
    actions.register_action(
        ARCHIVE, _("Put a document into the archive"), _("Put into the archive")
    )
    actions.register_action(
        ROUTE, _("Route an incoming document"), _("Incoming document routed")
    )
    actions.register_action(REPLY, _("Record the reply"), _("Reply recorded"))
    actions.register_action(
        RECEIVE, _("Record a report on tasks"), _("Recorded as a report on tasks")
    )


@hooks.register("register_admin_viewset")
def register_correspondence_viewsets():
    return CorrespondenceViewSetGroup()
