"""A progress report's attachment is a document or a scan, judged by its content."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from portal.followup.factories import TaskFactory, UnitFactory, member_of
from tests import files


@pytest.fixture
def task(db):
    return TaskFactory(lead_unit=UnitFactory())


def report(client, task, attachment):
    client.force_login(member_of(task.lead_unit))
    with translation.override("vi"):
        return client.post(
            reverse("followup:report", args=[task.pk]),
            {"text": "Đã triển khai", "percent": 40, "attachment": attachment},
        )


def test_an_attachment_holding_script_is_refused_and_the_report_kept(client, task):
    response = report(
        client, task, SimpleUploadedFile("bao-cao.pdf", files.HTML_WITH_SCRIPT)
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Tệp này không thuộc loại được chấp nhận" in page
    assert "Đã triển khai" in page
    assert not task.reports.exists()


def test_a_docx_report_is_kept_and_downloaded_in_a_sandbox(client, task):
    docx = files.docx_with_text("Báo cáo quý I")
    report(client, task, SimpleUploadedFile("bao-cao.docx", docx))

    response = client.get(reverse("followup:attachment", args=[task.reports.get().pk]))

    assert b"".join(response.streaming_content) == docx
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
