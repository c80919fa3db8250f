"""The signer signs the approved PDF, the clerk numbers it through the outgoing
register and seals it with the organisation's signature, and the archive keeps
it with both signatures intact. A PIN goes to the key and nowhere else."""

import logging
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.views.debug import ExceptionReporter
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.correspondence.models import OutgoingDocument, RegisterCounter
from portal.drafting.factories import make_draft, pdf_file
from portal.drafting.models import Draft, DraftNotification
from portal.drafting.signing import release_draft, sign_draft
from portal.signing.services import verify_pdf

from .conftest import key_for

pytestmark = pytest.mark.django_db

SIGNER_PIN = "Ky-so-4711-bi-mat"
OFFICE_PIN = "Con-dau-9182-bi-mat"
WRONG_PIN = "Nham-3365"


@pytest.fixture
def people():
    return {
        "head": UserFactory(role="staff"),
        "signer": UserFactory(role="approver", first_name="Minh", last_name="Lê Quang"),
        "clerk": UserFactory(role="clerk"),
    }


def at_signer(people, **fields):
    """A PDF draft approved by the unit head, waiting at the signer."""
    draft = make_draft(file=pdf_file(), **fields)
    draft.submit(
        draft.created_by,
        [(people["head"], "Trưởng phòng"), (people["signer"], "Chánh Văn phòng")],
    )
    draft.approve(people["head"])
    return draft


def pdf_of(field):
    with field.open("rb") as handle:
        return handle.read()


def test_the_signed_draft_is_numbered_sealed_and_archived_with_both_signatures(
    trusted, people
):
    draft = at_signer(people, access="public")
    signer_key = key_for(trusted, people["signer"], SIGNER_PIN)
    office_key = key_for(trusted, None, OFFICE_PIN)

    sign_draft(draft, people["signer"], key=signer_key, pin=SIGNER_PIN)
    assert draft.status == Draft.Status.SIGNED
    assert DraftNotification.objects.filter(
        recipient=people["clerk"], kind=DraftNotification.Kind.TO_RELEASE
    ).exists()
    entry = release_draft(draft, people["clerk"], key=office_key, pin=OFFICE_PIN)

    draft.refresh_from_db()
    assert (draft.status, draft.outgoing) == (Draft.Status.RELEASED, entry)
    assert (entry.number, entry.symbol) == (1, "01-CV/VPTU")
    assert (entry.signer, entry.signer_position) == ("Lê Quang Minh", "Chánh Văn phòng")
    document = entry.archived_document
    assert document.access == "public" and document.symbol == "01-CV/VPTU"
    reports = verify_pdf(pdf_of(document.attachments.get().file))
    assert [(r.role, r.intact, r.trusted) for r in reports] == [
        ("personal", True, True),
        ("organisation", True, True),
    ]
    assert reports[0].signer == "Lê Quang Minh"
    assert [v.kind for v in draft.versions.all()] == ["draft", "signed", "released"]
    logged = ModelLogEntry.objects.for_instance(draft).order_by("timestamp", "pk")
    assert [(entry.action, entry.user) for entry in logged][-2:] == [
        ("drafting.sign", people["signer"]),
        ("drafting.release", people["clerk"]),
    ]
    assert logged.last().data["symbol"] == "01-CV/VPTU"


def test_a_restricted_document_is_released_in_the_register_only(trusted, people):
    draft = at_signer(people, access="restricted")
    sign_draft(
        draft,
        people["signer"],
        key=key_for(trusted, people["signer"], SIGNER_PIN),
        pin=SIGNER_PIN,
    )

    entry = release_draft(
        draft, people["clerk"], key=key_for(trusted, None, OFFICE_PIN), pin=OFFICE_PIN
    )

    assert entry.released and entry.archived_document is None
    assert len(verify_pdf(pdf_of(entry.file))) == 2


def test_a_failed_organisation_signature_uses_no_number(trusted, people):
    draft = at_signer(people)
    sign_draft(
        draft,
        people["signer"],
        key=key_for(trusted, people["signer"], SIGNER_PIN),
        pin=SIGNER_PIN,
    )
    office_key = key_for(trusted, None, OFFICE_PIN)

    with pytest.raises(ValidationError):
        release_draft(draft, people["clerk"], key=office_key, pin="sai-ma-pin")

    draft.refresh_from_db()
    assert draft.status == Draft.Status.SIGNED
    assert not OutgoingDocument.objects.exists()
    assert not RegisterCounter.objects.filter(last_number__gt=0).exists()
    entry = release_draft(draft, people["clerk"], key=office_key, pin=OFFICE_PIN)
    assert entry.number == 1


def signed_draft(trusted, people):
    draft = at_signer(people)
    sign_draft(
        draft,
        people["signer"],
        key=key_for(trusted, people["signer"], SIGNER_PIN),
        pin=SIGNER_PIN,
    )
    return draft


def test_a_draft_released_twice_at_once_takes_one_number(trusted, people):
    draft = signed_draft(trusted, people)
    office_key = key_for(trusted, None, OFFICE_PIN)
    # the second submit read the draft before the first one was released
    second_submit = Draft.objects.get(pk=draft.pk)

    release_draft(draft, people["clerk"], key=office_key, pin=OFFICE_PIN)
    with pytest.raises(ValidationError, match="Dự thảo này đã được phát hành."):
        release_draft(second_submit, people["clerk"], key=office_key, pin=OFFICE_PIN)

    assert OutgoingDocument.objects.count() == 1
    assert RegisterCounter.objects.get().last_number == 1
    draft.refresh_from_db()
    assert [v.kind for v in draft.versions.all()] == ["draft", "signed", "released"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_releases_racing_on_one_draft_number_it_once(trusted, people):
    draft = signed_draft(trusted, people)
    office_key = key_for(trusted, None, OFFICE_PIN)
    # both requests read the signed draft before either releases it
    copies = [Draft.objects.get(pk=draft.pk) for _ in range(2)]
    start = threading.Barrier(2)
    outcomes = []

    def release(copy):
        start.wait()
        try:
            release_draft(copy, people["clerk"], key=office_key, pin=OFFICE_PIN)
            outcomes.append("released")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=release, args=(copy,)) for copy in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["Dự thảo này đã được phát hành.", "released"]
    assert OutgoingDocument.objects.count() == 1
    assert RegisterCounter.objects.get().last_number == 1


