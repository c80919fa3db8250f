"""An image security code that needs no outside service.

The answer never reaches the page: the image's response carries it, hashed and
signed, in a cookie. Cached pages therefore stay the same for every reader,
and each code's random key lets one comment or question through, once. A wrong answer
spends the code too, so each guess costs a new image.
"""

import io
import random
import secrets

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from portal.comments.models import SpentCode

COOKIE_NAME = "portal_captcha"
SALT = "portal.comments.captcha"
# No look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B).
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
LENGTH = 5


def _digest(answer, key):
    return salted_hmac(SALT, f"{answer.strip().upper()}:{key}").hexdigest()


def new_challenge():
    """A fresh code and the signed token that checks answers to it."""
    code = getattr(settings, "COMMENTS_CAPTCHA_TEST_ANSWER", None) or "".join(
        secrets.choice(ALPHABET) for _ in range(LENGTH)
    )
    key = secrets.token_hex(16)
    token = signing.dumps({"key": key, "digest": _digest(code, key)}, salt=SALT)
    return code, token


def max_age():
    return settings.COMMENTS_CAPTCHA_MAX_AGE


def check(token, answer, resubmitted=lambda key: False):
    """The challenge's key when `answer` solves it, otherwise None.

    A wrong answer spends the challenge: the right one is refused after it. So
    does what a right one let through (``SpentCode.objects.spend`` on saving),
    except a second submit of the same form, which ``resubmitted(key)`` tells.
    """
    try:
        challenge = signing.loads(token or "", salt=SALT, max_age=max_age())
    except signing.BadSignature:
        return None
    key = challenge["key"]
    if SpentCode.objects.is_spent(key) and not resubmitted(key):
        return None
    if constant_time_compare(challenge["digest"], _digest(answer or "", key)):
        return key
    SpentCode.objects.spend(key)
    return None


def render_png(code):
    width, height = 170, 56
    image = Image.new("RGB", (width, height), (245, 242, 236))
    draw = ImageDraw.Draw(image)
    rng = random.Random()
    for _ in range(6):
        draw.line(
            [(rng.randint(0, width), rng.randint(0, height)) for _ in range(2)],
            fill=(rng.randint(120, 200),) * 3,
            width=2,
        )
    font = ImageFont.load_default(size=34)
    for index, char in enumerate(code):
        glyph = Image.new("RGBA", (40, 48), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((6, 2), char, font=font, fill=(120, 20, 20))
        glyph = glyph.rotate(rng.randint(-25, 25), resample=Image.BICUBIC)
        image.paste(glyph, (8 + index * 31, rng.randint(0, 8)), glyph)
    image = image.filter(ImageFilter.SMOOTH)
    output = io.BytesIO()
    image.save(output, "PNG")
    return output.getvalue()
