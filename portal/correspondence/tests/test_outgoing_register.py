from datetime import date

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.correspondence.factories import OutgoingDocumentFactory
from portal.correspondence.models import OutgoingDocument
from portal.correspondence.models.outgoing import ARCHIVE, RELEASE
from portal.documents.types import DocumentType


def test_releasing_numbers_the_document_and_composes_its_symbol(db):
    clerk = UserFactory(role="clerk")
    letter = OutgoingDocumentFactory(access="restricted")

    letter.release(user=clerk, on=date(2026, 4, 2))

    letter.refresh_from_db()
    assert (letter.number, letter.symbol, letter.released_on) == (
        1,
        "01-CV/VPTU",
        date(2026, 4, 2),
    )
    assert letter.released and letter.released_by == clerk
    assert ModelLogEntry.objects.filter(
        action=RELEASE, object_id=letter.pk, user=clerk
    ).exists()


def test_numbers_run_per_type_within_a_term_and_restart_with_the_next_term(db):
    def release(**fields):
        return OutgoingDocumentFactory(access="restricted", **fields).release()

    first_letter, second_letter = release(), release()
    notice = release(document_type=DocumentType.NOTICE)
    next_term = release(term="XVIII")

    assert [first_letter.symbol, second_letter.symbol] == ["01-CV/VPTU", "02-CV/VPTU"]
    assert notice.symbol == "01-TB/VPTU"
    assert next_term.symbol == "01-CV/VPTU" and next_term.term == "XVIII"


def test_a_public_document_goes_into_the_archive_in_the_same_step(db):
    plan = OutgoingDocumentFactory(
        document_type=DocumentType.PLAN,
        title="Kế hoạch tổ chức hội nghị sơ kết công tác văn thư",
        access="public",
    )

    plan.release(on=date(2026, 5, 4))

    document = plan.archived_document
    assert (document.symbol, document.issuer, document.issued_on) == (
        "01-KH/VPTU",
        plan.issuer,
        date(2026, 5, 4),
    )
    assert (document.title, document.signer, document.term) == (
        plan.title,
        plan.signer,
        "XVII",
    )
    assert document.live and document.access == "public"
    assert document.attachments.get().file.read() == b"%PDF-1.4 signed"
    assert ModelLogEntry.objects.filter(action=ARCHIVE, object_id=plan.pk).exists()


def test_a_restricted_document_stays_out_of_the_archive(db):
    letter = OutgoingDocumentFactory(access="restricted").release()

    assert letter.archived_document is None


def test_a_document_without_its_signed_file_is_not_released_nor_numbered(db):
    letter = OutgoingDocumentFactory(file=None)

    with pytest.raises(ValidationError, match="đính kèm văn bản đã ký"):
        letter.release()

    assert OutgoingDocumentFactory(access="restricted").release().number == 1


def test_a_document_is_released_only_once(db):
    letter = OutgoingDocumentFactory(access="restricted").release()

    with pytest.raises(ValidationError, match="đã được phát hành"):
        letter.release()
    assert OutgoingDocument.objects.get().number == 1


def test_a_clerk_releases_from_the_admin_and_leaders_may_not(client, db):
    letter = OutgoingDocumentFactory(access="restricted")
    url = f"/admin/correspondence/outgoing/release/{letter.pk}/"

    client.force_login(UserFactory(role="approver"))
    assert client.post(url)["Location"] == "/admin/"
    letter.refresh_from_db()
    assert not letter.released

    client.force_login(UserFactory(role="clerk"))
    assert "Phát hành" in client.get(url).content.decode()
    response = client.post(url)

    letter.refresh_from_db()
    assert response["Location"] == f"/admin/correspondence/outgoing/edit/{letter.pk}/"
    assert letter.symbol == "01-CV/VPTU"


def test_a_released_document_keeps_what_its_number_depends_on(client, clerk):
    letter = OutgoingDocumentFactory(access="restricted").release()

    response = client.post(
        f"/admin/correspondence/outgoing/edit/{letter.pk}/",
        {
            "document_type": "TB",
            "issuer": letter.issuer.pk,
            "term": "XVII",
            "title": letter.title,
            "signer": letter.signer,
            "recipients": letter.recipients,
            "copies": 2,
            "access": "restricted",
            "urgency": "normal",
            "confidentiality": "none",
        },
    )

    # The type, issuer and term are read-only: a changed value is ignored.
    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.document_type, letter.copies) == ("CV", 2)
