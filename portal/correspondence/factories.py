"""Test data builders for the registers (factory_boy)."""

import datetime

import factory
from django.core.files.base import ContentFile

from portal.correspondence.models import IncomingDocument, OutgoingDocument
from portal.documents.factories import IssuingBodyFactory
from portal.documents.types import DocumentType


class IncomingDocumentFactory(factory.django.DjangoModelFactory):
    """A registered incoming document: built, then numbered by register()."""

    class Meta:
        model = IncomingDocument

    received_on = datetime.date(2026, 3, 10)
    sender = factory.SubFactory(
        IssuingBodyFactory, name="Văn phòng Trung ương Đảng", abbreviation="VPTW"
    )
    symbol = factory.Sequence(lambda n: f"{n + 1}-HD/VPTW")
    dated = datetime.date(2026, 3, 5)
    document_type = DocumentType.GUIDANCE
    title = "Hướng dẫn công tác văn thư, lưu trữ"
    recipient = "Phòng Tổng hợp"
    file = factory.django.FileField(filename="scan.pdf", data=b"%PDF-1.4 scan")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class(*args, **kwargs).register()


class OutgoingDocumentFactory(factory.django.DjangoModelFactory):
    """An outgoing document awaiting release."""

    class Meta:
        model = OutgoingDocument

    document_type = DocumentType.OFFICIAL_LETTER
    issuer = factory.SubFactory(
        IssuingBodyFactory, name="Văn phòng Thành ủy", abbreviation="VPTU"
    )
    term = "XVII"
    title = "Về việc báo cáo kết quả thực hiện nhiệm vụ quý I"
    signer = "Lê Quang Minh"
    signer_position = "Chánh Văn phòng"
    recipients = "Các ban đảng Thành ủy\nLưu VPTU"
    file = factory.LazyFunction(
        lambda: ContentFile(b"%PDF-1.4 signed", name="cong-van.pdf")
    )
