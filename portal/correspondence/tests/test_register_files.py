"""A register's file is a scan or a document, judged by its content, and is
shown so that nothing in it runs."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.access.factories import UserFactory
from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)
from portal.correspondence.models import IncomingDocument
from portal.correspondence.tests.test_incoming_register import ADD_URL, form_data
from portal.documents.factories import IssuingBodyFactory
from tests import files

REFUSAL = "Tệp này không thuộc loại được chấp nhận"


@pytest.fixture
def sender(db):
    return IssuingBodyFactory(name="Văn phòng Trung ương Đảng", abbreviation="VPTW")


@pytest.mark.parametrize("content", [files.SVG_WITH_SCRIPT, files.HTML_WITH_SCRIPT])
def test_a_scan_holding_script_is_refused_and_the_form_kept(
    client, clerk, sender, content
):
    response = client.post(
        ADD_URL, form_data(sender, file=SimpleUploadedFile("36-HD.pdf", content))
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert REFUSAL in page
    assert "Chấp nhận: PDF, JPEG, PNG, TIFF." in page
    assert "Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng" in page
    assert not IncomingDocument.objects.exists()


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "TIFF"])
def test_a_scanned_image_is_registered(client, clerk, sender, kind):
    scan = SimpleUploadedFile("36-HD.anh", files.image(kind))

    response = client.post(ADD_URL, form_data(sender, file=scan))

    assert response.status_code == 302
    assert IncomingDocument.objects.get().file.read() == files.image(kind)


def test_an_outgoing_document_is_what_the_archive_accepts(db):
    document = OutgoingDocumentFactory.build(
        file=ContentFile(files.docx_with_text("Công văn"), name="cong-van.docx")
    )
    document.full_clean(exclude=["issuer"])

    document.file = ContentFile(files.image("PNG"), name="cong-van.png")
    with pytest.raises(ValidationError) as refusal:
        document.full_clean(exclude=["issuer"])
    assert list(refusal.value.message_dict) == ["file"]


def test_the_scan_is_shown_inline_in_a_sandbox(client, db):
    entry = IncomingDocumentFactory()
    client.force_login(UserFactory(role="approver"))

    response = client.get(f"/admin/correspondence/incoming/file/{entry.pk}/")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_stored_file_holding_script_is_only_downloaded(client, db):
    # as one registered before files were checked may be
    entry = IncomingDocumentFactory()
    entry.file.save("scan.svg", ContentFile(files.SVG_WITH_SCRIPT), save=False)
    IncomingDocument.objects.filter(pk=entry.pk).update(file=entry.file.name)
    client.force_login(UserFactory(role="approver"))

    response = client.get(f"/admin/correspondence/incoming/file/{entry.pk}/")

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "sandbox"
