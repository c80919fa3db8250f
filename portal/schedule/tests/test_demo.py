from django.utils import timezone

from portal.demo.accounts import load_accounts
from portal.demo.followup import load_units
from portal.demo.schedule import EVENTS, load_schedule
from portal.schedule.models import Event, week_start


def test_the_demo_fills_the_current_week_with_public_and_internal_events(db, client):
    load_accounts()
    load_units()

    assert load_schedule() == len(EVENTS)
    assert load_schedule() == len(EVENTS)  # idempotent

    monday = week_start(timezone.localdate())
    events = Event.objects.in_week(monday)
    assert set(events.values_list("access", flat=True)) == {"public", "internal"}
    assert all(event.live and event.live_revision_id for event in events)
    public = client.get("/lich-cong-tac/").content.decode()
    assert "Hội nghị trực tuyến quán triệt Nghị quyết Trung ương" in public
    assert "Họp Ban Thường vụ Thành ủy" not in public
    # one leader is booked twice on Wednesday morning, as the conflict warning shows
    meeting = events.get(title="Họp Ban Thường vụ Thành ủy")
    assert [other.title for other, _people, _units in meeting.conflicts()] == [
        "Tiếp đoàn công tác Tỉnh ủy Lào Cai"
    ]
