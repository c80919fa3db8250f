import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.models import Document, IssuingBody
from portal.documents.types import DocumentType


def test_saving_derives_the_lookup_fields_from_what_was_typed(db):
    document = DocumentFactory(symbol="15-NQ/TW", title="Về phát triển Thủ đô")

    assert document.symbol_key == "15nqtw"
    assert document.number == 15
    assert document.issued_year == 2022
    assert " nghi quyet " in document.search_text
    assert " thu do " in document.search_text


def test_a_symbol_that_does_not_parse_is_a_field_error(db):
    document = DocumentFactory.build(
        symbol="Nghị quyết 15", issuer=IssuingBodyFactory()
    )

    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "symbol" in error.value.message_dict


def test_the_symbols_type_must_match_the_document_type(db):
    document = DocumentFactory.build(
        symbol="05-CT/TW",
        document_type=DocumentType.RESOLUTION,
        issuer=IssuingBodyFactory(),
    )

    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "không khớp" in error.value.message_dict["symbol"][0]


def test_a_regulation_may_be_written_qdi_or_qd(db):
    issuer = IssuingBodyFactory()
    for symbol in ("05-QĐi/TW", "06-QĐ/TW"):
        DocumentFactory.build(
            symbol=symbol, document_type=DocumentType.REGULATION, issuer=issuer
        ).full_clean()


def test_the_effective_date_cannot_precede_the_issue_date(db):
    document = DocumentFactory.build(
        issuer=IssuingBodyFactory(), effective_on=datetime.date(2022, 1, 1)
    )

    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "effective_on" in error.value.message_dict


def test_symbol_issuer_and_year_are_unique_together(db):
    DocumentFactory(symbol="15-NQ/TW")

    duplicate = DocumentFactory.build(
        symbol="15-nq/TW", issuer=IssuingBody.objects.get()
    )
    duplicate.fill_derived_fields()
    with pytest.raises(ValidationError) as error:
        duplicate.validate_constraints()
    assert "đã có văn bản cùng số ký hiệu" in str(error.value)
    with pytest.raises(IntegrityError):
        duplicate.save()


def test_the_same_symbol_may_recur_in_another_year_or_from_another_body(db):
    DocumentFactory(symbol="01-KL/TU", document_type=DocumentType.CONCLUSION)
    DocumentFactory(
        symbol="01-KL/TU",
        document_type=DocumentType.CONCLUSION,
        issued_on=datetime.date(2023, 1, 9),
    )
    DocumentFactory(
        symbol="01-KL/TU",
        document_type=DocumentType.CONCLUSION,
        issuer=IssuingBodyFactory(name="Ban Thường vụ Thành ủy", abbreviation="TU"),
    )

    assert Document.objects.filter(symbol_key="1kltu").count() == 3


def test_a_type_is_known_by_its_vietnamese_name_or_its_abbreviation():
    assert (
        DocumentType.from_name_or_abbreviation("Nghị quyết") == DocumentType.RESOLUTION
    )
    assert DocumentType.from_name_or_abbreviation("nq") == DocumentType.RESOLUTION
    assert DocumentType.from_name_or_abbreviation("QĐi") == DocumentType.REGULATION
    assert DocumentType.from_name_or_abbreviation("QĐ") == DocumentType.DECISION
    assert DocumentType.from_name_or_abbreviation("Thư") is None
