from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.fixture
def required(settings):
    """The requirement as production has it (the test settings turn it off)."""
    settings.TWOFACTOR_REQUIRED = True
    return settings


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)


def code(device, steps_from_now=0):
    """What the user's app shows, or showed/will show some 30-second steps away."""
    return f"{totp(device.bin_key, drift=steps_from_now):06d}"


def code_for(secret, steps_from_now=0):
    """What an app shows for the key as the enrolment page gives it to type."""
    return f"{totp(b32decode(secret.replace(' ', '')), drift=steps_from_now):06d}"
