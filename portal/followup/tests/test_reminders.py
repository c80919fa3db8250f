from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.followup.models import Notification, Reminder, Status


def run(*args):
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.fixture
def lead(db):
    unit = UnitFactory(name="Ban Tổ chức")
    member_of(unit, email="to-chuc@example.org")
    return unit


@time_machine.travel(date(2026, 3, 28))
def test_members_of_the_lead_and_coordinating_units_are_reminded_of_a_deadline(
    lead, settings
):
    settings.FOLLOWUP_REMINDER_DAYS = 3
    partner = UnitFactory()
    member_of(partner, email="phoi-hop@example.org")
    TaskFactory(
        lead_unit=lead, coordinating_units=[partner], deadline=date(2026, 3, 31)
    )
    TaskFactory(lead_unit=lead, deadline=date(2026, 4, 1))  # four days away

    lines = run()

    assert lines[-1] == "reminders sent: 2"
    assert sorted(m.to[0] for m in mail.outbox) == [
        "phoi-hop@example.org",
        "to-chuc@example.org",
    ]
    assert "31/03/2026" in mail.outbox[0].body
    assert Notification.objects.filter(kind="due_soon").count() == 2


@time_machine.travel(date(2026, 4, 2))
def test_overdue_tasks_are_reminded_and_completed_ones_are_not(lead):
    TaskFactory(lead_unit=lead, deadline=date(2026, 3, 31))
    TaskFactory(
        lead_unit=lead,
        deadline=date(2026, 3, 31),
        status=Status.COMPLETED,
        completed_on=date(2026, 3, 30),
    )

    assert run()[-1] == "reminders sent: 1"
    assert Reminder.objects.get().kind == Reminder.Kind.OVERDUE
    assert "quá hạn" in mail.outbox[0].subject.lower()


def test_a_second_run_on_the_same_day_sends_nothing_again(lead):
    TaskFactory(lead_unit=lead, deadline=date(2026, 3, 31))

    with time_machine.travel(date(2026, 3, 30)):
        assert run()[-1] == "reminders sent: 1"
        assert run()[-1] == "reminders sent: 0"
    with time_machine.travel(date(2026, 3, 31)):
        assert run()[-1] == "reminders sent: 1"

    assert len(mail.outbox) == 2


def test_the_date_option_acts_as_today(lead):
    TaskFactory(lead_unit=lead, deadline=date(2026, 3, 31))

    assert run("--date", "2026-01-01")[-1] == "reminders sent: 0"
    assert run("--date", "2026-03-29")[-1] == "reminders sent: 1"
    assert run("--date", "2026-03-29")[-1] == "reminders sent: 0"
    assert Reminder.objects.get().sent_on == date(2026, 3, 29)
