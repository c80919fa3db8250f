from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from guardian.shortcuts import assign_perm

from portal.access.factories import UserFactory
from portal.followup.factories import UnitFactory, member_of
from portal.schedule.factories import EventFactory
from portal.schedule.models import Reminder

pytestmark = pytest.mark.django_db

TUESDAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def tuesday(time_machine):
    time_machine.move_to(
        datetime(2026, 12, 1, 16, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    )


def run(*args):
    out = StringIO()
    call_command("send_event_reminders", *args, stdout=out)
    return out.getvalue().splitlines()[-1]


def test_participants_are_reminded_the_day_before_by_mail_and_in_the_intranet(
    client,
):
    unit = UnitFactory(name="Ban Dân vận")
    member = member_of(unit, email="dan-van@example.org")
    person = UserFactory(email="ca-nhan@example.org")
    chair = UserFactory(email="chu-tri@example.org")
    EventFactory(
        title="Hội nghị sơ kết công tác dân vận",
        date=date(2026, 12, 2),
        chair=chair,
        participants=[person],
        participant_units=[unit],
        access="internal",
    )
    EventFactory(date=date(2026, 12, 3), participants=[person])  # two days away
    EventFactory(date=date(2026, 12, 2), participants=[person], live=False)  # draft

    assert run() == "event reminders sent: 3"

    assert sorted(message.to[0] for message in mail.outbox) == [
        "ca-nhan@example.org",
        "chu-tri@example.org",
        "dan-van@example.org",
    ]
    assert "Hội nghị sơ kết công tác dân vận" in mail.outbox[0].subject
    assert "02/12/2026" in mail.outbox[0].body
    client.force_login(member)
    page = client.get("/lich-cong-tac/noi-bo/").content.decode()
    assert "Nhắc lịch" in page
    assert 'class="notification--unread"' in page
    assert Reminder.objects.get(recipient=member).read_at is not None


def test_running_twice_reminds_once():
    EventFactory(date=date(2026, 12, 2), participants=[UserFactory()])

    assert run() == "event reminders sent: 1"
    assert run() == "event reminders sent: 0"
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_a_restricted_event_reminds_only_those_it_is_shared_with():
    shared, unshared = UserFactory(), UserFactory()
    event = EventFactory(
        date=date(2026, 12, 2), participants=[shared, unshared], access="restricted"
    )
    assign_perm("schedule.view_event", shared, event)

    assert run() == "event reminders sent: 1"
    assert [message.to for message in mail.outbox] == [[shared.email]]


def test_a_failed_mail_is_retried_on_the_next_run(monkeypatch):
    EventFactory(date=date(2026, 12, 2), participants=[UserFactory()])

    def fail(*args, **kwargs):
        raise ConnectionError("mail server away")

    monkeypatch.setattr("portal.schedule.reminders.send_mail", fail)
    with pytest.raises(ConnectionError):
        run()
    assert not Reminder.objects.exists()
    monkeypatch.undo()

    assert run() == "event reminders sent: 1"


def test_the_date_can_be_given():
    EventFactory(date=date(2026, 12, 10), participants=[UserFactory()])

    assert run("--date", "2026-12-09") == "event reminders sent: 1"
