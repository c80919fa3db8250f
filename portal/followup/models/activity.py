"""What happens to a task after it is assigned: progress reports and requests
for more time."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.uploads import REPORT_KINDS, FileKindValidator
from portal.followup.models.tasks import Task
from portal.followup.models.units import Unit


def private_storage():
    from django.core.files.storage import storages

    # Reports are internal: served only through a view that checks the task.
    return storages["private"]


class ProgressReport(models.Model):
    """A unit's report on a task (báo cáo tiến độ)."""

    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="reports"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("progress"))
    percent = models.PositiveSmallIntegerField(
        _("percent complete"), validators=[MaxValueValidator(100)]
    )
    attachment = models.FileField(
        _("attachment"),
        upload_to="followup/%Y/%m/",
        storage=private_storage,
        blank=True,
        validators=[FileKindValidator(REPORT_KINDS)],
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reported_on = models.DateField(_("reported on"), default=timezone.localdate)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.unit}: {self.percent}%"

    @property
    def attachment_name(self):
        return self.attachment.name.rsplit("/", 1)[-1]

    def clean(self):
        super().clean()
        if self.task_id and self.task.is_completed:
            raise ValidationError(
                _("This task is closed: no more progress reports can be added.")
            )

    def submit(self):
        """Save the report; the task starts, and a recurring one moves on."""
        self.full_clean()
        task = self.task
        with transaction.atomic():
            self.save()
            task.start()
            task.advance_recurring_deadline(self.reported_on)
            task.save(update_fields=["status", "deadline"])
            task.log(
                "followup.report",
                self.reported_by,
                unit=self.unit.name,
                percent=self.percent,
            )


class ExtensionRequest(models.Model):
    """A unit asks for a later deadline (đề nghị gia hạn); the office decides."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Pending")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    task = models.ForeignKey(
        Task,
        verbose_name=_("task"),
        on_delete=models.CASCADE,
        related_name="extension_requests",
    )
    proposed_deadline = models.DateField(_("proposed deadline"))
    reason = models.TextField(_("reason"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_on = models.DateField(_("requested on"), default=timezone.localdate)
    decision = models.CharField(
        _("decision"),
        max_length=16,
        choices=Decision.choices,
        default=Decision.PENDING,
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    previous_deadline = models.DateField(
        _("previous deadline"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")
        ordering = ["-requested_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["task"],
                condition=models.Q(decision="pending"),
                name="one_pending_extension_per_task",
                violation_error_message=_(
                    "This task already has an extension request waiting for a decision."
                ),
            )
        ]

    def __str__(self):
        return f"{self.task} → {self.proposed_deadline}"

    @property
    def is_pending(self):
        return self.decision == self.Decision.PENDING

    def clean(self):
        super().clean()
        if not self.task_id or not self.is_pending:
            return
        if self.task.is_completed:
            raise ValidationError(_("This task is closed: its deadline cannot change."))
        if self.proposed_deadline and self.proposed_deadline < self.requested_on:
            raise ValidationError(
                {"proposed_deadline": _("The new deadline cannot be in the past.")}
            )
        if self.proposed_deadline and self.proposed_deadline <= self.task.deadline:
            raise ValidationError(
                {
                    "proposed_deadline": _(
                        "The new deadline must be later than the current one."
                    )
                }
            )

    def submit(self):
        self.full_clean()
        with transaction.atomic():
            self.save()
            self.task.log(
                "followup.extension_request",
                self.requested_by,
                proposed_deadline=self.proposed_deadline.isoformat(),
            )

    def decide(self, granted, reason, user):
        """Grant (the deadline moves) or refuse (a reason is required)."""
        if not granted and not reason.strip():
            raise ValidationError(
                {"decision_reason": _("Give the reason for refusing the extension.")}
            )
        task = self.task
        self.decision = self.Decision.GRANTED if granted else self.Decision.REFUSED
        self.decision_reason = reason
        self.decided_by = user
        self.decided_on = timezone.localdate()
        with transaction.atomic():
            if granted:
                self.previous_deadline = task.deadline
                task.deadline = self.proposed_deadline
                task.save(update_fields=["deadline"])
            self.save()
            task.log(
                "followup.extension_granted"
                if granted
                else "followup.extension_refused",
                user,
                deadline=task.deadline.isoformat(),
                reason=reason,
            )
            from portal.followup.models.notices import Notification

            Notification.objects.notify(task, Notification.Kind.EXTENSION_DECIDED)
