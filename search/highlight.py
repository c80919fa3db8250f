"""Highlighted snippets: the matched words in <mark>, whatever the backend.

Matching happens on copies of the text that have exactly one character per
original character, so the marks land on the original words: a folded copy for
the words typed without diacritics, which match with or without them, and a
lower-cased copy for those typed with diacritics, which match only as typed.
"""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.core.text import fold, has_diacritics, normalize, place_tones

MAX_KNOWN_CHARS = 10_000


@functools.cache
def _one_char_table(change):
    """Characters changed by ``change``, filled as texts bring new ones."""
    return {}


def _per_char(change, text):
    """The text changed one character at a time, each keeping its place (a
    character that would become several stays as it is). Each character is
    changed once per process: texts share a few dozen."""
    table = _one_char_table(change)
    if len(table) > MAX_KNOWN_CHARS:  # a flood of rare characters
        table.clear()
    for char in set(text):
        if ord(char) not in table:
            changed = change(char)
            table[ord(char)] = changed if len(changed) == 1 else char
    return text.translate(table)


def _folded(char):
    return fold(char).casefold()


def _spans(text, terms):
    if not terms:
        return []
    alternatives = "|".join(
        re.escape(term) for term in sorted(set(terms), key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return [match.span() for match in pattern.finditer(text)]


def _matches(text, terms):
    folded = _per_char(_folded, text)
    written = place_tones(_per_char(str.casefold, text))
    spans = _spans(folded, [term for term in terms if not has_diacritics(term)])
    spans += _spans(written, [term for term in terms if has_diacritics(term)])
    # "thanh" and "thành" both match "Thành": mark it once.
    kept = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _marked(text, spans, start, end):
    parts, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text, terms):
    """The whole text, escaped, with every matched word marked."""
    text = normalize(text or "")
    return mark_safe(_marked(text, _matches(text, terms), 0, len(text)))


def snippet(texts, terms, length=240):
    """A passage of about ``length`` characters around the first match.

    Tries each text in turn (abstract, full text, attachments) and falls back to
    the beginning of the first non-empty one.
    """
    texts = [normalize(text) for text in texts if text]
    for text in texts:
        spans = _matches(text, terms)
        if spans:
            first = spans[0][0]
            start = max(0, first - length // 3)
            if start:
                start = text.rfind(" ", 0, start) + 1
            end = min(len(text), start + length)
            if end < len(text):
                end = max(text.rfind(" ", start, end), spans[0][1])
            prefix = "… " if start else ""
            suffix = " …" if end < len(text) else ""
            return mark_safe(prefix + _marked(text, spans, start, end) + suffix)
    if not texts:
        return ""
    text = texts[0]
    cut = text[:length].rsplit(" ", 1)[0] if len(text) > length else text
    return mark_safe(escape(cut) + (" …" if len(text) > length else ""))
