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


# Vietnamese alphabetical order, as dictionaries and ICU's "vi" collation sort:
# ă after a, â after ă, đ after d, ê after e, ô and ơ after o, ư after u (the
# foreign f, j, w, z where Latin puts them). Tones only break ties, in the order
# ngang, huyền, hỏi, ngã, sắc, nặng; then lower case before upper case.
_ALPHABET = {
    letter: rank for rank, letter in enumerate("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _collation_element(char):
    """(primary, secondary, tertiary) weights of one character."""
    base, *marks = unicodedata.normalize("NFD", char)
    tone = next((_TONES[mark] for mark in marks if mark in _TONES), 0)
    letter = unicodedata.normalize(
        "NFC", base + "".join(mark for mark in marks if mark not in _TONES)
    )
    lower = letter.casefold()
    if lower in _ALPHABET:
        primary = (3, _ALPHABET[lower])
    elif letter.isspace():
        primary = (0, 0)
    elif letter.isdigit():
        primary = (2, unicodedata.digit(letter, 0))
    elif letter.isalpha():
        primary = (4, ord(fold(lower)[:1] or lower))
    else:
        primary = (1, ord(letter))
    return primary, tone, int(letter != lower)


def vietnamese_sort_key(text):
    """Sort key for Vietnamese text: "Ban Tổ chức" < "Ban Tuyên giáo" <
    "Ủy ban Kiểm tra" < "Văn phòng". The databases sort the same way through
    the collation in portal.core.collation."""
    elements = [_collation_element(char) for char in normalize(text or "")]
    return tuple(tuple(element[level] for element in elements) for level in range(3))
