from datetime import date

import pytest
from django.core.exceptions import ValidationError

from portal.correspondence.factories import OutgoingDocumentFactory
from portal.documents.factories import DocumentFactory
from portal.documents.models import Document
from portal.documents.types import DocumentType


def test_both_first_letters_of_a_year_in_which_the_term_changes_are_released(db):
    first = OutgoingDocumentFactory(term="XVII", access="public")
    first.release(on=date(2025, 3, 2))
    second = OutgoingDocumentFactory(issuer=first.issuer, term="XVIII", access="public")

    second.release(on=date(2025, 11, 4))

    assert (first.symbol, second.symbol) == ("01-CV/VPTU", "01-CV/VPTU")
    assert sorted(Document.objects.values_list("term", flat=True)) == [
        "XVII",
        "XVIII",
    ]


def test_a_refused_release_tells_the_clerk_what_to_do_and_uses_no_number(db):
    letter = OutgoingDocumentFactory(term="XVIII", access="public")
    DocumentFactory(
        document_type=DocumentType.OFFICIAL_LETTER,
        symbol="01-CV/VPTU",
        issuer=letter.issuer,
        issued_on=date(2026, 1, 5),
        term="XVIII",
    )

    with pytest.raises(ValidationError) as refused:
        letter.release(on=date(2026, 2, 3))

    message = refused.value.messages[0]
    assert "01-CV/VPTU" in message and "XVIII" in message
    assert "nhập khóa mới" in message
    letter.refresh_from_db()
    assert not letter.released and letter.number is None


def test_a_released_entry_refuses_a_new_term_by_any_path(db):
    letter = OutgoingDocumentFactory(term="XVII", access="restricted").release()
    letter.term = "XVIII"

    with pytest.raises(ValidationError, match="giữ nguyên loại"):
        letter.full_clean()
