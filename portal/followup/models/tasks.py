import calendar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, Count, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.documents.models import Document
from portal.followup.models.units import Unit


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class Priority(models.IntegerChoices):
    NORMAL = 0, _("Normal")
    HIGH = 1, _("High")
    URGENT = 2, _("Urgent")


class Recurrence(models.TextChoices):
    NONE = "", _("Once, by the deadline")
    MONTHLY = "monthly", _("Monthly report")
    QUARTERLY = "quarterly", _("Quarterly report")
    YEARLY = "yearly", _("Yearly report")

    @property
    def months(self):
        return {"monthly": 1, "quarterly": 3, "yearly": 12}.get(self.value, 0)


def add_months(day, months):
    """The same day ``months`` later, on the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def is_month_end(day):
    return day.day == calendar.monthrange(day.year, day.month)[1]


def recurring_due_date(first, months):
    """The due date ``months`` after a recurring task's first one.

    Counted from the first date, never from the previous one, so a short month
    does not pull every later date back; a first date at the end of its month
    keeps every later one at the end of its month (31/3, 30/6, 30/9, 31/12).
    """
    day = add_months(first, months)
    if is_month_end(first):
        day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


class Bucket(models.TextChoices):
    """How government task reports count tasks, derived from the dates."""

    COMPLETED_ON_TIME = "completed_on_time", _("Completed on time")
    COMPLETED_LATE = "completed_late", _("Completed late")
    IN_PROGRESS = "in_progress", _("In progress within the deadline")
    OVERDUE = "overdue", _("Overdue, not completed")


def bucket_conditions(today):
    completed = Q(status=Status.COMPLETED)
    return {
        Bucket.COMPLETED_ON_TIME: completed & Q(completed_on__lte=models.F("deadline")),
        Bucket.COMPLETED_LATE: completed & Q(completed_on__gt=models.F("deadline")),
        Bucket.IN_PROGRESS: ~completed & Q(deadline__gte=today),
        Bucket.OVERDUE: ~completed & Q(deadline__lt=today),
    }


PENDING_EXTENSION = "pending_extension"


def pending_extension_exists():
    from portal.followup.models.activity import ExtensionRequest

    return Exists(
        ExtensionRequest.objects.filter(
            task=OuterRef("pk"), decision=ExtensionRequest.Decision.PENDING
        )
    )


def bucket_count_expressions(today):
    counts = {
        b.value: Count("pk", filter=q) for b, q in bucket_conditions(today).items()
    }
    counts[PENDING_EXTENSION] = Count("pk", filter=Q(pending_extension_exists()))
    counts["total"] = Count("pk")
    return counts


class TaskQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The office (who may view every task) sees all; staff their units' tasks."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("followup.view_task"):
            return self.all()
        return self.of_units(Unit.objects.of_member(user))

    def of_units(self, units):
        """Tasks that the units lead or coordinate."""
        coordinated = Task.coordinating_units.through.objects.filter(unit__in=units)
        return self.filter(
            Q(lead_unit__in=units) | Q(pk__in=coordinated.values("task_id"))
        )

    def open(self):
        return self.exclude(status=Status.COMPLETED)

    def with_source_visibility(self, user):
        """Each task's ``source_visible``: whether the user may see its source
        document, whose symbol is shown only then."""
        return self.annotate(
            source_visible=Exists(
                Document.objects.visible_to(user).filter(pk=OuterRef("source_document"))
            )
        )

    def flag_superseded(self, document, by):
        """Mark the open tasks of a replaced or repealed document for review."""
        return self.filter(source_document=document).open().update(superseded_by=by)

    def overdue(self, today):
        return self.filter(bucket_conditions(today)[Bucket.OVERDUE])

    def with_bucket(self, today):
        return self.annotate(
            current_bucket=Case(
                *(
                    When(q, then=Value(b.value))
                    for b, q in bucket_conditions(today).items()
                ),
                output_field=models.CharField(),
            ),
            pending_extension=pending_extension_exists(),
        )

    def by_urgency(self, today):
        """Overdue first, then open tasks by deadline, then completed ones."""
        rank = Case(
            When(bucket_conditions(today)[Bucket.OVERDUE], then=Value(0)),
            When(status=Status.COMPLETED, then=Value(2)),
            default=Value(1),
        )
        return self.alias(urgency=rank).order_by(
            "urgency", "deadline", "-priority", "pk"
        )

    def bucket_counts(self, today):
        """Counts per bucket, of pending extension requests and in total."""
        return self.order_by().aggregate(**bucket_count_expressions(today))

    def bucket_counts_by(self, field, today):
        """The same counts for each value of ``field`` (a unit, a document)."""
        return list(
            self.order_by()
            .values(field)
            .annotate(**bucket_count_expressions(today))
            .order_by(field)
        )

    def assign(
        self,
        *,
        content,
        lead_unit,
        deadline,
        assigned_by,
        coordinating_units=(),
        source_document=None,
        assigned_on=None,
        recurrence=Recurrence.NONE,
        priority=Priority.NORMAL,
    ):
        """Create a task, validated by its rules, logged and notified to the units.

        The public way for other apps to create follow-up tasks: the
        correspondence register, for instance, passes no ``source_document``
        and links to the returned task from its own model.
        Raises ``ValidationError`` when the task breaks a rule.
        """
        self.model.check_units(lead_unit, coordinating_units)
        task = self.model(
            content=content,
            lead_unit=lead_unit,
            deadline=deadline,
            assigned_by=assigned_by,
            source_document=source_document,
            assigned_on=assigned_on or timezone.localdate(),
            recurrence=recurrence,
            priority=priority,
        )
        task.full_clean()
        with transaction.atomic():
            task.save()
            task.coordinating_units.set(coordinating_units)
            task.log("followup.assign", assigned_by)
            from portal.followup.models.notices import Notification

            Notification.objects.notify(task, Notification.Kind.ASSIGNED)
        return task


class Task(models.Model):
    """A task (nhiệm vụ) that a document assigns to a lead unit and its partners.

    Whether it is overdue, late or on time is derived from its dates (see
    ``Bucket``); only the workflow state (not started, in progress, completed)
    is stored.
    """

    source_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("source document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="followup_tasks",
    )
    content = models.TextField(_("content"))
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=_("lead unit"),
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    coordinating_units = models.ManyToManyField(
        Unit,
        verbose_name=_("coordinating units"),
        blank=True,
        related_name="coordinated_tasks",
    )
    assigned_on = models.DateField(_("assigned on"), default=timezone.localdate)
    deadline = models.DateField(
        _("deadline"),
        help_text=_("For recurring reports: the date the next report is due."),
    )
    # Later due dates of a recurring task are counted from this one.
    first_deadline = models.DateField(_("first deadline"), editable=False, blank=True)
    recurrence = models.CharField(
        _("recurrence"), max_length=16, choices=Recurrence.choices, blank=True
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.NOT_STARTED,
        db_index=True,
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when the source document is replaced or repealed while the task is
    # open: the office closes the task or carries it over to this document.
    superseded_by = models.ForeignKey(
        "documents.Document",
        verbose_name=_("source document replaced by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return Truncator(self.content).words(15)

    def save(self, *args, **kwargs):
        if self.first_deadline is None:
            self.first_deadline = self.deadline
        super().save(*args, **kwargs)

    @staticmethod
    def check_units(lead_unit, coordinating_units):
        """A unit leads a task or coordinates it, never both."""
        if lead_unit is not None and lead_unit in coordinating_units:
            raise ValidationError(
                {
                    "coordinating_units": _(
                        "The lead unit cannot also be a coordinating unit."
                    )
                }
            )

    def clean(self):
        super().clean()
        if self.deadline and self.assigned_on and self.deadline < self.assigned_on:
            raise ValidationError(
                {"deadline": _("The deadline cannot be before the assignment date.")}
            )
        if (
            self.completed_on
            and self.assigned_on
            and self.completed_on < self.assigned_on
        ):
            raise ValidationError(
                {
                    "completed_on": _(
                        "The completion date cannot be before the assignment date."
                    )
                }
            )

    @property
    def is_completed(self):
        return self.status == Status.COMPLETED

    def bucket(self, today=None):
        today = today or timezone.localdate()
        if self.is_completed:
            late = self.completed_on > self.deadline
            return Bucket.COMPLETED_LATE if late else Bucket.COMPLETED_ON_TIME
        return Bucket.OVERDUE if self.deadline < today else Bucket.IN_PROGRESS

    def is_overdue(self, today=None):
        return self.bucket(today) == Bucket.OVERDUE

    def units(self):
        return [self.lead_unit, *self.coordinating_units.all()]

    def reporting_unit_for(self, user):
        """The unit on whose behalf a member reports: the lead unit first."""
        mine = set(Unit.objects.of_member(user).values_list("pk", flat=True))
        return next((unit for unit in self.units() if unit.pk in mine), None)

    def may_be_managed_by(self, user):
        return user.has_perm("followup.change_task")

    def log(self, action, user, **data):
        log(instance=self, action=action, user=user, data=data)

    def start(self):
        if self.status == Status.NOT_STARTED:
            self.status = Status.IN_PROGRESS

    def advance_recurring_deadline(self, reported_on):
        """A report for the current period moves a recurring task's next due date."""
        months = Recurrence(self.recurrence).months
        if months and reported_on > add_months(self.deadline, -months):
            first = self.first_deadline or self.deadline
            periods = 1
            while recurring_due_date(first, periods * months) <= self.deadline:
                periods += 1
            self.deadline = recurring_due_date(first, periods * months)

    def carry_over(self, user):
        """Follow the task up under the document that superseded its source."""
        if self.superseded_by is None:
            raise ValidationError(
                _("The task's source document has not been replaced.")
            )
        previous = self.source_document
        self.source_document, self.superseded_by = self.superseded_by, None
        with transaction.atomic():
            self.save(update_fields=["source_document", "superseded_by"])
            self.log(
                "followup.carry_over",
                user,
                previous=previous.symbol,
                current=self.source_document.symbol,
            )

    def close(self, completed_on, evaluation, user):
        self.status = Status.COMPLETED
        self.completed_on = completed_on
        self.evaluation = evaluation
        self.full_clean()
        with transaction.atomic():
            self.save()
            self.log(
                "followup.close",
                user,
                completed_on=completed_on.isoformat(),
                bucket=self.bucket().value,
            )
