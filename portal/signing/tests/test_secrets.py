"""The passphrase and the PIN are used once and kept nowhere: not in logs, not
in any row, not in the signed file; the token's key cannot be read out."""

import io
import logging

import pkcs11
import pytest
from django.db import connection
from pkcs11 import Attribute, ObjectClass

from portal.signing.keys import SigningError
from portal.signing.services import sign_pdf
from portal.signing.verification import verify_stored

from .conftest import PASSPHRASE, TOKEN_PIN


def rows_containing(text):
    with connection.cursor() as cursor:
        found = []
        for table in connection.introspection.table_names():
            cursor.execute(
                f'SELECT count(*) FROM "{table}" AS row WHERE row::text LIKE %s',
                [f"%{text}%"],
            )
            if cursor.fetchone()[0]:
                found.append(table)
        return found


def test_the_passphrase_and_pin_reach_no_log_row_or_file(
    letter, signer_key, office_key, trusted, caplog
):
    caplog.set_level(logging.DEBUG)
    for key, wrong in ((signer_key, PASSPHRASE[:-1]), (office_key, TOKEN_PIN[:-1])):
        with pytest.raises(SigningError):
            sign_pdf(letter, key=key, pin=wrong, role=key.role, reason="Ký")
    personal = sign_pdf(
        letter, key=signer_key, pin=PASSPHRASE, role="personal", reason="Ký"
    )
    both = sign_pdf(
        personal, key=office_key, pin=TOKEN_PIN, role="organisation", reason="Ký"
    )
    signer_key.pkcs12_file.storage.save("signed/both.pdf", io.BytesIO(both))
    verify_stored("signed/both.pdf")

    for secret in (PASSPHRASE, TOKEN_PIN, PASSPHRASE[:-1], TOKEN_PIN[:-1]):
        assert secret not in caplog.text
        assert rows_containing(secret) == []
        assert secret.encode() not in both
    assert rows_containing("PRIVATE KEY") == []


def test_the_tokens_key_signs_on_the_token_and_cannot_be_exported(office_key):
    token = pkcs11.lib(office_key.pkcs11_module).get_token(
        token_label=office_key.token_label
    )
    with token.open(user_pin=TOKEN_PIN) as session:
        key = session.get_key(ObjectClass.PRIVATE_KEY, label=office_key.key_label)
        assert key[Attribute.SENSITIVE] is True
        assert key[Attribute.EXTRACTABLE] is False
