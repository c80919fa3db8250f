from django.shortcuts import get_list_or_404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.comments.models import Comment
from portal.core.admin_guards import GuardedViewSetMixin
from portal.core.admin_menu import counting_menu_item


def moderated_comments(user):
    """The comments on the pages the user may reach in the admin: none on an
    article they may not see."""
    pages = policy_registry.get_by_type(Page).explorable_instances(user)
    return Comment.objects.filter(page__in=pages.values("pk"))


class CommentViewSet(GuardedViewSetMixin, SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["subject", "name", "page", "created_at", "status"]
    list_filter = ["status"]
    search_fields = ["name", "subject", "body"]
    ordering = ["-created_at"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return moderated_comments(request.user)

    @property
    def menu_item_class(self):
        return counting_menu_item(
            super().menu_item_class,
            lambda user: moderated_comments(user).pending().count(),
        )


register_snippet(CommentViewSet)


class ModerateCommentsBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "comments/bulk_actions/confirm_moderation.html"
    status = None

    def get_queryset(self, model, object_ids):
        return get_list_or_404(moderated_comments(self.request.user), pk__in=object_ids)

    def check_perm(self, comment):
        return self.request.user.has_perm("comments.change_comment")

    def get_execution_context(self):
        return {"user": self.request.user, "status": self.status}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, **kwargs):
        changed = Comment.objects.filter(pk__in=[c.pk for c in objects]).moderate(
            status, user
        )
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message % {"count": num_parent_objects}


@hooks.register("register_bulk_action")
class ApproveCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10
    status = Comment.Status.APPROVED
    success_message = ngettext_lazy(
        "%(count)d comment approved.", "%(count)d comments approved.", "count"
    )


@hooks.register("register_bulk_action")
class RejectCommentsBulkAction(ModerateCommentsBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected comments")
    action_priority = 20
    status = Comment.Status.REJECTED
    success_message = ngettext_lazy(
        "%(count)d comment rejected.", "%(count)d comments rejected.", "count"
    )


class PendingCommentsSummaryItem(SummaryItem):
    order = 400
    template_name = "comments/pending_summary.html"

    def get_context_data(self, parent_context):
        return {"pending": moderated_comments(self.request.user).pending().count()}

    def is_shown(self):
        return self.request.user.has_perm("comments.change_comment")


@hooks.register("construct_homepage_summary_items")
def add_pending_comments(request, items):
    items.append(PendingCommentsSummaryItem(request))
