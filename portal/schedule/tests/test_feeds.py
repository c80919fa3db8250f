from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import vobject
from guardian.shortcuts import assign_perm
from icalendar import Calendar

from portal.access.factories import UserFactory
from portal.followup.factories import UnitFactory, member_of
from portal.schedule.factories import EventFactory
from portal.schedule.models import FeedToken

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def wednesday(time_machine):
    time_machine.move_to(datetime(2026, 12, 2, 9, 0, tzinfo=HANOI), tick=False)


def summaries(body):
    """The events' titles, read by icalendar and, independently, by vobject."""
    by_icalendar = {
        str(component["SUMMARY"])
        for component in Calendar.from_ical(body).walk("VEVENT")
    }
    by_vobject = {
        event.summary.value
        for event in vobject.readOne(body.decode()).contents.get("vevent", [])
    }
    assert by_icalendar == by_vobject
    return by_icalendar


def test_the_public_feed_holds_the_published_public_events(client):
    EventFactory(
        title="Hội nghị trực tuyến toàn quốc",
        date=date(2026, 12, 3),
        start_time=time(8, 0),
        end_time=time(11, 30),
        place="Hội trường lớn",
        access="public",
    )
    EventFactory(title="Họp nội bộ", access="internal")
    EventFactory(title="Bản nháp", access="public", live=False)

    response = client.get("/lich-cong-tac/lich.ics")

    assert response["Content-Type"].startswith("text/calendar")
    assert summaries(response.content) == {"Hội nghị trực tuyến toàn quốc"}
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    # 8:00 in Hà Nội (UTC+7) is 1:00 UTC
    assert event.decoded("DTSTART") == datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 12, 3, 4, 30, tzinfo=UTC)
    assert str(event["LOCATION"]) == "Hội trường lớn"
    parsed = vobject.readOne(response.content.decode()).vevent
    assert parsed.dtstart.value == datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    assert parsed.uid.value and parsed.dtstamp.value


def test_the_personal_feed_holds_the_events_the_person_takes_part_in(client):
    unit = UnitFactory(name="Ban Tổ chức")
    person = member_of(unit)
    EventFactory(title="Dự họp cá nhân", participants=[person], access="internal")
    EventFactory(title="Dự họp theo đơn vị", participant_units=[unit])
    EventFactory(title="Chủ trì hội nghị", chair=person, access="internal")
    EventFactory(title="Không tham dự", access="public")
    EventFactory(
        title="Hạn chế, không chia sẻ", participants=[person], access="restricted"
    )
    shared = EventFactory(
        title="Hạn chế, được chia sẻ", participants=[person], access="restricted"
    )
    assign_perm("schedule.view_event", person, shared)
    token = FeedToken.for_user(person).token

    response = client.get(f"/lich-cong-tac/ca-nhan/{token}.ics")

    assert summaries(response.content) == {
        "Dự họp cá nhân",
        "Dự họp theo đơn vị",
        "Chủ trì hội nghị",
        "Hạn chế, được chia sẻ",
    }
    assert "private" in response["Cache-Control"]


def test_a_renewed_token_replaces_the_old_one_which_then_answers_404(client):
    person = UserFactory(role="staff")
    EventFactory(title="Họp chi bộ", participants=[person])
    old = FeedToken.for_user(person).token
    client.force_login(person)

    response = client.post("/lich-cong-tac/noi-bo/dia-chi-lich/")

    assert response.status_code == 302
    new = FeedToken.objects.get(user=person).token
    assert new != old
    assert client.get(f"/lich-cong-tac/ca-nhan/{old}.ics").status_code == 404
    assert client.get(f"/lich-cong-tac/ca-nhan/{new}.ics").status_code == 200
    assert new in client.get("/lich-cong-tac/noi-bo/").content.decode()


def test_an_unknown_token_or_a_deactivated_person_answers_404(client):
    person = UserFactory(role="staff")
    token = FeedToken.for_user(person).token
    assert client.get("/lich-cong-tac/ca-nhan/khong-dung.ics").status_code == 404
    person.is_active = False
    person.save()
    assert client.get(f"/lich-cong-tac/ca-nhan/{token}.ics").status_code == 404


def test_the_feed_marks_internal_events_private(client):
    person = UserFactory(role="staff")
    EventFactory(title="Họp nội bộ", participants=[person], access="internal")
    body = client.get(f"/lich-cong-tac/ca-nhan/{FeedToken.for_user(person).token}.ics")

    event = Calendar.from_ical(body.content).walk("VEVENT")[0]
    assert str(event["CLASS"]) == "PRIVATE"
    assert "Nguyễn Văn An" in str(event["DESCRIPTION"])


def test_renewing_needs_a_post_from_a_logged_in_user(client):
    assert client.post("/lich-cong-tac/noi-bo/dia-chi-lich/").status_code == 302
    assert not FeedToken.objects.exists()
    client.force_login(UserFactory(role="staff"))
    assert client.get("/lich-cong-tac/noi-bo/dia-chi-lich/").status_code == 405
