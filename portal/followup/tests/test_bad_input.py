"""Bad input gets a clear Vietnamese error and the form back with what was typed."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.followup.models import ExtensionRequest, ProgressReport, Status


@pytest.fixture
def unit(db):
    return UnitFactory()


def test_a_report_on_a_closed_task_is_refused_and_kept_in_the_form(client, unit):
    task = TaskFactory(
        lead_unit=unit, status=Status.COMPLETED, completed_on=date(2026, 3, 1)
    )
    member = member_of(unit)
    client.force_login(member)

    response = client.post(
        reverse("followup:report", args=[task.pk]),
        {"text": "Báo cáo muộn của tôi", "percent": 80},
    )

    assert response.status_code == 400
    # The form is only offered on open tasks; the error explains why.
    assert "Nhiệm vụ này đã kết thúc" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_a_report_on_an_open_task_keeps_the_text_when_the_percent_is_wrong(
    client, unit
):
    task = TaskFactory(lead_unit=unit)
    client.force_login(member_of(unit))

    response = client.post(
        reverse("followup:report", args=[task.pk]),
        {"text": "Đã họp triển khai", "percent": 140},
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Đã họp triển khai" in content
    assert 'value="140"' in content


def test_a_deadline_before_the_assignment_date_is_refused(client, unit):
    document = TaskFactory(lead_unit=unit).source_document
    client.force_login(UserFactory(role="clerk"))

    response = client.post(
        reverse("followup:assign", args=[document.pk]),
        {
            "content": "Sơ kết 6 tháng",
            "lead_unit": unit.pk,
            "assigned_on": "2026-03-10",
            "deadline": "2026-03-01",
            "recurrence": "",
            "priority": 0,
        },
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Hạn xử lý không được trước ngày giao" in content
    assert "Sơ kết 6 tháng" in content
    assert 'value="2026-03-01"' in content
    assert document.followup_tasks.count() == 1


def test_the_lead_unit_chosen_as_a_coordinator_too_is_refused_with_the_form_kept(
    client, unit
):
    document = TaskFactory(lead_unit=unit).source_document
    client.force_login(UserFactory(role="clerk"))

    response = client.post(
        reverse("followup:assign", args=[document.pk]),
        {
            "content": "Tổng kết công tác dân vận",
            "lead_unit": unit.pk,
            "coordinating_units": [unit.pk],
            "assigned_on": "2026-03-10",
            "deadline": "2026-04-01",
            "recurrence": "",
            "priority": 0,
        },
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Đơn vị chủ trì không thể đồng thời là đơn vị phối hợp" in content
    assert "Tổng kết công tác dân vận" in content
    assert document.followup_tasks.count() == 1


@time_machine.travel(date(2026, 3, 20))
def test_an_extension_to_a_past_date_is_refused(client, unit):
    task = TaskFactory(lead_unit=unit, deadline=date(2026, 3, 10))
    client.force_login(member_of(unit))

    response = client.post(
        reverse("followup:extension", args=[task.pk]),
        {"proposed_deadline": "2026-03-15", "reason": "Chờ ý kiến phối hợp"},
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Hạn mới không được là một ngày đã qua" in content
    assert "Chờ ý kiến phối hợp" in content
    assert not ExtensionRequest.objects.exists()


def test_refusing_an_extension_without_a_reason_shows_the_form_again(client, unit):
    task = TaskFactory(lead_unit=unit, deadline=date(2099, 1, 1))
    request = ExtensionRequest.objects.create(
        task=task,
        proposed_deadline=date(2099, 2, 1),
        reason="Cần thêm thời gian",
        requested_by=member_of(unit),
    )
    client.force_login(UserFactory(role="clerk"))

    response = client.post(
        reverse("followup:decide", args=[request.pk]), {"granted": ""}
    )

    assert response.status_code == 400
    assert "Hãy nêu lý do từ chối gia hạn" in response.content.decode()
    request.refresh_from_db()
    assert request.is_pending
