"""Opening a signing key for one signature, with the passphrase or PIN typed
for it. Neither is kept, logged or put in an error message; the key stays in
its file or token (a token signs on the device)."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pkcs11 import exceptions as token_errors
from pyhanko.config.pkcs11 import TokenCriteria
from pyhanko.sign import signers
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

from .models import SigningKey, allowed_modules


class SigningError(ValidationError):
    """A signature could not be made, with a message the signer can act on."""


@contextmanager
def open_signer(key, secret):
    if not key.active:
        raise SigningError(_("This signing key is no longer in use."))
    if not secret:
        raise SigningError(_("Type the passphrase or PIN of the key to sign."))
    if key.kind == SigningKey.Kind.PKCS12:
        yield _pkcs12_signer(key, secret)
    else:
        with _pkcs11_signer(key, secret) as signer:
            yield signer


def _pkcs12_signer(key, passphrase):
    with key.pkcs12_file.open("rb") as file:
        data = file.read()
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=(), passphrase=passphrase.encode()
        )
    except ValueError:
        # Raised without its cause: nothing of the attempt goes further.
        raise SigningError(
            _("The passphrase does not open this key file, or the file is damaged.")
        ) from None


@contextmanager
def _pkcs11_signer(key, pin):
    if key.pkcs11_module not in allowed_modules():
        raise SigningError(_("This token's module is not allowed by the settings."))
    try:
        session = open_pkcs11_session(
            key.pkcs11_module,
            token_criteria=TokenCriteria(label=key.token_label),
            user_pin=pin,
        )
    except (token_errors.PinIncorrect, token_errors.PinLenRange):
        raise SigningError(_("The PIN is not correct for this token.")) from None
    except token_errors.PinLocked:
        raise SigningError(_("The token is locked: too many wrong PINs.")) from None
    except (PyHankoSigningError, OSError, RuntimeError):  # PKCS11Error included
        raise SigningError(
            _("The token %(label)s is not connected or cannot be opened.")
            % {"label": key.token_label}
        ) from None
    try:
        # other_certs_to_pull=None: the chain the token holds goes with the signature.
        yield PKCS11Signer(session, key_label=key.key_label, other_certs_to_pull=None)
    finally:
        session.close()
