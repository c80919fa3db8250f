import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.importing import DocumentImporter
from portal.documents.models import Document
from portal.documents.types import DocumentType

LETTER = {
    "type": "Công văn",
    "symbol": "01-CV/VPTU",
    "issuer": "Văn phòng Thành ủy",
    "issued_on": "2025-03-02",
    "title": "Về việc chuẩn bị đại hội",
    "term": "XVII",
}


def test_a_year_in_which_a_term_begins_holds_two_documents_with_one_symbol(db):
    office = IssuingBodyFactory(name="Văn phòng Thành ủy", abbreviation="VPTU")
    DocumentFactory(
        document_type=DocumentType.OFFICIAL_LETTER,
        symbol="01-CV/VPTU",
        issuer=office,
        issued_on=date(2025, 3, 2),
        term="XVII",
    )

    DocumentFactory(
        document_type=DocumentType.OFFICIAL_LETTER,
        symbol="01-CV/VPTU",
        issuer=office,
        issued_on=date(2025, 11, 4),
        term="XVIII",
    ).full_clean()

    assert Document.objects.filter(symbol="01-CV/VPTU").count() == 2


def test_the_same_symbol_issuer_term_and_year_is_refused(db):
    office = IssuingBodyFactory(name="Văn phòng Thành ủy", abbreviation="VPTU")
    DocumentFactory(
        document_type=DocumentType.OFFICIAL_LETTER,
        symbol="01-CV/VPTU",
        issuer=office,
        issued_on=date(2025, 3, 2),
        term="XVII",
    )
    twin = DocumentFactory.build(
        document_type=DocumentType.OFFICIAL_LETTER,
        symbol="01-CV/VPTU",
        issuer=office,
        issued_on=date(2025, 6, 2),
        term="xvii ",
    )
    twin.fill_derived_fields()

    with pytest.raises(ValidationError, match="khóa"):
        twin.validate_constraints()


def test_the_importer_tells_documents_of_two_terms_apart_and_updates_the_same_one(db):
    lines = [
        json.dumps(row, ensure_ascii=False)
        for row in [LETTER, {**LETTER, "issued_on": "2025-11-04", "term": "XVIII"}]
    ]
    DocumentImporter().import_lines(lines)

    report = DocumentImporter().import_lines(
        [json.dumps({**LETTER, "term": "xvii", "status": "amended"})]
    )

    assert (report.created, report.updated) == (0, 1)
    assert sorted(Document.objects.values_list("term", "status")) == [
        ("XVII", "amended"),
        ("XVIII", "in_force"),
    ]
