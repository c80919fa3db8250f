"""Every signed PDF that enters is verified, and its page says what was found;
poppler's pdfsig, an independent verifier, agrees with the portal."""

import io
import subprocess
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.template import Context, Template
from django.urls import reverse
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from portal.access.factories import UserFactory
from portal.core.children import Bounds
from portal.correspondence.factories import IncomingDocumentFactory
from portal.documents.factories import DocumentFactory
from portal.documents.models import Attachment
from portal.signing import verification
from portal.signing.factories import SigningKeyFactory
from portal.signing.models import FileVerification
from portal.signing.services import sign_pdf, verify_pdf
from portal.signing.verification import verify_stored
from tests import files

from .conftest import PASSPHRASE, SIGNER, TOKEN_PIN, require


@pytest.fixture
def signed(letter, signer_key, office_key):
    personal = sign_pdf(
        letter, key=signer_key, pin=PASSPHRASE, role="personal", reason="Ký ban hành"
    )
    return sign_pdf(
        personal, key=office_key, pin=TOKEN_PIN, role="organisation", reason="Phát hành"
    )


def tampered(pdf):
    # A byte inside every signed range: the comment that opens the file.
    assert pdf.count(b"Generated PDF document") == 1
    return pdf.replace(b"Generated PDF document", b"Generated PDF dokument")


@pytest.fixture
def untrusted(letter, stranger, signer):
    key = SigningKeyFactory(
        owner=signer, identity=stranger.issue(SIGNER, "Không rõ"), passphrase="x1"
    )
    return sign_pdf(letter, key=key, pin="x1", role="personal", reason="Ký")


@pytest.fixture(scope="session")
def nss_database(authority, tmp_path_factory):
    """An NSS database trusting the tests' authority, for pdfsig."""
    require("certutil")
    directory = tmp_path_factory.mktemp("nss")
    anchor = directory / "ca.pem"
    anchor.write_bytes(authority.certificate_pem())
    database = f"sql:{directory}"
    subprocess.run(
        ["certutil", "-N", "-d", database, "--empty-password"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            "certutil",
            "-A",
            "-d",
            database,
            "-n",
            "portal-test-ca",
            "-t",
            "CT,C,C",
            "-i",
            str(anchor),
        ],  # fmt: skip
        check=True,
        capture_output=True,
    )
    return database


def pdfsig(pdf, database, tmp_path):
    """(signature valid, certificate trusted) per signature, as pdfsig says."""
    require("pdfsig")
    path = tmp_path / "checked.pdf"
    path.write_bytes(pdf)
    output = subprocess.run(
        # Not -no-ocsp: poppler 22.12 then reads a stale NSS error after a
        # successful check and calls the certificate faulty. The tests'
        # certificates name no OCSP responder, so nothing is fetched.
        ["pdfsig", "-nssdir", database, str(path)],
        capture_output=True,
        text=True,
    ).stdout
    return [
        ("Signature is Valid." in block, "Certificate is Trusted." in block)
        for block in output.split("Signature #")[1:]
    ]


def test_pdfsig_agrees_with_the_portal_on_valid_tampered_and_untrusted_files(
    signed, untrusted, nss_database, trusted, tmp_path
):
    cases = {
        "valid": (signed, [(True, True), (True, True)]),
        "tampered": (tampered(signed), [(False, False), (False, False)]),
        "untrusted": (untrusted, [(True, False)]),
    }
    for name, (pdf, expected) in cases.items():
        portal = [(r.intact, r.trusted) for r in verify_pdf(pdf)]
        independent = pdfsig(pdf, nss_database, tmp_path)
        # pdfsig reports no trust for a signature whose digest does not match
        independent = [(valid, valid and trust) for valid, trust in independent]
        assert portal == expected, name
        assert independent == expected, name


def test_content_added_after_signing_counts_as_a_change(signed, trusted):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    stamp = writer.add_object(generic.StreamObject(stream_data=b"0 0 m 200 200 l S"))
    writer.add_stream_to_page(0, stamp)
    changed = io.BytesIO()
    writer.write(changed)

    assert [r.intact for r in verify_pdf(changed.getvalue())] == [False, False]


def test_a_file_beyond_the_limits_of_the_check_is_said_unverifiable(
    signed, monkeypatch
):
    storage = storages["private"]
    name = storage.save("signed/heavy.pdf", io.BytesIO(signed))
    # too little memory for the child to even load the verifier
    monkeypatch.setattr(
        verification, "BOUNDS", Bounds(memory_bytes=32 * 1024 * 1024,
                                       cpu_seconds=5, wall_seconds=10)
    )  # fmt: skip

    verify_stored(name)
    shown = Template("{% load signing %}{% signature_verification file %}").render(
        Context({"file": SimpleNamespace(name=name)})
    )

    assert FileVerification.objects.get(file_name=name).unverifiable
    assert "Không kiểm tra được chữ ký số của tệp này" in shown


def test_an_unsigned_or_unreadable_file_has_no_signatures(db):
    assert verify_pdf(files.pdf_with_text("Khong ky")) == []
    assert verify_pdf(b"%PDF-1.7 not really") == []


def test_readers_see_the_verification_of_a_signed_attachment(
    client, archive_page, signed, trusted, django_capture_on_commit_callbacks
):
    document = DocumentFactory(symbol="12-TB/VPTU")
    with django_capture_on_commit_callbacks(execute=True):
        attachment = Attachment(document=document, title="Bản ký số")
        attachment.file.save("thong-bao.pdf", ContentFile(signed), save=True)

    page = client.get(archive_page.document_url(document)).content.decode()

    assert FileVerification.objects.get(file_name=attachment.file.name)
    assert "Chữ ký số của người có thẩm quyền" in page
    assert "Chữ ký số của cơ quan, tổ chức" in page
    assert SIGNER in page and "Văn phòng Thành ủy" in page
    assert page.count("Chữ ký hợp lệ") == 2


def test_the_incoming_register_shows_a_scan_changed_after_signing(
    client, signed, trusted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = IncomingDocumentFactory(
            file=ContentFile(tampered(signed), name="den.pdf")
        )
    client.force_login(UserFactory(role="clerk"))

    page = client.get(reverse("incoming:inspect", args=[entry.pk])).content.decode()

    assert SIGNER in page
    assert page.count("Tệp đã bị thay đổi sau khi ký") == 2
    assert "Chữ ký hợp lệ" not in page
