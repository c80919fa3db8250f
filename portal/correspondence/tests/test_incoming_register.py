from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.correspondence.factories import IncomingDocumentFactory
from portal.correspondence.models import IncomingDocument
from portal.correspondence.models.incoming import REGISTER_INCOMING
from portal.documents.factories import IssuingBodyFactory

ADD_URL = "/admin/correspondence/incoming/new/"


@pytest.fixture
def sender(db):
    return IssuingBodyFactory(name="Văn phòng Trung ương Đảng", abbreviation="VPTW")


def form_data(body, **changes):
    data = {
        "received_on": "2026-03-10",
        "document_type": "HD",
        "sender": body.pk,
        "symbol": "36-HD/VPTW",
        "dated": "2026-03-05",
        "title": "Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng",
        "urgency": "normal",
        "confidentiality": "none",
        "recipient": "Phòng Hành chính",
        "handling_deadline": "",
        "notes": "",
        "file": SimpleUploadedFile("36-HD.pdf", b"%PDF-1.4 scan"),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_clerk_registers_a_document_which_gets_the_next_arrival_number(
    client, clerk, sender
):
    IncomingDocumentFactory(received_on=date(2026, 1, 5))

    response = client.post(ADD_URL, form_data(sender))

    assert response.status_code == 302
    entry = IncomingDocument.objects.get(symbol="36-HD/VPTW")
    assert (entry.year, entry.number, entry.registered_by) == (2026, 2, clerk)
    assert entry.file.read() == b"%PDF-1.4 scan"
    log = ModelLogEntry.objects.get(action=REGISTER_INCOMING, object_id=entry.pk)
    assert log.user == clerk and log.data["number"] == 2


def test_a_likely_duplicate_is_flagged_and_saved_only_once_acknowledged(
    client, clerk, sender
):
    IncomingDocumentFactory(sender=sender, symbol="36-HD/VPTW", dated=date(2026, 3, 5))

    assert "Vẫn đăng ký" not in client.get(ADD_URL).content.decode()
    warned = client.post(ADD_URL, form_data(sender, symbol="36/HD-VPTW"))

    assert warned.status_code == 200
    assert "Có thể trùng" in warned.content.decode()
    assert 'type="checkbox" name="acknowledge_duplicate"' in warned.content.decode()
    assert IncomingDocument.objects.count() == 1

    confirmed = client.post(
        ADD_URL, form_data(sender, symbol="36/HD-VPTW", acknowledge_duplicate="on")
    )

    assert confirmed.status_code == 302
    assert IncomingDocument.objects.count() == 2


def test_a_document_dated_after_its_arrival_is_refused_and_the_values_kept(
    client, clerk, sender
):
    response = client.post(ADD_URL, form_data(sender, dated="2026-03-11"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ngày văn bản không thể sau ngày đến." in page
    assert "Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng" in page
    assert not IncomingDocument.objects.exists()


def test_an_unknown_sender_is_refused_in_vietnamese(client, clerk, sender):
    response = client.post(ADD_URL, form_data(sender, sender=sender.pk + 1000))

    assert "Cơ quan gửi không có trong danh sách" in response.content.decode()
    assert not IncomingDocument.objects.exists()


def test_a_new_entry_without_its_scan_is_refused(client, clerk, sender):
    response = client.post(ADD_URL, form_data(sender, file=None))

    assert "Hãy đính kèm bản quét của văn bản." in response.content.decode()
    assert not IncomingDocument.objects.exists()


def test_the_scan_is_served_to_register_readers_only(client, db):
    entry = IncomingDocumentFactory()
    url = f"/admin/correspondence/incoming/file/{entry.pk}/"

    client.force_login(UserFactory(role="approver"))
    assert b"".join(client.get(url).streaming_content) == b"%PDF-1.4 scan"

    client.force_login(UserFactory(role="editor"))
    assert client.get(url)["Location"] == "/admin/"  # the admin's "permission denied"

    client.force_login(UserFactory(role="staff"))
    assert client.get(url)["Location"].startswith("/admin/login/")


def test_leaders_read_the_register_but_neither_register_nor_delete(client, db):
    entry = IncomingDocumentFactory()
    client.force_login(UserFactory(role="approver"))

    assert client.get("/admin/correspondence/incoming/").status_code == 200
    assert client.get(ADD_URL).status_code == 302
    client.force_login(UserFactory(role="admin"))
    assert (
        client.post(f"/admin/correspondence/incoming/delete/{entry.pk}/").status_code
        == 302
    )
    assert IncomingDocument.objects.filter(pk=entry.pk).exists()


def test_changing_an_entry_keeps_its_number_and_is_audited(client, clerk, sender):
    entry = IncomingDocumentFactory(sender=sender)

    response = client.post(
        f"/admin/correspondence/incoming/edit/{entry.pk}/",
        form_data(sender, symbol=entry.symbol, recipient="Ban Tổ chức", file=None),
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.number, entry.recipient) == (1, "Ban Tổ chức")
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", object_id=entry.pk, user=clerk
    ).exists()
