"""An incoming report that cites a document is recorded against that document's
open tasks for the sending unit, once the clerk confirms."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.core.symbols import cited_symbol_keys
from portal.correspondence.factories import IncomingDocumentFactory
from portal.correspondence.models import IncomingDocument, ReportReceipt
from portal.correspondence.tests.test_incoming_register import ADD_URL, form_data
from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.types import DocumentType
from portal.followup.factories import ProgressReportFactory, TaskFactory, UnitFactory


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Báo cáo kết quả thực hiện Thông báo số 05-TB/TU", {"5tbtu"}),
        ("Báo cáo kết quả thực hiện Kết luận 52-KL/TU", {"52kltu"}),
        (
            "thực hiện thông báo 05 - tb/tu và Nghị định 30/2020/NĐ-CP",
            {"5tbtu", "302020ndcp"},
        ),
        ("Báo cáo năm 2025-2026: đạt 5/10 chỉ tiêu", set()),
    ],
)
def test_the_symbols_a_text_cites_are_found_in_any_spelling(text, keys):
    assert cited_symbol_keys(text) == keys


@pytest.fixture
def propaganda(db):
    return UnitFactory(name="Ban Tuyên giáo Thành ủy", abbreviation="BTGTU")


@pytest.fixture
def body(db):
    return IssuingBodyFactory(name="Ban Tuyên giáo Thành ủy", abbreviation="BTGTU")


@pytest.fixture
def notice(db):
    return DocumentFactory(document_type=DocumentType.NOTICE, symbol="05-TB/TU")


def report(body, **fields):
    return IncomingDocumentFactory(
        sender=body,
        symbol="112-BC/BTGTU",
        title="Báo cáo kết quả thực hiện Thông báo số 05-TB/TU của Ban Thường vụ",
        **fields,
    )


def test_the_open_tasks_of_the_cited_document_for_the_sender_are_proposed(
    propaganda, body, notice
):
    led = TaskFactory(source_document=notice, lead_unit=propaganda)
    coordinated = TaskFactory(source_document=notice, coordinating_units=[propaganda])
    TaskFactory(source_document=notice)  # another unit's
    TaskFactory(
        source_document=notice,
        lead_unit=propaganda,
        status="completed",
        completed_on=datetime.date(2026, 3, 1),
    )
    TaskFactory(lead_unit=propaganda)  # another document's

    proposed = ReportReceipt.proposed_tasks(report(body), UserFactory(role="clerk"))

    assert set(proposed) == {led, coordinated}


def test_registering_a_report_leads_the_clerk_to_confirm_its_tasks(
    client, clerk, propaganda, body, notice
):
    TaskFactory(source_document=notice, lead_unit=propaganda)

    response = client.post(
        ADD_URL,
        form_data(
            body,
            symbol="112-BC/BTGTU",
            document_type="BC",
            title="Báo cáo kết quả thực hiện Thông báo số 05-TB/TU",
        ),
    )

    entry = IncomingDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("incoming:reported_tasks", args=[entry.pk])
    assert not ReportReceipt.objects.exists(), (
        "nothing is recorded before the clerk confirms"
    )


def test_the_clerk_records_the_report_on_the_tasks_ticked(
    client, clerk, propaganda, body, notice
):
    task = TaskFactory(source_document=notice, lead_unit=propaganda)
    ProgressReportFactory(task=task, unit=propaganda, percent=40)
    other = TaskFactory(source_document=notice, lead_unit=propaganda)
    entry = report(body)
    url = reverse("incoming:reported_tasks", args=[entry.pk])

    page = client.get(url).content.decode()
    response = client.post(url, {"tasks": [task.pk]})

    assert "Báo cáo kết quả thực hiện Thông báo số 05-TB/TU" in page
    assert response.status_code == 302
    receipt = ReportReceipt.objects.get()
    assert (receipt.incoming, receipt.task, receipt.recorded_by) == (entry, task, clerk)
    progress = receipt.report
    assert (progress.unit, progress.percent) == (propaganda, 40)
    assert f"{entry.number}/{entry.year}" in progress.text
    assert list(ReportReceipt.proposed_tasks(entry, clerk)) == [other]
    assert ModelLogEntry.objects.filter(
        action="portal.correspondence.report_received"
    ).exists()


def test_a_cited_document_the_clerk_may_not_see_proposes_nothing(
    client, clerk, propaganda, body
):
    secret = DocumentFactory(
        document_type=DocumentType.NOTICE, symbol="05-TB/TU", access="restricted"
    )
    TaskFactory(source_document=secret, lead_unit=propaganda)
    entry = report(body)

    page = client.get(reverse("incoming:reported_tasks", args=[entry.pk]))

    assert not ReportReceipt.proposed_tasks(entry, clerk).exists()
    assert "05-TB/TU</" not in page.content.decode()


def test_confirming_without_a_task_is_refused_in_vietnamese(
    client, clerk, propaganda, body, notice
):
    TaskFactory(source_document=notice, lead_unit=propaganda)
    entry = report(body)

    response = client.post(reverse("incoming:reported_tasks", args=[entry.pk]), {})

    assert response.status_code == 400
    assert "Chọn ít nhất một nhiệm vụ." in response.content.decode()
    assert not ReportReceipt.objects.exists()


def test_only_those_who_keep_the_register_record_reports(client, body):
    url = reverse("incoming:reported_tasks", args=[report(body).pk])

    client.force_login(UserFactory(role="approver"))  # reads the register only
    assert client.get(url)["Location"] == "/admin/"  # the admin's "permission denied"
    client.force_login(UserFactory(role="staff"))
    assert client.get(url)["Location"].startswith("/admin/login/")
