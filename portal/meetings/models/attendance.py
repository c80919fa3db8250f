from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.meetings.models.meetings import Meeting


class Response(models.TextChoices):
    PENDING = "pending", _("Not answered yet")
    CONFIRMED = "confirmed", _("Will attend")
    DECLINED = "declined", _("Will not attend")


class Attendance(models.Model):
    """A participant of a meeting and their answer to the invitation."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="meeting_attendances",
    )
    response = models.CharField(
        _("response"),
        max_length=16,
        choices=Response.choices,
        default=Response.PENDING,
    )
    reason = models.TextField(_("reason for absence"), blank=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="one_attendance_per_meeting_and_user"
            )
        ]

    def __str__(self):
        return str(self.user.get_full_name() or self.user.get_username())

    def respond(self, response, reason=""):
        """Record the participant's answer; declining needs a reason."""
        reason = reason.strip()
        if response == Response.DECLINED and not reason:
            raise ValidationError(
                {"reason": _("Please give the reason you cannot attend.")},
                code="reason_required",
            )
        if response not in (Response.CONFIRMED, Response.DECLINED):
            raise ValidationError(_("Choose whether you will attend."))
        self.response = response
        self.reason = reason if response == Response.DECLINED else ""
        self.responded_at = timezone.now()
        self.save(update_fields=["response", "reason", "responded_at"])
