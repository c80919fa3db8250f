from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.questions.models import ASSIGN, DRAFT, PUBLISH, REJECT, UNPUBLISH, Question
from portal.questions.permission_policies import QuestionPermissionPolicy
from portal.questions.viewsets import QuestionViewSet

register_permission_policy(Question, QuestionPermissionPolicy(Question))


@hooks.register("register_log_actions")
def register_question_actions(actions):
    actions.register_action(ASSIGN, _("Assign to a unit"), _("Assigned to a unit"))
    actions.register_action(DRAFT, _("Draft the answer"), _("Answer drafted"))
    actions.register_action(PUBLISH, _("Publish the answer"), _("Answer published"))
    actions.register_action(
        UNPUBLISH, _("Unpublish the answer"), _("Answer unpublished")
    )
    actions.register_action(REJECT, _("Do not accept"), _("Not accepted"))


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet()
