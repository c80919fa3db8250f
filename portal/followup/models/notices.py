"""How the portal urges units: notifications in the intranet, reminders by mail."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.followup.models.tasks import Task
from portal.followup.models.units import Unit


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def mark_read(self):
        """Mark the unread ones read, keeping when the others were read."""
        return self.unread().update(read_at=timezone.now())

    def notify(self, task, kind, units=None):
        """One notification to every member of the task's units (or of ``units``)."""
        from django.contrib.auth import get_user_model

        recipients = (
            get_user_model()
            .objects.filter(unit_memberships__unit__in=units or task.units())
            .distinct()
        )
        return self.bulk_create(
            self.model(recipient=user, task=task, kind=kind) for user in recipients
        )


class Notification(models.Model):
    class Kind(models.TextChoices):
        ASSIGNED = "assigned", _("New task for your unit")
        DUE_SOON = "due_soon", _("Deadline approaching")
        OVERDUE = "overdue", _("Task overdue")
        EXTENSION_DECIDED = "extension_decided", _("Extension request decided")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="followup_notifications",
    )
    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.task}"


class Reminder(models.Model):
    """A reminder mailed to a unit's members; one per task, unit, kind and day."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Deadline approaching")
        OVERDUE = "overdue", _("Task overdue")

    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="reminders"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    sent_on = models.DateField(_("sent on"))
    recipients = models.PositiveIntegerField(_("number of recipients"), default=0)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "unit", "kind", "sent_on"],
                name="one_reminder_per_task_unit_kind_and_day",
            )
        ]

    def __str__(self):
        return f"{self.sent_on} {self.get_kind_display()}: {self.task} → {self.unit}"
