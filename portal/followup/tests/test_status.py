from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from portal.access.factories import UserFactory
from portal.followup.factories import (
    ExtensionRequestFactory,
    ProgressReportFactory,
    TaskFactory,
    UnitFactory,
    member_of,
)
from portal.followup.models import Bucket, Notification, Recurrence, Status, Task
from portal.followup.models.tasks import add_months

DEADLINE = date(2026, 3, 31)


@pytest.mark.parametrize(
    ("status", "completed_on", "today", "bucket"),
    [
        (
            Status.COMPLETED,
            date(2026, 3, 31),
            date(2026, 5, 1),
            Bucket.COMPLETED_ON_TIME,
        ),
        (Status.COMPLETED, date(2026, 4, 1), date(2026, 5, 1), Bucket.COMPLETED_LATE),
        (Status.IN_PROGRESS, None, date(2026, 3, 31), Bucket.IN_PROGRESS),
        (Status.NOT_STARTED, None, date(2026, 3, 1), Bucket.IN_PROGRESS),
        (Status.IN_PROGRESS, None, date(2026, 4, 1), Bucket.OVERDUE),
        (Status.NOT_STARTED, None, date(2026, 4, 1), Bucket.OVERDUE),
    ],
)
def test_the_bucket_is_derived_from_the_dates_alike_in_python_and_sql(
    db, status, completed_on, today, bucket
):
    task = TaskFactory(deadline=DEADLINE, status=status, completed_on=completed_on)

    assert task.bucket(today) == bucket
    assert Task.objects.with_bucket(today).get().current_bucket == bucket
    assert Task.objects.bucket_counts(today)[bucket.value] == 1


def test_a_task_becomes_overdue_by_the_passing_of_time_alone(db):
    task = TaskFactory(deadline=DEADLINE)

    with time_machine.travel(date(2026, 3, 31)):
        assert not task.is_overdue()
    with time_machine.travel(date(2026, 4, 1)):
        assert task.is_overdue()
        assert list(Task.objects.overdue(date(2026, 4, 1))) == [task]


def test_a_pending_extension_request_is_counted_besides_the_buckets(db):
    ExtensionRequestFactory(task=TaskFactory())
    TaskFactory()

    counts = Task.objects.bucket_counts(date(2026, 3, 1))

    assert counts["pending_extension"] == 1
    assert counts["in_progress"] == 2
    assert counts["total"] == 2


def test_granting_an_extension_moves_the_deadline_out_of_overdue(db):
    request = ExtensionRequestFactory(proposed_deadline=date(2026, 4, 30))
    clerk = UserFactory(role="clerk")

    request.decide(True, "", clerk)

    request.task.refresh_from_db()
    assert request.task.deadline == date(2026, 4, 30)
    assert request.previous_deadline == DEADLINE
    assert request.task.bucket(date(2026, 4, 15)) == Bucket.IN_PROGRESS


def test_refusing_an_extension_needs_a_reason_and_keeps_the_deadline(db):
    request = ExtensionRequestFactory()

    with pytest.raises(ValidationError):
        request.decide(False, "  ", UserFactory(role="clerk"))
    request.decide(False, "Đã gia hạn một lần", UserFactory(role="clerk"))

    request.task.refresh_from_db()
    assert request.task.deadline == DEADLINE
    assert request.decision == "refused"


def test_the_first_report_starts_the_task(db):
    report = ProgressReportFactory.build(task=TaskFactory(), reported_by=UserFactory())

    report.submit()

    assert Task.objects.get().status == Status.IN_PROGRESS


def test_a_report_for_the_current_period_moves_a_recurring_deadline_once(db):
    task = TaskFactory(deadline=date(2026, 3, 31), recurrence=Recurrence.QUARTERLY)

    task.advance_recurring_deadline(date(2026, 3, 20))
    assert task.deadline == date(2026, 6, 30)
    task.advance_recurring_deadline(date(2026, 3, 25))
    assert task.deadline == date(2026, 6, 30)


def report_each_period(task, periods):
    deadlines = []
    for _ in range(periods):
        task.advance_recurring_deadline(task.deadline)
        deadlines.append(task.deadline)
    return deadlines


@pytest.mark.parametrize(
    ("recurrence", "first", "expected"),
    [
        (
            Recurrence.QUARTERLY,
            date(2026, 3, 31),
            [date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)],
        ),
        (
            Recurrence.MONTHLY,
            date(2026, 1, 31),
            [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)],
        ),
        (
            Recurrence.MONTHLY,
            date(2026, 1, 30),
            [date(2026, 2, 28), date(2026, 3, 30), date(2026, 4, 30)],
        ),
        (
            Recurrence.YEARLY,
            date(2028, 2, 29),
            [date(2029, 2, 28), date(2030, 2, 28), date(2031, 2, 28)],
        ),
    ],
)
def test_recurring_deadlines_keep_the_first_day_or_the_end_of_the_month(
    db, recurrence, first, expected
):
    task = TaskFactory(
        assigned_on=date(2026, 1, 1), deadline=first, recurrence=recurrence
    )

    assert report_each_period(task, 3) == expected


def test_an_extended_period_is_followed_by_the_regular_next_deadline(db):
    task = TaskFactory(deadline=date(2026, 3, 31), recurrence=Recurrence.QUARTERLY)
    task.deadline = date(2026, 4, 15)

    task.advance_recurring_deadline(date(2026, 4, 10))

    assert task.deadline == date(2026, 6, 30)


def test_months_are_added_to_the_last_day_of_shorter_months():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 6, 30), -3) == date(2026, 3, 30)


def test_a_unit_cannot_lead_and_coordinate_the_same_task_whoever_assigns_it(db):
    unit = UnitFactory()

    with pytest.raises(ValidationError) as refused:
        Task.objects.assign(
            content="Rà soát",
            lead_unit=unit,
            coordinating_units=[unit],
            deadline=date(2026, 3, 31),
            assigned_by=None,
        )

    assert "coordinating_units" in refused.value.message_dict
    assert not Task.objects.exists()


def test_other_apps_assign_tasks_without_an_archive_document(db):
    lead, partner = UnitFactory(), UnitFactory()
    member = member_of(lead)

    task = Task.objects.assign(
        content="Giải quyết văn bản đến số 125",
        lead_unit=lead,
        coordinating_units=[partner],
        deadline=date(2026, 12, 31),
        assigned_by=UserFactory(role="clerk"),
        assigned_on=date(2026, 12, 1),
    )

    assert task.source_document is None
    assert list(task.coordinating_units.all()) == [partner]
    assert Notification.objects.get().recipient == member
    assert task.status == Status.NOT_STARTED


def test_assigning_refuses_a_deadline_before_the_assignment_date(db):
    with pytest.raises(ValidationError) as error:
        Task.objects.assign(
            content="Báo cáo",
            lead_unit=UnitFactory(),
            deadline=date(2026, 1, 1),
            assigned_on=date(2026, 2, 1),
            assigned_by=None,
        )

    assert "deadline" in error.value.message_dict
    assert not Task.objects.exists()
