from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from portal.comments.models import Comment


def moderators():
    """Active users with an e-mail address who may moderate comments."""
    may_moderate = Q(
        groups__permissions__codename="change_comment",
        groups__permissions__content_type__app_label="comments",
    ) | Q(is_superuser=True)
    return (
        get_user_model()
        .objects.filter(may_moderate, is_active=True)
        .exclude(email="")
        .distinct()
    )


@task()
def notify_moderators(comment_id):
    if not settings.COMMENTS_NOTIFY_MODERATORS:
        return 0
    comment = Comment.objects.select_related("page").get(pk=comment_id)
    recipients = list(moderators().values_list("email", flat=True))
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"comment": comment, "base_url": settings.WAGTAILADMIN_BASE_URL}
        subject = render_to_string("comments/email/new_comment_subject.txt", context)
        body = render_to_string("comments/email/new_comment.txt", context)
    return send_mail(" ".join(subject.split()), body, None, recipients)
