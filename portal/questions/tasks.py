"""E-mails along a question's way, sent in the background as comments' are."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from portal.questions.models import Question


def holders_of(permission):
    return list(
        get_user_model()
        # Roles grant model permissions through groups: the model backend's.
        .objects.with_perm(
            permission,
            include_superusers=True,
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def _send(template, question, recipients):
    if not settings.COMMENTS_NOTIFY_MODERATORS or not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"question": question, "base_url": settings.WAGTAILADMIN_BASE_URL}
        subject = render_to_string(f"questions/email/{template}_subject.txt", context)
        body = render_to_string(f"questions/email/{template}.txt", context)
    return send_mail(" ".join(subject.split()), body, None, recipients)


@task()
def notify_office(question_id):
    """A new question: the office assigns it (or turns it down)."""
    question = Question.objects.get(pk=question_id)
    return _send("new_question", question, holders_of("questions.assign_question"))


@task()
def notify_unit(question_id):
    question = Question.objects.select_related("unit").get(pk=question_id)
    return _send("assigned", question, question.unit.member_emails())


@task()
def notify_approvers(question_id):
    question = Question.objects.get(pk=question_id)
    return _send("answered", question, holders_of("questions.publish_question"))


@task()
def notify_reader(question_id):
    """The answer is published: a reader who left an e-mail address is told."""
    question = Question.objects.get(pk=question_id)
    recipients = [question.reader_email] if question.reader_email else []
    return _send("published", question, recipients)
