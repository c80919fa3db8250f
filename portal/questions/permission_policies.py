from wagtail.permission_policies import ModelPermissionPolicy

from portal.questions.models import Question


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Questions come from readers only, and each user works on those
    ``Question.objects.handled_by`` them: the office on all, a unit on its own."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Question.objects.none()
        return Question.objects.handled_by(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and Question.objects.handled_by(user).filter(pk=instance.pk).exists()
        )
