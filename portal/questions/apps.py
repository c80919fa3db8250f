from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "portal.questions"
    label = "questions"
    verbose_name = _("Questions and feedback")

    def ready(self):
        from portal.access.admin_visibility import register_admin_scope
        from portal.questions.models import Question

        register_admin_scope(Question, Question.objects.handled_by)
