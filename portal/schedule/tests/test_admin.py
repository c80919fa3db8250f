"""Events in the admin: drafted by editors, published by approvers through the
portal's workflow, with a warning when they double-book someone."""

from datetime import date, time

import pytest
from django.contrib.auth.models import Group
from guardian.shortcuts import assign_perm

from portal.access.factories import UserFactory
from portal.followup.factories import UnitFactory, member_of
from portal.schedule.factories import EventFactory
from portal.schedule.models import Event

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/schedule/event/add/"


def form(**fields):
    data = {
        "title": "Họp Ban Thường vụ",
        "date": "02/12/2026",
        "start_time": "08:00",
        "end_time": "10:00",
        "place": "Phòng họp 1",
        "notes": "",
        "access": "public",
    }
    data.update(fields)
    return data


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_events_go_through_the_portals_moderation_workflow():
    assert Event().get_workflow().name == "Duyệt nội dung"


def test_an_editor_submits_an_event_and_an_approver_publishes_it(client):
    editor = UserFactory(role="editor")
    approver = UserFactory(role="approver")
    client.force_login(editor)

    response = client.post(ADD, form(**{"action-submit": "1"}))

    assert response.status_code == 302
    event = Event.objects.get()
    assert not event.live
    assert event.workflow_in_progress
    assert not editor.has_perm("schedule.publish_event")

    task_state = event.current_workflow_task_state
    task_state.task.specific.on_action(task_state, approver, "approve")

    event.refresh_from_db()
    assert event.live
    assert Event.objects.visible_to(None).get() == event


def test_an_editors_publish_button_does_not_publish(client):
    client.force_login(UserFactory(role="editor"))

    client.post(ADD, form(**{"action-publish": "1"}))

    assert not Event.objects.filter(live=True).exists()


def test_double_booking_a_person_warns_naming_the_other_event(client):
    leader = UserFactory(first_name="Bình", last_name="Trần Thanh")
    EventFactory(
        title="Tiếp đoàn công tác tỉnh bạn",
        date=date(2026, 12, 2),
        start_time=time(9, 0),
        end_time=time(11, 0),
        chair=leader,
    )
    client.force_login(UserFactory(role="approver"))

    response = client.post(
        ADD, form(participants=[leader.pk], **{"action-publish": "1"}), follow=True
    )

    assert Event.objects.filter(title="Họp Ban Thường vụ", live=True).exists()
    warnings = [m for m in messages_of(response) if m.startswith("Trùng lịch")]
    assert warnings == [
        "Trùng lịch: Trần Thanh Bình cũng tham dự “Tiếp đoàn công tác tỉnh bạn” "
        "ngày 02/12/2026, từ 09:00 đến 11:00."
    ]


def test_double_booking_a_unit_on_edit_warns_too(client):
    unit = UnitFactory(name="Ban Tuyên giáo")
    EventFactory(
        title="Hội nghị báo cáo viên",
        date=date(2026, 12, 2),
        start_time=time(7, 30),
        end_time=time(8, 30),
        participant_units=[unit],
    )
    event = EventFactory(title="Họp chuyên đề", date=date(2026, 12, 2))
    client.force_login(UserFactory(role="approver"))

    response = client.post(
        f"/admin/snippets/schedule/event/edit/{event.pk}/",
        form(
            title="Họp chuyên đề",
            participant_units=[unit.pk, UnitFactory(name="Ban Dân vận").pk],
            **{"action-publish": "1"},
        ),
        follow=True,
    )

    assert event.participant_units.count() == 2
    warnings = [m for m in messages_of(response) if m.startswith("Trùng lịch")]
    assert warnings == [
        "Trùng lịch: Ban Tuyên giáo cũng tham dự “Hội nghị báo cáo viên” "
        "ngày 02/12/2026, từ 07:30 đến 08:30."
    ]


def test_no_warning_for_events_that_only_touch_or_book_others(client):
    leader = UserFactory()
    EventFactory(
        date=date(2026, 12, 2),
        start_time=time(10, 0),
        end_time=time(11, 0),
        participants=[leader],
    )  # starts when the new one ends
    EventFactory(date=date(2026, 12, 2), participants=[UserFactory()])
    EventFactory(date=date(2026, 12, 3), participants=[leader])
    client.force_login(UserFactory(role="approver"))

    response = client.post(ADD, form(participants=[leader.pk]), follow=True)

    assert Event.objects.count() == 4
    assert not [m for m in messages_of(response) if m.startswith("Trùng lịch")]


def test_a_conflicting_event_the_user_may_not_see_is_not_named(client):
    leader = UserFactory()
    hidden = EventFactory(
        title="Họp kín",
        date=date(2026, 12, 2),
        participants=[leader],
        access="restricted",
    )
    editor = UserFactory(role="editor")
    client.force_login(editor)

    response = client.post(ADD, form(participants=[leader.pk]), follow=True)
    assert not any("Họp kín" in m for m in messages_of(response))

    group = Group.objects.create(name="Thư ký")
    assign_perm("schedule.view_event", group, hidden)
    editor.groups.add(group)
    response = client.post(ADD, form(participants=[leader.pk]), follow=True)
    assert any("Họp kín" in m for m in messages_of(response))


def test_the_end_must_come_after_the_start(client):
    client.force_login(UserFactory(role="editor"))

    response = client.post(ADD, form(start_time="10:00", end_time="09:00"))

    assert response.status_code == 200
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    assert not Event.objects.exists()


def test_members_of_a_participating_unit_attend():
    unit = UnitFactory()
    member = member_of(unit)
    chair = UserFactory()
    event = EventFactory(chair=chair, participant_units=[unit])

    assert set(event.attendees()) == {member, chair}


def test_people_are_offered_by_name_and_unit(client):
    member_of(UnitFactory(name="Ban Tổ chức"), first_name="Hà", last_name="Lê Thu")
    client.force_login(UserFactory(role="editor"))

    page = client.get(ADD).content.decode()

    assert "Lê Thu Hà — Ban Tổ chức" in page
