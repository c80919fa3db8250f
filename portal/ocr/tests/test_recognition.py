"""Scans get a Vietnamese text layer from the real OCRmyPDF and Tesseract, and
search finds them by the words of their images, for who may see them only.

Each real recognition costs a second or two: a few small pages in all.
"""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from guardian.shortcuts import assign_perm

from bench.scans import scan_bytes
from portal.access.factories import UserFactory
from portal.correspondence.factories import IncomingDocumentFactory
from portal.documents.factories import DocumentFactory
from portal.documents.models import Attachment
from portal.ocr.models import Recognition
from tests.files import pdf_with_text

DATABASE = {"default": {"BACKEND": "search.backends.database"}}
# Words that appear only in the scans' images, never in what was typed.
ARCHIVE_SCAN = ["Ủy ban nhân dân phường Quỳnh Mai", "triển khai kế hoạch khuyến nông"]
REGISTER_SCAN = ["Sở Nông nghiệp đề nghị báo cáo", "tình hình chăn nuôi gia cầm"]


def found(client, word):
    answer = client.get("/search/", {"q": word, "format": "json"}).json()
    return answer["count"], [hit["symbol"] for hit in answer["results"]]


def suggested(client, text):
    answer = client.get("/search/suggest/", {"q": text}).json()
    return [hit["symbol"] for hit in answer["results"]]


def on_both_backends(search_backend, settings):
    """Runs the block once on the engine, then on the embedded default."""
    search_backend.refresh_indexes()
    yield "elasticsearch"
    settings.WAGTAILSEARCH_BACKENDS = DATABASE
    yield "database"


@pytest.mark.engine
def test_a_scanned_attachment_is_found_by_words_of_its_image_by_those_it_is_shared_with(
    client, archive_page, search_backend, settings, django_capture_on_commit_callbacks
):
    readers = Group.objects.create(name="Ban Tổ chức")
    reader = UserFactory(role="staff")
    reader.groups.add(readers)
    document = DocumentFactory(
        symbol="12-CV/TU", title="Công văn về lịch tiếp dân", access="restricted"
    )
    assign_perm("documents.view_document", readers, document)
    with django_capture_on_commit_callbacks(execute=True):
        attachment = Attachment(document=document, title="Bản quét")
        attachment.file.save(
            "ban-quet.pdf", ContentFile(scan_bytes(ARCHIVE_SCAN, dpi=200)), save=True
        )

    recognition = Recognition.objects.get()
    assert recognition.status == "done"
    # the original is kept; the searchable PDF lies beside it
    original = attachment.file.name
    assert recognition.searchable_pdf.name == original.replace(".pdf", ".ocr.pdf")
    assert attachment.file.storage.exists(original)
    with recognition.searchable_pdf.open("rb") as searchable:
        assert searchable.read(5) == b"%PDF-"
    for backend in on_both_backends(search_backend, settings):
        client.force_login(reader)
        for word in ["Quỳnh", "quynh", "khuyến nông", "khuyen nong"]:
            assert found(client, word) == (1, ["12-CV/TU"]), (backend, word)
        for user in [None, UserFactory(role="staff"), UserFactory(role="clerk")]:
            client.logout()
            if user:
                client.force_login(user)
            assert found(client, "quynh") == (0, []), (backend, user)
            assert suggested(client, "12-CV") == [], (backend, user)


