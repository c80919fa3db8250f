"""Administrators say where keys live; every verified file can be verified again."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from portal.access.factories import UserFactory
from portal.signing.models import FileVerification, SigningKey
from portal.signing.services import sign_pdf
from portal.signing.verification import verify_stored

from .conftest import PASSPHRASE


def test_only_administrators_see_the_signing_keys_in_the_admin(
    client, signer_key, office_key
):
    client.force_login(UserFactory(role="clerk"))
    assert client.get("/admin/signing_keys/").status_code in (302, 403)

    client.force_login(UserFactory(role="admin"))
    page = client.get("/admin/signing_keys/").content.decode()
    assert "Khóa ký số" in page
    assert signer_key.name in page and office_key.name in page
    form = client.get("/admin/signing_keys/new/").content.decode()
    assert "Nhãn thiết bị" in form and "Tệp PKCS#12" in form


def test_a_token_key_must_name_a_module_the_settings_allow(db):
    key = SigningKey(
        name="Khóa lạ",
        kind=SigningKey.Kind.PKCS11,
        pkcs11_module="/tmp/module-la.so",
        token_label="portal",
        key_label="signing",
    )

    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        key.full_clean()

    assert "SIGNING_PKCS11_MODULES" in refused.value.message_dict["pkcs11_module"][0]


def test_verify_signatures_verifies_again_after_the_trust_anchors_change(
    letter, signer_key, settings, anchor_file
):
    signed = sign_pdf(
        letter, key=signer_key, pin=PASSPHRASE, role="personal", reason="Ký"
    )
    signer_key.pkcs12_file.storage.save("signed/again.pdf", io.BytesIO(signed))
    settings.SIGNING_TRUST_ANCHORS = []
    verify_stored("signed/again.pdf")
    before = FileVerification.objects.get(file_name="signed/again.pdf").reports()

    settings.SIGNING_TRUST_ANCHORS = [str(anchor_file)]
    call_command("verify_signatures", stdout=io.StringIO())

    after = FileVerification.objects.get(file_name="signed/again.pdf").reports()
    assert [r.trusted for r in before] == [False]
    assert [r.trusted for r in after] == [True]
