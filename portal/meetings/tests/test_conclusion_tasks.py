import datetime

import pytest
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.followup.factories import UnitFactory, member_of
from portal.followup.models import Notification, Task
from portal.meetings.factories import MeetingFactory
from portal.meetings.models import ConclusionTask
from portal.schedule.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_a_clerk_assigns_a_task_from_the_conclusion_to_the_follow_up(client):
    meeting = MeetingFactory(conclusion="Giao Ban Tuyên giáo xây dựng kế hoạch.")
    lead = UnitFactory(name="Ban Tuyên giáo Thành ủy")
    partner = UnitFactory(name="Văn phòng Thành ủy")
    member_of(lead)
    clerk = UserFactory(role="clerk")
    client.force_login(clerk)

    response = client.post(
        reverse("meetings:assign_task", args=[meeting.pk]),
        {
            "content": "Xây dựng kế hoạch tuyên truyền",
            "lead_unit": lead.pk,
            "coordinating_units": [partner.pk],
            "assigned_on": "2026-11-30",
            "deadline": "2026-12-31",
            "priority": 0,
        },
    )

    assert response.status_code == 302
    task = Task.objects.get()
    assert task.meeting_link.meeting == meeting
    assert (task.content, task.lead_unit, task.deadline, task.assigned_by) == (
        "Xây dựng kế hoạch tuyên truyền",
        lead,
        datetime.date(2026, 12, 31),
        clerk,
    )
    assert list(task.coordinating_units.all()) == [partner]
    # the follow-up app's own rules ran: the lead unit was told
    assert Notification.objects.filter(task=task).exists()
    page = client.get(reverse("meetings:meeting", args=[meeting.pk]))
    assert reverse("followup:task", args=[task.pk]) in page.content.decode()


def test_the_follow_up_rules_refuse_a_unit_that_leads_and_coordinates(client):
    meeting = MeetingFactory()
    unit = UnitFactory()
    client.force_login(UserFactory(role="clerk"))

    response = client.post(
        reverse("meetings:assign_task", args=[meeting.pk]),
        {
            "content": "Rà soát",
            "lead_unit": unit.pk,
            "coordinating_units": [unit.pk],
            "assigned_on": "2026-11-30",
            "deadline": "2026-12-31",
            "priority": 0,
        },
    )

    assert response.status_code == 400
    assert "Đơn vị chủ trì không thể đồng thời là đơn vị phối hợp." in (
        response.content.decode()
    )
    assert not ConclusionTask.objects.exists()
    assert not Task.objects.exists()


def test_staff_cannot_assign_tasks(client):
    meeting = MeetingFactory()
    unit = UnitFactory()
    client.force_login(UserFactory(role="staff"))

    response = client.post(
        reverse("meetings:assign_task", args=[meeting.pk]),
        {"content": "X", "lead_unit": unit.pk, "deadline": "2026-12-31"},
    )

    assert response.status_code == 403
    assert not Task.objects.exists()


def test_participants_see_only_their_units_tasks_from_the_conclusion(client):
    own, other = UnitFactory(name="Ban Tuyên giáo Thành ủy"), UnitFactory()
    participant = member_of(own)
    meeting = MeetingFactory(event=EventFactory(participants=[participant]))
    clerk = UserFactory(role="clerk")
    for unit, content in [(own, "Xây dựng đề cương"), (other, "Rà soát nhân sự")]:
        ConclusionTask.assign(
            meeting,
            assigned_by=clerk,
            content=content,
            lead_unit=unit,
            deadline=datetime.date(2026, 12, 31),
        )
    client.force_login(participant)

    page = client.get(reverse("meetings:meeting", args=[meeting.pk])).content.decode()

    assert "Xây dựng đề cương" in page
    assert "Rà soát nhân sự" not in page
    assert "1 nhiệm vụ giao cho đơn vị khác." in page
