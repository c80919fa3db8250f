"""Highlighted snippets: the matched words in <mark>, whatever the backend.

Matching happens on a folded copy of the text that has exactly one character
per original character, so the marks land on the original, accented words.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.core.text import fold, normalize


def _fold_char(char):
    folded = fold(char).casefold()
    return folded if len(folded) == 1 else char


def _matches(text, terms):
    if not terms:
        return []
    folded = "".join(_fold_char(char) for char in text)
    alternatives = "|".join(
        re.escape(term) for term in sorted(set(terms), key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return [match.span() for match in pattern.finditer(folded)]


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
