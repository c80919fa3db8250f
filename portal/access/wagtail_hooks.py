from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.bulk_actions import delete as snippet_bulk_actions

from portal.access.admin_views import (
    VisibleItemsBulkActionMixin,
    VisibleItemsViewSetMixin,
    VisibleUserObjectsInWorkflowModerationPanel,
    VisibleWorkflowObjectsToModeratePanel,
)
from portal.access.admin_visibility import hidden_pages_q
from portal.access.sharing import SHARING_ACTION


@hooks.register("register_log_actions")
def register_access_actions(actions):
    actions.register_action(SHARING_ACTION, _("Change sharing"), _("Sharing changed"))
    actions.register_action(
        "portal.access", _("Change access level"), _("Access level changed")
    )


@hooks.register("construct_page_chooser_queryset")
def choose_only_visible_pages(pages, request):
    return pages.exclude(hidden_pages_q(request.user))


@hooks.register("construct_homepage_panels")
def moderation_panels_keep_to_visible_items(request, panels):
    replacements = {
        WorkflowObjectsToModeratePanel: VisibleWorkflowObjectsToModeratePanel,
        UserObjectsInWorkflowModerationPanel: (
            VisibleUserObjectsInWorkflowModerationPanel
        ),
    }
    panels[:] = [
        replacements[type(panel)]() if type(panel) in replacements else panel
        for panel in panels
    ]


# Registered last, so that they take the place of Wagtail's own actions.
for action_class in (
    snippet_bulk_actions.DeleteBulkAction,
    page_bulk_actions.DeleteBulkAction,
    page_bulk_actions.MoveBulkAction,
    page_bulk_actions.PublishBulkAction,
    page_bulk_actions.UnpublishBulkAction,
):
    hooks.register(
        "register_bulk_action",
        type(action_class.__name__, (VisibleItemsBulkActionMixin, action_class), {}),
        order=1000,
    )


@hooks.register("register_snippet_listing_buttons")
def sharing_button(snippet, user, next_url=None):
    viewset = getattr(type(snippet), "snippet_viewset", None)
    if isinstance(viewset, VisibleItemsViewSetMixin):
        yield ListingButton(
            _("Sharing"),
            reverse(viewset.get_url_name("sharing"), args=[snippet.pk]),
            icon_name="lock",
            priority=30,
        )