@pytest.mark.engine
def test_a_scanned_register_entry_is_found_by_its_scan_by_register_readers_only(
    client, archive_page, search_backend, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = IncomingDocumentFactory(
            symbol="123/SNN-VP",
            title="Đề nghị báo cáo",
            file=ContentFile(scan_bytes(REGISTER_SCAN, kind="PNG"), name="den.png"),
        )

    assert Recognition.objects.get().status == "done"
    for backend in on_both_backends(search_backend, settings):
        for role in ["clerk", "approver", "admin"]:
            client.force_login(UserFactory(role=role))
            for query in [
                "gia cầm",
                "gia cam",
                "chăn nuôi",
                "123 snn vp",
                "123/SNN/VP",
            ]:
                assert found(client, query) == (1, ["123/SNN-VP"]), (backend, query)
            assert suggested(client, "123/SNN") == ["123/SNN-VP"], backend
        for role in [None, "staff", "editor"]:
            client.logout()
            if role:
                client.force_login(UserFactory(role=role))
            answer = client.get("/search/", {"q": "", "format": "json"}).json()
            assert answer["count"] == 0, (backend, role)
            assert "Hướng dẫn" not in str(answer["facets"]), (backend, role)
            assert found(client, "gia cam") == (0, []), (backend, role)
            assert found(client, "123/SNN-VP") == (0, []), (backend, role)
            assert suggested(client, "123/SNN") == [], (backend, role)
            page = client.get("/search/", {"q": "gia cầm"}).content.decode()
            assert entry.title not in page


def test_a_file_that_fails_recognition_is_marked_failed_with_its_reason(
    admin_client, db, django_capture_on_commit_callbacks
):
    broken_png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
    with django_capture_on_commit_callbacks(execute=True):
        broken = IncomingDocumentFactory(file=ContentFile(broken_png, name="hong.png"))
        IncomingDocumentFactory(title="Văn bản bình thường")

    recognition = Recognition.objects.get()
    assert (recognition.holder, recognition.status) == (broken, "failed")
    assert recognition.reason == ("Tệp bị hỏng hoặc không phải PDF hay ảnh đọc được.")
    assert admin_client.get("/admin/correspondence/incoming/").status_code == 200
    inspect = admin_client.get(f"/admin/correspondence/incoming/inspect/{broken.pk}/")
    assert (
        "Tệp bị hỏng hoặc không phải PDF hay ảnh đọc được." in inspect.content.decode()
    )


@override_settings(OCR_LIMITS={"max_input_bytes": 100})
def test_a_scan_over_the_upload_limit_is_refused_before_recognition(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        IncomingDocumentFactory(
            file=ContentFile(b"\xff\xd8\xff" + b"\0" * 200, name="a.jpg")
        )

    recognition = Recognition.objects.get()
    assert (recognition.status, recognition.failure) == ("failed", "too_large")


def test_a_pdf_that_carries_text_is_not_recognised(
    db, django_capture_on_commit_callbacks
):
    document = DocumentFactory()
    with django_capture_on_commit_callbacks(execute=True):
        attachment = Attachment(document=document, title="Văn bản")
        attachment.file.save(
            "van-ban.pdf", ContentFile(pdf_with_text("Nghi quyet so 5")), save=True
        )
        IncomingDocumentFactory(
            file=ContentFile(pdf_with_text("Cong van so 7"), name="den.pdf")
        )

    assert not Recognition.objects.exists()


BROKEN_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


def test_the_office_sees_a_failure_and_runs_the_recognition_again(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = IncomingDocumentFactory(file=ContentFile(BROKEN_PNG, name="hong.png"))
    recognition = Recognition.objects.get()
    inspect = f"/admin/correspondence/incoming/inspect/{entry.pk}/"
    rerun = f"/admin/ocr/{recognition.pk}/rerun/"

    for role in ["editor", "approver"]:  # leaders read the register, change nothing
        client.force_login(UserFactory(role=role))
        assert client.post(rerun).status_code == 404
    client.force_login(UserFactory(role="clerk"))
    page = client.get(inspect).content.decode()
    assert "Nhận dạng chữ không thành công" in page
    assert f"{rerun}?next=" in page
    assert client.get(rerun, {"next": inspect}).status_code == 200
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(rerun, {"next": inspect})
    assert response.status_code == 302 and response["Location"] == inspect
    recognition.refresh_from_db()
    assert (recognition.status, recognition.failure) == ("queued", "")
    assert "Đang chờ nhận dạng chữ" in client.get(inspect).content.decode()
    assert len(queued) == 1


def test_ocr_pending_works_through_files_never_read_with_a_progress_line_each(db):
    # saved without the worker: as files uploaded before recognition existed
    never_read = IncomingDocumentFactory(file=ContentFile(BROKEN_PNG, name="cu.png"))
    IncomingDocumentFactory(file=ContentFile(pdf_with_text("Cong van"), name="so.pdf"))
    output = io.StringIO()

    call_command("ocr_pending", stdout=output)

    recognition = Recognition.objects.get()
    assert (recognition.holder, recognition.status) == (never_read, "failed")
    lines = output.getvalue().splitlines()
    assert lines[0].startswith("[" + "#" * 30 + "] 1/1 correspondence/")
    assert lines[-1] == "1 file(s): 0 recognised, 1 failed."
    output = io.StringIO()
    call_command("ocr_pending", stdout=output)
    assert output.getvalue().splitlines() == ["0 file(s): 0 recognised, 0 failed."]


def test_an_attachment_shows_its_recognition_in_the_document_editor(admin_client, db):
    document = DocumentFactory()
    attachment = Attachment(document=document, title="Bản quét")
    attachment.file.save("quet.pdf", ContentFile(b"%PDF-1.4"), save=True)
    recognition = Recognition.objects.create(
        holder=attachment,
        source_name=attachment.file.name,
        status="failed",
        failure="encrypted",
    )

    page = admin_client.get(f"/admin/snippets/documents/document/edit/{document.pk}/")

    text = page.content.decode()
    assert "không thành công</strong>: Tệp PDF được bảo vệ bằng mật khẩu." in text
    assert f"/admin/ocr/{recognition.pk}/rerun/?next=" in text
