import pytest
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.followup.factories import UnitFactory
from portal.meetings.factories import MeetingFactory
from portal.meetings.models import Meeting
from portal.schedule.factories import EventFactory

pytestmark = pytest.mark.django_db

ADD = reverse("meeting_admin:add")


def inline(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{number}-ORDER"] = number + 1
    return data


def meeting_data(event, online, bridge_points=(), agenda=()):
    return {
        "event": event.pk,
        **({"online": "on"} if online else {}),
        "organiser": "",
        "minutes": "",
        "conclusion": "",
        **inline("agenda_items", list(agenda)),
        **inline("bridge_points", list(bridge_points)),
    }


def test_a_clerk_records_an_online_conference_and_its_attendees_are_invited(client):
    participant = UserFactory(role="staff", username="daibieu")
    event = EventFactory(
        title="Hội nghị trực tuyến quán triệt", participants=[participant]
    )
    unit = UnitFactory(name="Quận ủy Ba Đình")
    client.force_login(UserFactory(role="clerk"))

    response = client.post(
        ADD,
        meeting_data(
            event,
            online=True,
            agenda=[{"title": "Khai mạc", "presenter": "Bí thư"}],
            bridge_points=[
                {
                    "place": "Hội trường Quận ủy",
                    "host_unit": unit.pk,
                    "participant_count": 120,
                }
            ],
        ),
    )

    assert response.status_code == 302, response.context["form"].errors
    meeting = Meeting.objects.get()
    assert meeting.online and meeting.event == event
    assert [item.title for item in meeting.agenda_items.all()] == ["Khai mạc"]
    assert [
        (p.place, p.host_unit, p.participant_count) for p in meeting.bridge_points.all()
    ] == [("Hội trường Quận ủy", unit, 120)]
    assert list(meeting.attendances.values_list("user__username", flat=True)) == [
        "daibieu"
    ]


def test_a_meeting_in_person_has_no_bridge_points(client):
    event = EventFactory()
    client.force_login(UserFactory(role="clerk"))

    response = client.post(
        ADD,
        meeting_data(
            event,
            online=False,
            bridge_points=[
                {
                    "place": "Hội trường",
                    "host_unit": UnitFactory().pk,
                    "participant_count": 10,
                }
            ],
        ),
    )

    assert response.status_code == 200
    assert "Chỉ hội nghị trực tuyến mới có điểm cầu." in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_admin_never_names_a_schedule_entry_the_clerk_may_not_see(client):
    hidden = EventFactory(title="Họp kín về nhân sự", access="restricted")
    hidden_meeting = MeetingFactory(event=hidden)
    shown = MeetingFactory(event=EventFactory(title="Giao ban tuần"))
    client.force_login(UserFactory(role="clerk"))

    add_form = client.get(ADD).content.decode()
    listing = client.get(reverse("meeting_admin:index")).content.decode()
    edit = client.get(reverse("meeting_admin:edit", args=[hidden_meeting.pk]))

    assert "Họp kín về nhân sự" not in add_form
    assert "Họp kín về nhân sự" not in listing
    assert "Giao ban tuần" in listing
    assert edit.status_code == 404
    assert client.get(reverse("meeting_admin:edit", args=[shown.pk])).status_code == 200


def test_staff_and_editors_do_not_manage_meetings(client):
    for role in ("staff", "editor"):
        client.force_login(UserFactory(role=role))
        assert client.get(reverse("meeting_admin:index")).status_code in (302, 403)


def test_a_schedule_entry_held_as_a_meeting_is_not_deleted(client):
    meeting = MeetingFactory(event=EventFactory(title="Hội nghị tổng kết năm"))
    client.force_login(UserFactory(role="approver"))

    response = client.post(
        reverse("wagtailsnippets_schedule_event:delete", args=[meeting.event_id]),
        follow=True,
    )

    assert response.status_code == 200
    assert (
        "“Hội nghị tổng kết năm” là một cuộc họp, có hồ sơ riêng: không thể xóa."
        in response.content.decode()
    )
    assert Meeting.objects.filter(pk=meeting.pk, event=meeting.event).exists()
