from datetime import date, timedelta

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)
from portal.correspondence.kept_scans import KeptScans
from portal.correspondence.models import IncomingDocument
from portal.correspondence.tests.test_incoming_register import ADD_URL, form_data
from portal.documents.factories import IssuingBodyFactory


def test_the_scan_chosen_before_a_duplicate_warning_is_kept(client, clerk):
    sender = IssuingBodyFactory(abbreviation="VPTW")
    IncomingDocumentFactory(sender=sender, symbol="36-HD/VPTW", dated=date(2026, 3, 5))
    before = set(kept_copies())
    warned = client.post(ADD_URL, form_data(sender))
    kept = warned.context["form"].data["kept_scan"]
    (copy,) = set(kept_copies()) - before
    assert 'name="kept_scan"' in warned.content.decode()
    assert "36-HD.pdf" in warned.content.decode()

    confirmed = client.post(
        ADD_URL,
        form_data(sender, file=None, kept_scan=kept, acknowledge_duplicate="on"),
    )

    assert confirmed.status_code == 302
    entry = IncomingDocument.objects.order_by("pk").last()
    assert entry.file.read() == b"%PDF-1.4 scan"
    assert copy not in kept_copies(), "the temporary copy goes once the entry is saved"


def kept_copies():
    storage = IncomingDocument._meta.get_field("file").storage
    if not storage.exists("kept-scans"):
        return []
    return storage.listdir("kept-scans")[1]


def test_copies_kept_longer_than_their_token_lives_are_swept_away():
    storage = IncomingDocument._meta.get_field("file").storage
    kept_scans = KeptScans(storage)
    with time_machine.travel(timezone.now() - timedelta(hours=7)):
        kept_scans.keep(SimpleUploadedFile("old.pdf", b"%PDF-1.4 old"))
    kept_scans.keep(SimpleUploadedFile("recent.pdf", b"%PDF-1.4 recent"))

    kept_scans.keep(SimpleUploadedFile("new.pdf", b"%PDF-1.4 new"))

    names = kept_copies()
    assert not [name for name in names if name.endswith("-old.pdf")]
    assert [name for name in names if name.endswith("-recent.pdf")]
    assert [name for name in names if name.endswith("-new.pdf")]


def test_a_forged_kept_scan_is_ignored(client, clerk):
    sender = IssuingBodyFactory(abbreviation="VPTW")
    response = client.post(
        ADD_URL, form_data(sender, file=None, kept_scan="kept-scans/x/other.pdf")
    )

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not IncomingDocument.objects.exists()


def test_a_released_entry_shows_its_type_issuer_and_term_read_only(client, clerk):
    letter = OutgoingDocumentFactory(access="restricted").release()
    edit_url = f"/admin/correspondence/outgoing/edit/{letter.pk}/"

    form = client.get(edit_url).context["form"]

    assert all(
        form.fields[name].disabled for name in ["document_type", "issuer", "term"]
    )
    assert not form.fields["title"].disabled
    unreleased = OutgoingDocumentFactory(
        issuer=IssuingBodyFactory(abbreviation="BTCTU")
    )
    form = client.get(f"/admin/correspondence/outgoing/edit/{unreleased.pk}/").context[
        "form"
    ]
    assert not form.fields["term"].disabled