def test_the_release_form_sent_again_says_the_draft_is_already_released(
    client, trusted, people
):
    draft = signed_draft(trusted, people)
    office_key = key_for(trusted, None, OFFICE_PIN)
    client.force_login(people["clerk"])
    release_url = reverse("drafting:release", args=[draft.pk])
    form = {"key": office_key.pk, "pin": OFFICE_PIN}

    first = client.post(release_url, form)
    again = client.post(release_url, form)

    assert first.status_code == 302
    assert again.status_code == 400
    assert "Dự thảo này đã được phát hành." in again.content.decode()
    assert OutgoingDocument.objects.count() == 1


def test_a_docx_is_not_signed_until_a_pdf_version_is_added(trusted, people):
    draft = make_draft()  # a DOCX
    draft.submit(draft.created_by, [(people["signer"], "Chánh Văn phòng")])
    key = key_for(trusted, people["signer"], SIGNER_PIN)

    with pytest.raises(ValidationError, match="PDF"):
        sign_draft(draft, people["signer"], key=key, pin=SIGNER_PIN)

    draft.add_version(people["signer"], pdf_file(), "Bản PDF để ký")
    sign_draft(draft, people["signer"], key=key, pin=SIGNER_PIN)
    assert draft.status == Draft.Status.SIGNED


def test_the_signer_signs_only_with_their_own_key_and_only_at_their_step(
    trusted, people
):
    draft = at_signer(people)
    someone_elses = key_for(trusted, people["head"], SIGNER_PIN)
    office_key = key_for(trusted, None, OFFICE_PIN)

    for key in (someone_elses, office_key):
        with pytest.raises(ValidationError):
            sign_draft(draft, people["signer"], key=key, pin=SIGNER_PIN)
    with pytest.raises(ValidationError):
        sign_draft(draft, people["head"], key=someone_elses, pin=SIGNER_PIN)
    with pytest.raises(ValidationError):
        release_draft(draft, people["clerk"], key=office_key, pin=OFFICE_PIN)
    assert draft.status == Draft.Status.IN_REVIEW


def tables_holding(text):
    """The tables with a row whose text holds ``text`` (every column, as
    PostgreSQL writes the row)."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(
                f'SELECT 1 FROM "{table}" row WHERE row::text LIKE %s LIMIT 1',
                [f"%{text}%"],
            )
            if cursor.fetchone():
                found.append(table)
    return found


def test_the_pin_never_reaches_logs_the_database_or_a_page(
    client, trusted, people, caplog
):
    caplog.set_level(logging.DEBUG)
    draft = at_signer(people)
    signer_key = key_for(trusted, people["signer"], SIGNER_PIN)
    office_key = key_for(trusted, None, OFFICE_PIN)
    pages = []

    client.force_login(people["signer"])
    sign_url = reverse("drafting:sign", args=[draft.pk])
    wrong = client.post(sign_url, {"key": signer_key.pk, "pin": f"{SIGNER_PIN}x"})
    pages.append(wrong)
    pages.append(
        client.post(sign_url, {"key": signer_key.pk, "pin": SIGNER_PIN}, follow=True)
    )
    client.force_login(people["clerk"])
    release_url = reverse("drafting:release", args=[draft.pk])
    pages.append(client.post(release_url, {"key": office_key.pk, "pin": WRONG_PIN}))
    pages.append(
        client.post(release_url, {"key": office_key.pk, "pin": OFFICE_PIN}, follow=True)
    )

    draft.refresh_from_db()
    assert [page.status_code for page in pages] == [400, 200, 400, 200]
    assert draft.status == Draft.Status.RELEASED
    for pin in (SIGNER_PIN, OFFICE_PIN, WRONG_PIN):
        assert not [page for page in pages if pin in page.content.decode()]
        assert pin not in caplog.text
    for secret in (SIGNER_PIN, OFFICE_PIN, WRONG_PIN, "PRIVATE KEY"):
        assert tables_holding(secret) == []


def test_an_unexpected_failure_while_signing_reports_no_pin(
    trusted, people, caplog, monkeypatch
):
    """The error report of a crash (the page of a debug server, the e-mail to
    the administrators) masks the PIN in the request and in every frame."""
    draft = at_signer(people)
    key = key_for(trusted, people["signer"], SIGNER_PIN)

    def crash(pdf, *, key, pin, role, reason, image=None):
        raise RuntimeError("the token went away")

    monkeypatch.setattr("portal.signing.services.sign_pdf", crash)
    client = Client(raise_request_exception=False)
    client.force_login(people["signer"])

    response = client.post(
        reverse("drafting:sign", args=[draft.pk]), {"key": key.pk, "pin": SIGNER_PIN}
    )

    assert response.status_code == 500
    record = next(r for r in caplog.records if r.name == "django.request")
    report = ExceptionReporter(record.request, *record.exc_info).get_traceback_html()
    assert "the token went away" in report and "sign_draft" in report
    assert SIGNER_PIN not in report
    assert SIGNER_PIN not in caplog.text
