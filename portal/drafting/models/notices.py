from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class DraftNotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def mark_read(self):
        return self.unread().update(read_at=timezone.now())

    def notify(self, draft, kind, recipients):
        """Tell each recipient in the intranet and, once the change is
        committed, by e-mail."""
        recipients = list({user.pk: user for user in recipients}.values())
        created = self.bulk_create(
            self.model(recipient=user, draft=draft, kind=kind) for user in recipients
        )
        mailed = [user for user in recipients if user.email]
        if mailed:
            transaction.on_commit(
                lambda: send_mass_mail(_messages(draft, kind, mailed))
            )
        return created


def _messages(draft, kind, recipients):
    url = settings.WAGTAILADMIN_BASE_URL + reverse("drafting:draft", args=[draft.pk])
    with translation.override(settings.LANGUAGE_CODE):
        subject = f"[{_('Drafts')}] {DraftNotification.Kind(kind).label}"
        body = render_to_string(
            "drafting/notification_email.txt",
            {"draft": draft, "kind": DraftNotification.Kind(kind).label, "url": url},
        )
    return [
        (str(subject), body, settings.DEFAULT_FROM_EMAIL, [user.email])
        for user in recipients
    ]


class DraftNotification(models.Model):
    """What the intranet tells a person about a draft, beside the e-mail."""

    class Kind(models.TextChoices):
        TO_HANDLE = "to_handle", _("A draft waits for you")
        RETURNED = "returned", _("A draft of your unit was returned")
        TO_RELEASE = "to_release", _("A signed draft waits for release")
        RELEASED = "released", _("A draft of your unit was released")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="draft_notifications",
    )
    draft = models.ForeignKey(
        "drafting.Draft",
        verbose_name=_("draft"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = DraftNotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("draft notification")
        verbose_name_plural = _("draft notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.draft}"
