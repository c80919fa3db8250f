"""Attachments' text is read in the background, in a child process within
limits: a file built to exhaust the reader is kept, with a notice, and never
holds up the save."""

import time

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from django_tasks import default_task_backend

from portal.access.factories import UserFactory
from portal.documents.extraction import TextStatus
from portal.documents.factories import DocumentFactory
from portal.documents.models import Attachment, Document
from portal.documents.tasks import extract_attachment_text
from tests import files

OVER_LIMITS_NOTICE = (
    "Không trích xuất được nội dung của tệp: tệp vượt quá giới hạn xử lý (dung "
    "lượng, số trang, thời gian hoặc bộ nhớ). Tệp vẫn được lưu, nhưng tìm kiếm "
    "không tìm được các từ trong tệp."
)


def attach(document, name, content):
    attachment = Attachment(document=document, title="Phụ lục")
    attachment.file.save(name, ContentFile(content), save=True)
    attachment.refresh_from_db()
    return attachment


def found(client, word):
    results = client.get("/search/", {"q": word, "format": "json"}).json()["results"]
    return [hit["symbol"] for hit in results]


@pytest.mark.parametrize(
    "name, content",
    [
        ("phu-luc.docx", files.docx_with_text("Quy hoạch vùng Thủ đô mở rộng")),
        ("phu-luc.odt", files.odt_with_text("Quy hoạch vùng Thủ đô mở rộng")),
        # the PDF's built-in font has no Vietnamese letters
        ("phu-luc.pdf", files.pdf_with_text("Quy hoach vung Thu do mo rong")),
    ],
)
def test_an_attachments_text_is_extracted_and_found_by_search(
    client, archive_page, search_backend, name, content
):
    document = DocumentFactory(symbol="15-NQ/TW")

    attachment = attach(document, name, content)
    search_backend.refresh_indexes()

    assert attachment.text_status == TextStatus.EXTRACTED
    assert "vung" in attachment.extracted_text.replace("ù", "u")
    assert found(client, "quy hoach vung thu do") == ["15-NQ/TW"]


def test_a_zip_bomb_docx_is_refused_within_the_limits_and_kept(db):
    document = DocumentFactory()
    bomb = files.docx_bomb(100 * 1024 * 1024)
    assert len(bomb) < 500 * 1024  # small on disk, 100 MB of XML inside

    started = time.monotonic()
    attachment = attach(document, "phu-luc.docx", bomb)

    assert time.monotonic() - started < 15
    assert attachment.text_status == TextStatus.OVER_LIMITS
    assert attachment.extracted_text == ""
    assert attachment.file.read() == bomb


def test_a_pdf_whose_pages_share_one_huge_content_stream_is_refused_and_kept(db):
    document = DocumentFactory()
    bomb = files.pdf_sharing_one_content_stream(pages=20)
    assert len(bomb) < 64 * 1024

    started = time.monotonic()
    attachment = attach(document, "phu-luc.pdf", bomb)

    assert time.monotonic() - started < 15
    assert attachment.text_status == TextStatus.OVER_LIMITS
    assert attachment.file.read() == bomb


def test_reading_that_outlasts_the_time_limit_is_stopped(db, settings):
    # within the size limits, but slow to read: the CPU and wall-clock limits stop it
    settings.DOCUMENTS_EXTRACTION_LIMITS = {
        "max_expanded_bytes": 10**9,
        "cpu_seconds": 1,
        "wall_seconds": 4,
    }
    document = DocumentFactory()

    started = time.monotonic()
    attachment = attach(
        document, "phu-luc.pdf", files.pdf_sharing_one_content_stream(pages=3)
    )

    assert time.monotonic() - started < 10
    assert attachment.text_status == TextStatus.OVER_LIMITS


def test_reading_that_outgrows_the_memory_limit_is_stopped(db, settings):
    settings.DOCUMENTS_EXTRACTION_LIMITS = {
        "max_expanded_bytes": 10**9,
        "memory_bytes": 300 * 1024 * 1024,
    }
    document = DocumentFactory()

    attachment = attach(document, "phu-luc.docx", files.docx_bomb(100 * 1024 * 1024))

    assert attachment.text_status == TextStatus.OVER_LIMITS


def test_a_long_text_is_cut_at_the_output_limit(db, settings):
    settings.DOCUMENTS_EXTRACTION_LIMITS = {"max_output_chars": 10}
    document = DocumentFactory()

    attachment = attach(document, "a.docx", files.docx_with_text("mười hai chữ cái"))

    assert attachment.text_status == TextStatus.EXTRACTED
    assert attachment.extracted_text == "mười hai c"


def test_saving_never_waits_for_the_text(db, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    document = DocumentFactory()

    attachment = attach(document, "a.docx", files.docx_with_text("Quy hoạch"))

    assert attachment.text_status == TextStatus.PENDING
    [queued] = [
        result
        for result in default_task_backend.results
        if result.task.func == extract_attachment_text.func
    ]
    assert queued.args == [attachment.pk]


def test_a_file_already_read_is_not_read_again_when_the_document_is_saved(db):
    document = DocumentFactory()
    attachment = attach(document, "a.docx", files.docx_with_text("Quy hoạch"))
    Attachment.objects.filter(pk=attachment.pk).update(extracted_text="đã đọc")

    Document.objects.get(pk=document.pk).save()
    attachment.save()

    attachment.refresh_from_db()
    assert attachment.extracted_text == "đã đọc"


def test_editors_see_in_the_admin_that_a_files_text_could_not_be_extracted(client, db):
    document = DocumentFactory()
    attach(document, "phu-luc.docx", files.docx_bomb(100 * 1024 * 1024))
    client.force_login(UserFactory(is_superuser=True))

    with translation.override("vi"):
        page = client.get(f"/admin/snippets/documents/document/edit/{document.pk}/")

    assert OVER_LIMITS_NOTICE in page.content.decode()
