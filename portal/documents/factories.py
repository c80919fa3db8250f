"""Test data builders for the archive (factory_boy)."""

import datetime

import factory

from portal.documents.models import Document, IssuingBody
from portal.documents.types import DocumentType


class IssuingBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssuingBody
        django_get_or_create = ["name"]

    name = "Bộ Chính trị"
    abbreviation = "TW"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document
        skip_postgeneration_save = True

    document_type = DocumentType.RESOLUTION
    symbol = factory.Sequence(lambda n: f"{n + 100}-NQ/TW")
    issuer = factory.SubFactory(IssuingBodyFactory)
    issued_on = datetime.date(2022, 5, 5)
    title = "Về công tác xây dựng Đảng"
    body = ""
    live = True
