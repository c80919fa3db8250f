"""Uploads are judged by their content, and served so that nothing in them runs."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from portal.core.uploads import (
    DOCUMENT_KINDS,
    IMAGE_KINDS,
    SCAN_KINDS,
    FileKindValidator,
    detect_kind,
    file_response,
)
from tests import files


@pytest.mark.parametrize(
    "content, kind",
    [
        (files.pdf_with_text("Quy hoach"), "pdf"),
        (files.docx_with_text("Quy hoạch"), "docx"),
        (files.odt_with_text("Quy hoạch"), "odt"),
        (files.image("JPEG"), "jpeg"),
        (files.image("PNG"), "png"),
        (files.image("TIFF"), "tiff"),
    ],
)
def test_each_accepted_kind_is_recognised_by_its_content_whatever_its_name(
    content, kind
):
    assert detect_kind(ContentFile(content, name="tep-khong-duoi")).name == kind


@pytest.mark.parametrize(
    "content",
    [
        files.SVG_WITH_SCRIPT,
        files.HTML_WITH_SCRIPT,
        b"just text",
        b"",
        files.zip_of(**{"word/other.xml": "<x/>"}),  # a zip, but not a document
        files.zip_of(mimetype="application/zip", **{"content.xml": "<x/>"}),
        b"PK\x03\x04 not really a zip",
    ],
)
def test_script_text_and_unknown_archives_are_no_accepted_kind(content):
    assert detect_kind(ContentFile(content, name="scan.pdf")) is None


def test_the_refusal_names_what_is_accepted_in_vietnamese():
    validator = FileKindValidator(SCAN_KINDS)

    with translation.override("vi"), pytest.raises(ValidationError) as refusal:
        validator(ContentFile(files.SVG_WITH_SCRIPT, name="scan.pdf"))

    assert refusal.value.messages == [
        "Tệp này không thuộc loại được chấp nhận (xét theo nội dung tệp, không theo "
        "tên tệp). Chấp nhận: PDF, JPEG, PNG, TIFF."
    ]


def test_each_upload_accepts_only_its_own_kinds():
    docx = ContentFile(files.docx_with_text("Quy hoạch"), name="a.docx")
    png = ContentFile(files.image("PNG"), name="a.png")

    FileKindValidator(DOCUMENT_KINDS)(docx)
    FileKindValidator(IMAGE_KINDS)(png)
    with pytest.raises(ValidationError):
        FileKindValidator(SCAN_KINDS)(docx)
    with pytest.raises(ValidationError):
        FileKindValidator(DOCUMENT_KINDS)(png)


def test_a_pdf_may_be_shown_inline_but_in_a_sandbox_and_unsniffed():
    response = file_response(
        ContentFile(b"%PDF-1.4 scan", name="x"), "36-HD.pdf", as_attachment=False
    )

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_a_stored_file_that_is_no_accepted_kind_is_only_ever_downloaded():
    # e.g. one stored before uploads were checked, named like a PDF
    response = file_response(
        ContentFile(files.SVG_WITH_SCRIPT, name="x"), "scan.pdf", as_attachment=False
    )

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "sandbox"


def test_a_document_is_downloaded_typed_by_its_content():
    response = file_response(
        ContentFile(files.docx_with_text("Quy hoạch"), name="x"), "phu-luc.pdf"
    )

    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument"
    )
    assert response["Content-Disposition"].startswith("attachment")
