from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.comments.validators import validate_phone_number
from portal.core.cache import invalidate_anonymous_pages


class ReaderSubmissionQuerySet(models.QuerySet):
    def recent_from(self, address):
        window = timezone.now() - timedelta(seconds=settings.COMMENTS_RATE_WINDOW)
        return self.filter(ip_address=address, created_at__gte=window)


class ReaderSubmission(models.Model):
    """What a reader sends through a form guarded by the security code: when,
    from where (for the rate limit), and the code's one-time key."""

    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    # The security code's one-time key: a second submit of the same form
    # finds what the first one stored.
    submission_key = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        abstract = True


class CommentQuerySet(ReaderSubmissionQuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def moderate(self, status, user):
        """Approve or reject many at once; returns how many changed."""
        changed = self.exclude(status=status).update(
            status=status, moderated_at=timezone.now(), moderated_by=user
        )
        if changed:
            invalidate_anonymous_pages()
        return changed


class Comment(ReaderSubmission):
    """A reader's comment on a page, shown once an editor approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="reader_comments",
    )
    name = models.CharField(_("full name"), max_length=100)
    phone = models.CharField(
        _("phone number"),
        max_length=20,
        blank=True,
        validators=[validate_phone_number],
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("comment text"), max_length=4000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "status", "created_at"])]

    def __str__(self):
        return f"{self.name}: {self.subject}"

    def approve(self, user):
        Comment.objects.filter(pk=self.pk).moderate(self.Status.APPROVED, user)
        self.refresh_from_db()

    def reject(self, user):
        Comment.objects.filter(pk=self.pk).moderate(self.Status.REJECTED, user)
        self.refresh_from_db()


class SpentCodeQuerySet(models.QuerySet):
    def spend(self, key):
        """Record a security code as used up; codes past their age are dropped."""
        expired = timezone.now() - timedelta(seconds=settings.COMMENTS_CAPTCHA_MAX_AGE)
        self.filter(spent_at__lt=expired).delete()
        self.bulk_create([SpentCode(key=key)], ignore_conflicts=True)

    def is_spent(self, key):
        return self.filter(key=key).exists()


class SpentCode(models.Model):
    """The key of a security code answered wrongly: it admits no further guess.

    A code answered rightly is spent by what it let through (``submission_key``).
    """

    key = models.CharField(_("key"), max_length=64, unique=True)
    spent_at = models.DateTimeField(_("spent at"), default=timezone.now, db_index=True)

    objects = SpentCodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("spent security code")
        verbose_name_plural = _("spent security codes")

    def __str__(self):
        return self.key
