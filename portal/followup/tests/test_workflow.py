"""A task's life through the portal: report, extension, decision, closing."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.followup.models import Bucket, Notification, Status


@pytest.fixture
def unit(db):
    return UnitFactory()


@time_machine.travel(date(2026, 3, 20))
def test_a_task_goes_from_report_to_extension_to_closing(client, unit):
    task = TaskFactory(lead_unit=unit, deadline=date(2026, 3, 31))
    member, clerk = member_of(unit), UserFactory(role="clerk")

    client.force_login(member)
    client.post(
        reverse("followup:report", args=[task.pk]), {"text": "Đã họp", "percent": 30}
    )
    client.post(
        reverse("followup:extension", args=[task.pk]),
        {"proposed_deadline": "2026-04-30", "reason": "Chờ số liệu"},
    )
    client.force_login(clerk)
    extension = task.extension_requests.get()
    client.post(reverse("followup:decide", args=[extension.pk]), {"granted": "1"})
    client.post(
        reverse("followup:close", args=[task.pk]),
        {"completed_on": "2026-04-20", "evaluation": "Hoàn thành tốt"},
    )

    task.refresh_from_db()
    assert task.status == Status.COMPLETED
    assert task.deadline == date(2026, 4, 30)
    assert task.bucket() == Bucket.COMPLETED_ON_TIME
    assert [entry.action for entry in ModelLogEntry.objects.for_instance(task)] == [
        "followup.close",
        "followup.extension_granted",
        "followup.extension_request",
        "followup.report",
    ]
    assert Notification.objects.filter(
        recipient=member, kind=Notification.Kind.EXTENSION_DECIDED
    ).exists()
    page = client.get(reverse("followup:task", args=[task.pk])).content.decode()
    assert "Hoàn thành tốt" in page
    assert 'id="report"' not in page


def test_a_report_attachment_is_served_only_to_those_who_see_the_task(client, unit):
    task = TaskFactory(lead_unit=unit)
    client.force_login(member_of(unit))
    client.post(
        reverse("followup:report", args=[task.pk]),
        {
            "text": "Kèm báo cáo",
            "percent": 50,
            "attachment": SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 bao cao"),
        },
    )
    report = task.reports.get()
    url = reverse("followup:attachment", args=[report.pk])

    mine = client.get(url)
    client.force_login(member_of(UnitFactory()))
    other = client.get(url)

    assert mine.status_code == 200
    assert b"".join(mine.streaming_content) == b"%PDF-1.4 bao cao"
    assert other.status_code == 404
