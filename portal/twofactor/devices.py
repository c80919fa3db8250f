"""A user's second factors: one authenticator app (TOTP) and recovery codes.

Built on django-otp's devices: the app is a ``TOTPDevice`` saved only once
confirmed with a code from it; the recovery codes are the tokens of one
``StaticDevice``, each spent by its use and stored as a keyed hash.
"""

import re
from base64 import b32encode

import django_otp
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key
from wagtail.log_actions import log

RECOVERY_CODE_COUNT = 10
RESET_ACTION = "twofactor.reset"
APP_NAME = _("Authenticator app")
RECOVERY_NAME = _("Recovery codes")
# The session's key of the app being enrolled, until a code from it confirms it.
PENDING_KEY = "twofactor_pending_key"
RECOVERY_HASH_SALT = "portal.twofactor.recovery-code"


def is_enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app(user, session):
    """The app being enrolled in this session, not saved: its key stays in the
    session, so showing the page again keeps what the user scanned, while no
    other session (someone else with the password) ever sees that key."""
    key = session.get(PENDING_KEY)
    if key is None:
        key = session[PENDING_KEY] = default_key()
    return TOTPDevice(user=user, name=str(APP_NAME), key=key, confirmed=False)


def secret(device):
    """The key as authenticator apps take it by hand: base32 in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(re.findall(".{1,4}", text))


@transaction.atomic
def confirm_app(device, code):
    """Save the pending app, confirmed, once it gives a right code; returns the
    new recovery codes, or None for a wrong code or a user enrolled meanwhile."""
    user = device.user
    # Two sessions confirming at once: the second waits, then finds the first.
    get_user_model().objects.select_for_update().get(pk=user.pk)
    if is_enrolled(user):
        return None
    if not device.verify_token(normalise(code)):
        # verify_token saves its throttle count, and so the key: keep nothing
        # that a code did not confirm.
        transaction.set_rollback(True)
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # Apps left unconfirmed before keys were kept per session.
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return new_recovery_codes(user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones, returned to be shown once."""
    device = StaticDevice.objects.filter(user=user).first() or (
        StaticDevice.objects.create(user=user, name=str(RECOVERY_NAME))
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=stored_form(code)) for code in codes
    )
    return codes


def stored_form(code):
    """What the database keeps of a recovery code: an HMAC of it keyed with the
    SECRET_KEY (django-otp has no hashing of its own), cut to the 16 characters
    its token field holds, so that a copy of the database gives no working code."""
    return salted_hmac(
        RECOVERY_HASH_SALT, normalise(code), algorithm="sha256"
    ).hexdigest()[:16]


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


def normalise(code):
    return re.sub(r"[\s-]", "", code or "").lower()


def verify(user, code):
    """The device that accepts the code, or None: six digits are asked of the
    app, anything else of the recovery codes (a code that matches is spent)."""
    code = normalise(code)
    is_app_code = re.fullmatch(r"\d{6}", code)
    model = TOTPDevice if is_app_code else StaticDevice
    device = model.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    token = code if is_app_code else stored_form(code)
    return django_otp.verify_token(user, device.persistent_id, token)


@transaction.atomic
def reset(user, by_user):
    """Remove the user's app and recovery codes: they enrol again at their next
    sign-in. Written to the audit log."""
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).delete()
    log(instance=user, action=RESET_ACTION, user=by_user)
