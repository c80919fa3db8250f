"""An archive attachment is a PDF, DOCX or ODT by its content, on every path in."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from portal.documents.importing import DocumentImporter
from portal.documents.models import Attachment, Document
from portal.documents.tests.test_import import RESOLUTION, jsonl
from tests import files


@pytest.mark.parametrize(
    "content", [files.SVG_WITH_SCRIPT, files.HTML_WITH_SCRIPT, files.image("PNG")]
)
def test_an_attachment_that_is_no_document_is_refused(content):
    attachment = Attachment(file=ContentFile(content, name="phu-luc.pdf"))

    with translation.override("vi"), pytest.raises(ValidationError) as refusal:
        attachment.full_clean(exclude=["document"])

    assert refusal.value.message_dict["file"] == [
        "Tệp này không thuộc loại được chấp nhận (xét theo nội dung tệp, không theo "
        "tên tệp). Chấp nhận: PDF, DOCX, ODT."
    ]


def test_the_importer_refuses_an_attachment_holding_script(db, tmp_path):
    (tmp_path / "phu-luc.pdf").write_bytes(files.HTML_WITH_SCRIPT)
    importer = DocumentImporter(files_dir=tmp_path)

    importer.import_lines(jsonl({**RESOLUTION, "attachments": ["phu-luc.pdf"]}))

    assert not Document.objects.exists()
    [(line, reason)] = importer.report.errors
    assert line == 1 and "phu-luc.pdf" in reason
