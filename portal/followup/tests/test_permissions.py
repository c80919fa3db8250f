import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.followup.models import Task


@pytest.fixture
def units(db):
    return UnitFactory(name="Ban Tuyên giáo"), UnitFactory(name="Quận ủy Ba Đình")


def test_a_unit_member_sees_the_tasks_it_leads_or_coordinates_and_no_others(units):
    mine, other = units
    led = TaskFactory(lead_unit=mine)
    coordinated = TaskFactory(lead_unit=other, coordinating_units=[mine])
    foreign = TaskFactory(lead_unit=other)
    member = member_of(mine)

    assert set(Task.objects.visible_to(member)) == {led, coordinated}
    assert foreign not in Task.objects.visible_to(member)


@pytest.mark.parametrize("role", ["clerk", "approver", "admin"])
def test_the_office_sees_every_task(units, role):
    TaskFactory(lead_unit=units[0])
    TaskFactory(lead_unit=units[1])

    assert Task.objects.visible_to(UserFactory(role=role)).count() == 2


def test_another_units_task_answers_404_and_its_list_leaves_it_out(client, units):
    mine, other = units
    foreign = TaskFactory(lead_unit=other, content="Việc của quận")
    client.force_login(member_of(mine))

    assert client.get(reverse("followup:task", args=[foreign.pk])).status_code == 404
    listing = client.get(reverse("followup:tasks"))
    assert "Việc của quận" not in listing.content.decode()
    report = client.post(
        reverse("followup:report", args=[foreign.pk]), {"text": "x", "percent": 10}
    )
    assert report.status_code == 404


def test_anonymous_visitors_are_asked_to_sign_in(client, units):
    task = TaskFactory(lead_unit=units[0])

    for url in (
        reverse("followup:intranet"),
        reverse("followup:task", args=[task.pk]),
        reverse("followup:dashboard"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/login/")


def test_only_the_lead_unit_may_ask_for_an_extension(client, units):
    mine, other = units
    task = TaskFactory(lead_unit=other, coordinating_units=[mine])
    client.force_login(member_of(mine))

    page = client.get(reverse("followup:task", args=[task.pk]))
    response = client.post(
        reverse("followup:extension", args=[task.pk]),
        {"proposed_deadline": "2026-05-31", "reason": "x"},
    )

    assert 'id="report"' in page.content.decode()
    assert 'id="extension"' not in page.content.decode()
    assert response.status_code == 404


def test_staff_may_not_assign_tasks_or_decide_on_extensions(client, units):
    task = TaskFactory(lead_unit=units[0])
    client.force_login(member_of(units[0]))

    assign = client.get(reverse("followup:assign", args=[task.source_document.pk]))
    close = client.post(reverse("followup:close", args=[task.pk]))

    assert assign.status_code == 403
    assert close.status_code == 403


def test_a_clerk_assigns_a_task_from_a_document_and_it_is_logged(client, units):
    task = TaskFactory(lead_unit=units[0])
    document = task.source_document
    client.force_login(UserFactory(role="clerk"))

    response = client.post(
        reverse("followup:assign", args=[document.pk]),
        {
            "content": "Tổ chức hội nghị quán triệt",
            "lead_unit": units[1].pk,
            "coordinating_units": [units[0].pk],
            "assigned_on": "2026-01-10",
            "deadline": "2026-02-28",
            "recurrence": "",
            "priority": 1,
        },
    )

    assert response.status_code == 302
    created = document.followup_tasks.get(content="Tổ chức hội nghị quán triệt")
    assert created.assigned_by.groups.get().name == "Văn thư"
    detail = client.get(reverse("followup:task", args=[created.pk]))
    assert "Tổ chức hội nghị quán triệt" in detail.content.decode()
    assert ModelLogEntry.objects.for_instance(created).get().action == "followup.assign"
