"""Test data builders for drafts (factory_boy and small file makers)."""

import io
import zipfile

from django.core.files.base import ContentFile

from portal.access.factories import UserFactory
from portal.documents.factories import IssuingBodyFactory
from portal.drafting.models import Draft
from portal.followup.factories import UnitFactory, member_of
from portal.signing.demo_keys import SampleLetter, letter_pdf


def docx_file(name="du-thao.docx", text="Dự thảo"):
    """A minimal Word document, recognised as DOCX by its content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<document>{text}</document>")
    return ContentFile(buffer.getvalue(), name=name)


def pdf_file(name="du-thao.pdf", content=None):
    """A PDF: a real one-page letter unless ``content`` is given."""
    if content is None:
        content = letter_pdf(
            SampleLetter(
                organisation="VĂN PHÒNG THÀNH ỦY",
                title="CÔNG VĂN",
                body="Về việc báo cáo kết quả công tác văn thư.",
                position="CHÁNH VĂN PHÒNG",
                signer_name="Lê Quang Minh",
            )
        )
    return ContentFile(content, name=name)


def make_draft(unit=None, author=None, file=None, **fields):
    """A draft of ``unit`` (a new one) by ``author`` (a new member of it)."""
    unit = unit or UnitFactory()
    author = author or member_of(unit)
    defaults = {
        "document_type": "CV",
        "title": "Về việc báo cáo kết quả công tác văn thư",
        "recipients": "Các ban đảng Thành ủy\nLưu VPTU",
        "issuer": IssuingBodyFactory(name="Văn phòng Thành ủy", abbreviation="VPTU"),
        "term": "XVII",
        "access": "internal",
    }
    return Draft.objects.start(
        unit=unit, user=author, file=file or docx_file(), **{**defaults, **fields}
    )


def approvers(count, role="staff"):
    return [UserFactory(role=role) for _ in range(count)]
