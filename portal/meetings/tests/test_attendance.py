import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.followup.factories import UnitFactory, member_of
from portal.meetings.factories import EventFactory, MeetingFactory
from portal.meetings.models import Response

pytestmark = pytest.mark.django_db


def invited(meeting):
    return set(meeting.attendances.values_list("user__username", flat=True))


def test_the_chair_the_people_named_and_the_units_members_are_invited():
    unit = UnitFactory()
    member = member_of(unit, username="thanhvien")
    chair = UserFactory(role="staff", username="chutri")
    named = UserFactory(role="staff", username="khachmoi")
    UserFactory(role="staff", username="nguoingoai")
    event = EventFactory(chair=chair, participants=[named], participant_units=[unit])

    meeting = MeetingFactory(event=event)

    assert invited(meeting) == {"thanhvien", "chutri", "khachmoi"}
    assert member in [a.user for a in meeting.attendances.all()]


def test_resyncing_keeps_the_answers_of_those_still_invited_and_drops_the_others():
    staying = UserFactory(role="staff", username="oklai")
    leaving = UserFactory(role="staff", username="rutten")
    meeting = MeetingFactory(event=EventFactory(participants=[staying, leaving]))
    meeting.attendances.get(user=staying).respond(Response.CONFIRMED)

    meeting.event.participants.set([staying])
    meeting.event.save()
    meeting.sync_participants()

    assert invited(meeting) == {"oklai"}
    assert meeting.attendances.get().response == Response.CONFIRMED


def test_publishing_the_schedule_entry_invites_its_new_participants():
    newcomer = UserFactory(role="staff", username="moibosung")
    meeting = MeetingFactory()
    event = meeting.event

    event.participants.add(newcomer)
    event.save_revision().publish()

    assert invited(meeting) == {"moibosung"}


def test_declining_without_a_reason_is_refused():
    participant = UserFactory(role="staff")
    meeting = MeetingFactory(event=EventFactory(participants=[participant]))
    attendance = meeting.attendances.get()

    with pytest.raises(ValidationError) as error:
        attendance.respond(Response.DECLINED, "  ")

    assert error.value.message_dict == {
        "reason": ["Vui lòng cho biết lý do không tham dự."]
    }
    attendance.refresh_from_db()
    assert attendance.response == Response.PENDING


def test_a_participant_confirms_and_the_organiser_sees_it(client):
    organiser = UserFactory(role="staff", first_name="Tổ chức")
    participant = UserFactory(role="staff", first_name="Bình", last_name="Trần")
    meeting = MeetingFactory(
        event=EventFactory(participants=[participant]), organiser=organiser
    )
    client.force_login(participant)

    response = client.post(
        reverse("meetings:respond", args=[meeting.pk]), {"response": "confirmed"}
    )

    assert response.status_code == 302
    attendance = meeting.attendances.get()
    assert attendance.response == Response.CONFIRMED
    assert attendance.responded_at is not None
    client.force_login(organiser)
    page = client.get(reverse("meetings:meeting", args=[meeting.pk]))
    rows = page.context["attendances"]
    assert [(str(row), row.get_response_display()) for row in rows] == [
        ("Trần Bình", "Tham dự")
    ]
    assert "Tham dự" in page.content.decode()


def test_a_participant_declines_with_a_reason_shown_to_the_organiser(client):
    organiser = UserFactory(role="staff")
    participant = UserFactory(role="staff")
    meeting = MeetingFactory(
        event=EventFactory(participants=[participant]), organiser=organiser
    )
    client.force_login(participant)

    client.post(
        reverse("meetings:respond", args=[meeting.pk]),
        {"response": "declined", "reason": "Đi công tác tỉnh"},
    )

    client.force_login(organiser)
    assert "Đi công tác tỉnh" in client.get(
        reverse("meetings:meeting", args=[meeting.pk])
    ).content.decode("utf-8")


def test_declining_without_a_reason_on_the_page_keeps_the_form_with_a_message(client):
    participant = UserFactory(role="staff")
    meeting = MeetingFactory(event=EventFactory(participants=[participant]))
    client.force_login(participant)

    response = client.post(
        reverse("meetings:respond", args=[meeting.pk]), {"response": "declined"}
    )

    assert response.status_code == 400
    assert "Vui lòng cho biết lý do không tham dự." in response.content.decode()
    assert meeting.attendances.get().response == Response.PENDING


def test_participants_do_not_see_the_attendance_list_and_others_cannot_answer(client):
    participant = UserFactory(role="staff")
    outsider = UserFactory(role="staff")
    meeting = MeetingFactory(event=EventFactory(participants=[participant]))

    client.force_login(participant)
    assert (
        client.get(reverse("meetings:meeting", args=[meeting.pk])).context[
            "attendances"
        ]
        is None
    )
    client.force_login(outsider)
    response = client.post(
        reverse("meetings:respond", args=[meeting.pk]), {"response": "confirmed"}
    )
    assert response.status_code == 404


def test_a_restricted_meeting_answers_404_to_staff_who_are_not_invited(client):
    participant = UserFactory(role="staff")
    meeting = MeetingFactory(
        event=EventFactory(participants=[participant], access="restricted")
    )

    client.force_login(UserFactory(role="staff"))
    assert client.get(reverse("meetings:meeting", args=[meeting.pk])).status_code == 404
    client.force_login(participant)
    assert client.get(reverse("meetings:meeting", args=[meeting.pk])).status_code == 200


def test_the_organiser_of_a_restricted_meeting_manages_it(client):
    organiser = UserFactory(role="staff")
    meeting = MeetingFactory(
        event=EventFactory(access="restricted"), organiser=organiser
    )
    client.force_login(organiser)

    page = client.get(reverse("meetings:meeting", args=[meeting.pk]))

    assert page.status_code == 200
    assert page.context["attendances"] is not None
