"""A user's second factors: one authenticator app (TOTP) and recovery codes.

Built on django-otp's devices: the app is a ``TOTPDevice`` that counts only once
confirmed with a code from it; the recovery codes are the tokens of one
``StaticDevice``, each spent by its use.
"""

import re
from base64 import b32encode

import django_otp
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

RECOVERY_CODE_COUNT = 10
RESET_ACTION = "twofactor.reset"
APP_NAME = _("Authenticator app")
RECOVERY_NAME = _("Recovery codes")


def is_enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app(user):
    """The app being enrolled: the same secret until it is confirmed, so that
    showing the page again does not invalidate what the user scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=str(APP_NAME), confirmed=False
        )
    return device


def secret(device):
    """The key as authenticator apps take it by hand: base32 in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(re.findall(".{1,4}", text))


@transaction.atomic
def confirm_app(device, code):
    """Count the app once it gives a right code; returns the new recovery codes,
    or None for a wrong code."""
    if not device.verify_token(normalise(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones, returned to be shown once."""
    device = StaticDevice.objects.filter(user=user).first() or (
        StaticDevice.objects.create(user=user, name=str(RECOVERY_NAME))
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


def normalise(code):
    return re.sub(r"[\s-]", "", code or "").lower()


def verify(user, code):
    """The device that accepts the code, or None: six digits are asked of the
    app, anything else of the recovery codes (a code that matches is spent)."""
    code = normalise(code)
    model = TOTPDevice if re.fullmatch(r"\d{6}", code) else StaticDevice
    device = model.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    return django_otp.verify_token(user, device.persistent_id, code)


@transaction.atomic
def reset(user, by_user):
    """Remove the user's app and recovery codes: they enrol again at their next
    sign-in. Written to the audit log."""
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).delete()
    log(instance=user, action=RESET_ACTION, user=by_user)
