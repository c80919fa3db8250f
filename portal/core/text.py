"""Normalising Vietnamese text for search.

People type without diacritics ("nghi quyet thu do") and expect "Nghị quyết …
Thủ đô". Folding happens here, in Python, for the index and for queries alike,
so it behaves the same on every backend and needs no engine plug-in.
"""

import re
import unicodedata

from django.utils.text import slugify


def _folding_table():
    """Each accented Latin letter to its base letter, computed once.

    Covers Latin-1 to Latin Extended Additional (where Vietnamese's stacked
    letters such as "ệ" live) and drops stray combining marks.
    """
    table = {"đ": "d", "Đ": "D"}
    for code in range(0x00C0, 0x1F00):
        char = chr(code)
        base = "".join(
            part
            for part in unicodedata.normalize("NFD", char)
            if not unicodedata.combining(part)
        )
        if base != char and len(base) == 1:
            table[char] = base
    table.update({chr(code): None for code in range(0x0300, 0x0370)})
    return str.maketrans(table)


_FOLDING = _folding_table()


def normalize(text):
    """NFC: decomposed input (as some keyboards and PDFs produce) breaks folding."""
    return unicodedata.normalize("NFC", text)


def fold(text):
    """Remove diacritics: "Nghị quyết Thủ đô" -> "Nghi quyet Thu do"."""
    return unicodedata.normalize("NFC", text).translate(_FOLDING)


def with_folded(text):
    """The text followed by its folded twin, so both spellings are indexed."""
    text = normalize(text)
    folded = fold(text)
    return text if folded == text else f"{text}\n{folded}"


_WORD = re.compile(r"[^\W_]+")


def words(text):
    """The folded, lower-cased words of a text: what search compares."""
    return _WORD.findall(fold(normalize(text)).casefold())


def word_text(text):
    """Words separated and surrounded by single spaces, so that a database
    LIKE '% word %' matches whole words only."""
    return f" {' '.join(words(text))} "


def ascii_slug(text):
    """An address made from a Vietnamese title, as Vietnamese portals write them:
    "Hội nghị đổi mới" -> "hoi-nghi-doi-moi".

    Django's slugify drops "đ" (it has no decomposition), so fold first."""
    return slugify(fold(text))
