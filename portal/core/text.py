"""Normalising Vietnamese text for search.

People type without diacritics ("nghi quyet thu do") and expect "Nghị quyết …
Thủ đô". Folding happens here, in Python, for the index and for queries alike,
so it behaves the same on every backend and needs no engine plug-in.
"""

import re
import unicodedata

# Letters that do not decompose into a base letter and combining marks.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "D"})


def normalize(text):
    """NFC: decomposed input (as some keyboards and PDFs produce) breaks folding."""
    return unicodedata.normalize("NFC", text)


def fold(text):
    """Remove diacritics: "Nghị quyết Thủ đô" -> "Nghi quyet Thu do"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


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
