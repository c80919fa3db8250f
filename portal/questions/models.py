import hashlib
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.comments.captcha import ALPHABET
from portal.comments.models import ReaderSubmission, ReaderSubmissionQuerySet
from portal.comments.validators import normalize_phone_number, validate_phone_number
from portal.core.cache import invalidate_anonymous_pages
from portal.core.models import FoldedSearchText
from portal.followup.models import Unit

ASSIGN = "questions.assign"
DRAFT = "questions.draft"
PUBLISH = "questions.publish"
UNPUBLISH = "questions.unpublish"
REJECT = "questions.reject"

LOOKUP_SALT = "portal.questions.lookup"
LOOKUP_LENGTH = 16  # about 74 bits from a 25-letter alphabet


def lookup_code_for(submission_key):
    """The reader's look-up code, e.g. "K7QD-3MXA-…": derived from the security
    code's one-time key with the site's secret, so a repeated submit shows the
    same code, and nobody can compute it from what the reader was sent."""
    number = int.from_bytes(salted_hmac(LOOKUP_SALT, submission_key).digest())
    letters = []
    for _position in range(LOOKUP_LENGTH):
        number, index = divmod(number, len(ALPHABET))
        letters.append(ALPHABET[index])
    return "-".join(
        "".join(letters[start : start + 4]) for start in range(0, LOOKUP_LENGTH, 4)
    )


def lookup_digest(code):
    """What is stored of a look-up code: its hash, whatever the case and dashes."""
    cleaned = re.sub(r"[^0-9A-Z]", "", code.upper())
    return hashlib.sha256(cleaned.encode()).hexdigest()


def is_email(contact):
    return "@" in contact


def validate_contact(value):
    try:
        if is_email(value):
            validate_email(value)
        else:
            validate_phone_number(value)
    except ValidationError:
        raise ValidationError(
            _(
                "Enter an e-mail address or a Vietnamese phone number, "
                "for example ban@example.vn or 0912 345 678."
            ),
            code="invalid_contact",
        ) from None


def normalize_contact(value):
    value = value.strip()
    return value.lower() if is_email(value) else normalize_phone_number(value)


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned to a unit")
    ANSWERED = "answered", _("Answer awaiting approval")
    PUBLISHED = "published", _("Answered")
    REJECTED = "rejected", _("Not accepted")


class QuestionQuerySet(ReaderSubmissionQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def handled_by(self, user):
        """The questions a user works on in the admin: every one for the office
        (who assign or publish), those assigned to their units for the others."""
        office = ("questions.assign_question", "questions.publish_question")
        if any(user.has_perm(permission) for permission in office):
            return self.all()
        return self.filter(unit__in=Unit.objects.of_member(user))

    def waiting_for(self, user):
        """The questions that wait for the user's step: new ones for the office,
        drafts for approvers, assigned ones for the members of their units."""
        waiting = models.Q(
            status=Status.ASSIGNED, unit__in=Unit.objects.of_member(user)
        )
        if user.has_perm("questions.assign_question"):
            waiting |= models.Q(status=Status.RECEIVED)
        if user.has_perm("questions.publish_question"):
            waiting |= models.Q(status=Status.ANSWERED)
        return self.handled_by(user).filter(waiting)

    def search(self, text):
        """Questions with every word of the text as the start of a word; a word
        typed without diacritics finds every spelling of it."""
        return self.filter(self.model.words_q(text))

    def with_lookup_code(self, code):
        return self.filter(lookup_digest=lookup_digest(code)).first()


class Question(ReaderSubmission, FoldedSearchText):
    """A reader's question or feedback (hỏi đáp, góp ý).

    The office assigns it to a unit, the unit drafts an answer, an approver
    publishes it. Readers see only published answers; the sender follows the
    status with the look-up code shown once after sending.
    """

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        FEEDBACK = "feedback", _("Feedback")

    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.QUESTION
    )
    name = models.CharField(_("full name"), max_length=100)
    contact = models.CharField(
        _("e-mail or phone number"),
        max_length=254,
        validators=[validate_contact],
        help_text=_("Only the office sees it, to reply to you."),
    )
    subject_area = models.ForeignKey(
        "documents.SubjectArea",
        verbose_name=_("subject area"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("content"), max_length=4000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.RECEIVED,
        db_index=True,
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("answering unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    answer = models.TextField(
        _("draft answer"),
        blank=True,
        help_text=_("Readers see it once an approver publishes it."),
    )
    published_answer = models.TextField(
        _("published answer"), blank=True, editable=False
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    lookup_digest = models.CharField(max_length=64, unique=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]
        permissions = [
            ("assign_question", _("Can assign questions to units")),
            ("publish_question", _("Can publish answers")),
        ]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title

    @property
    def lookup_code(self):
        return lookup_code_for(self.submission_key)

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def has_unpublished_answer(self):
        return self.answer.strip() != self.published_answer.strip()

    def save(self, *args, **kwargs):
        if not self.lookup_digest:
            self.lookup_digest = lookup_digest(self.lookup_code)
        if self.is_published:
            self.fill_search_text(
                [self.title], [self.body, self.published_answer, self.name]
            )
        else:
            self.search_title = self.search_text = ""
        super().save(*args, **kwargs)

    def log(self, action, user, **data):
        log(instance=self, action=action, user=user, data=data)

    def _change(self, action, user, notify=None, **values):
        """Apply a step of the workflow: saved, logged, the cached public pages
        retired when what readers see may have changed, and whoever is next
        told by e-mail once it is committed."""
        was_published = self.is_published
        for name, value in values.items():
            setattr(self, name, value)
        with transaction.atomic():
            self.save()
            self.log(action, user)
            if was_published or self.is_published:
                invalidate_anonymous_pages()
            if notify:
                transaction.on_commit(lambda: notify.enqueue(self.pk))

    def assign(self, unit, user):
        if self.status == Status.REJECTED:
            raise ValidationError(
                _("A question that was not accepted is not assigned.")
            )
        from portal.questions import tasks

        status = self.status if self.is_published else Status.ASSIGNED
        self._change(ASSIGN, user, tasks.notify_unit, unit=unit, status=status)

    def draft_answer(self, text, user):
        if self.unit_id is None or self.status == Status.REJECTED:
            raise ValidationError(
                _("Only a question assigned to a unit can be answered.")
            )
        from portal.questions import tasks

        status = self.status if self.is_published else Status.ANSWERED
        self._change(DRAFT, user, tasks.notify_approvers, answer=text, status=status)

    def publish(self, user):
        if not self.answer.strip():
            raise ValidationError(_("Write the answer before publishing it."))
        if self.status == Status.REJECTED:
            raise ValidationError(
                _("A question that was not accepted is not published.")
            )
        from portal.questions import tasks

        self._change(
            PUBLISH,
            user,
            tasks.notify_reader,
            status=Status.PUBLISHED,
            published_answer=self.answer,
            published_at=timezone.now(),
        )

    def unpublish(self, user):
        if not self.is_published:
            raise ValidationError(_("The answer is not published."))
        self._change(
            UNPUBLISH,
            user,
            status=Status.ANSWERED,
            published_answer="",
            published_at=None,
        )

    def reject(self, user):
        if self.status == Status.REJECTED:
            raise ValidationError(_("The question is already marked as not accepted."))
        self._change(
            REJECT, user, status=Status.REJECTED, published_answer="", published_at=None
        )

    @property
    def reader_email(self):
        return self.contact if is_email(self.contact) else ""
