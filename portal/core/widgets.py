"""Admin widgets that write Vietnamese the way Vietnamese offices do."""

import re
import unicodedata

from wagtail.admin.widgets import SlugInput

from portal.core.text import fold

VOWELS = "aăâeêioôơuưy"
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def vietnamese_slug_formatters():
    """Each Vietnamese letter with marks to its base letter ("ộ" -> "o",
    "đ" -> "d"), applied by Wagtail's slug script before its own
    transliteration, which knows no Vietnamese: it drops "ộ" and writes "đ"
    as Serbian "dj". Stray combining marks (typed in decomposed form) go first.
    """
    letters = {"đ"} | {
        unicodedata.normalize("NFC", vowel + mark)
        for vowel in VOWELS
        for mark in ("", *TONE_MARKS)
    }
    by_base = {}
    for letter in letters:
        if fold(letter) != letter:
            by_base.setdefault(fold(letter), []).append(letter)
    return [("[\u0300-\u036f]", "")] + [
        (re.compile(f"[{''.join(sorted(chars))}]", re.IGNORECASE), base)
        for base, chars in sorted(by_base.items())
    ]


class VietnameseSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(
            attrs, formatters=formatters or vietnamese_slug_formatters(), locale=locale
        )
