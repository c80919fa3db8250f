"""Normalising Vietnamese text for search.

People type without diacritics ("nghi quyet thu do") and expect "Nghị quyết …
Thủ đô". Folding happens here, in Python, for the index and for queries alike,
so it behaves the same on every backend and needs no engine plug-in.
"""

import re
import unicodedata
from functools import lru_cache

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


_WORD = re.compile(r"[^\W_]+")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# The vowel pairs whose tone mark two spellings place differently when they end
# a word: "hòa"/"hoà", "khỏe"/"khoẻ", "ủy"/"uỷ" (but "quý" in both).
_TONE_ON_FIRST = re.compile(r"(?:o[ae]|(?<!q)uy)$", re.IGNORECASE)
_ENDS_IN_PAIR = re.compile(
    r"(?<![^\W_])[^\W_]*(?:[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ])(?![^\W_])",
    re.IGNORECASE,
)


def _tone_on_first_vowel(match):
    return _word_with_tone_on_first_vowel(match.group())


# Words repeat: a language's words are few against the texts an import folds.
@lru_cache(maxsize=65536)
def _word_with_tone_on_first_vowel(word):
    decomposed = unicodedata.normalize("NFD", word)
    tones = [char for char in decomposed if char in _TONE_MARKS]
    if len(tones) != 1:
        return word
    bare = unicodedata.normalize("NFC", decomposed.replace(tones[0], ""))
    if not _TONE_ON_FIRST.search(bare):
        return word
    at = len(bare) - 1  # after the first vowel of the pair
    placed = unicodedata.normalize("NFC", bare[:at] + tones[0] + bare[at:])
    # Every Vietnamese vowel has a composed form with every tone, so the length
    # holds; highlighting relies on it to map marks back onto the text.
    return placed if len(placed) == len(word) else word


def place_tones(text):
    """Tone marks where the older, more common spelling puts them: "hoà" ->
    "hòa", "thuỷ" -> "thủy", so that both spellings are the same word.
    Takes NFC text and keeps its length."""
    return _ENDS_IN_PAIR.sub(_tone_on_first_vowel, text)


# A document's texts are written once for the database and once for the
# engine, one after the other.
@lru_cache(maxsize=64)
def _as_written(text):
    """NFC, tone marks placed one way."""
    return place_tones(normalize(text))


def with_folded(text):
    """The text followed by its folded twin, so both spellings are indexed
    (tone marks placed one way, see ``place_tones``)."""
    text = _as_written(text)
    folded = fold(text)
    return text if folded == text else f"{text}\n{folded}"


def words(text):
    """The folded, lower-cased words of a text: what search compares."""
    return _WORD.findall(fold(normalize(text)).casefold())


def typed_words(text):
    """The lower-cased words of a text as written, tone marks placed one way.

    A query word with diacritics matches only itself; one without them matches
    every word that folds to it ("thanh" finds "thành", "thành" does not find
    "thanh" or "thạnh")."""
    return _WORD.findall(_as_written(text).casefold())


@lru_cache(maxsize=65536)
def has_diacritics(word):
    return fold(word) != word


def word_text(text):
    """The folded words, then each distinct word that has diacritics, as
    written: separated and surrounded by single spaces, so that a database
    LIKE '% word %' matches whole words only, with or without diacritics."""
    # Each distinct word checked once; an ASCII word has no diacritics.
    written = [
        word
        for word in dict.fromkeys(typed_words(text))
        if not word.isascii() and has_diacritics(word)
    ]
    return f" {' '.join([*words(text), *written])} "


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
