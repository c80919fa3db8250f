import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Mobile numbers have ten digits (03x, 05x, 07x, 08x, 09x), landlines eleven
# (02xx area codes); both may start with +84 or 84 instead of the leading 0.
PHONE_NUMBER = re.compile(r"^(?:\+?84|0)(?:[35789]\d{8}|2\d{9})$")
SEPARATORS = re.compile(r"[\s.\-()]")


def normalize_phone_number(value):
    return SEPARATORS.sub("", value)


def validate_phone_number(value):
    if not PHONE_NUMBER.match(normalize_phone_number(value)):
        raise ValidationError(
            _(
                "Enter a Vietnamese phone number, for example 0912 345 678 or 024 3825 1234."
            ),
            code="invalid_phone",
        )
