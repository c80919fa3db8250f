from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from portal.followup.models import Task
from portal.meetings.models.meetings import Meeting


class ConclusionTask(models.Model):
    """A follow-up task assigned from a meeting's conclusion.

    The follow-up app owns the task (deadlines, reports, reminders,
    dashboards); this link says which meeting it came from.
    """

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="conclusion_tasks",
    )
    task = models.OneToOneField(
        Task,
        verbose_name=_("follow-up task"),
        on_delete=models.PROTECT,
        related_name="meeting_link",
    )

    class Meta:
        verbose_name = _("task from the conclusion")
        verbose_name_plural = _("tasks from the conclusion")
        ordering = ["pk"]

    def __str__(self):
        return str(self.task)

    @classmethod
    def assign(cls, meeting, *, assigned_by, **task):
        """Assign a follow-up task from the meeting's conclusion, by the
        follow-up app's rules, and link it to the meeting."""
        with transaction.atomic():
            created = Task.objects.assign(assigned_by=assigned_by, **task)
            return cls.objects.create(meeting=meeting, task=created)
