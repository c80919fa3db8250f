"""Document numbers and symbols (số và ký hiệu).

Party documents: ``<number>-<type>/<issuer>`` such as ``15-NQ/TW`` or ``09-CTr/TU``.
State documents: ``<number>/<year>/<type>-<issuer>`` such as ``30/2020/NĐ-CP``.

People type a symbol in many spellings (``15/NQ-TW``, ``nq 15 tw``, ``15nqtw``).
Every spelling reduces to one *key*: the digits in order, then the letters in
order, folded and lower-cased (``15nqtw``, ``302020ndcp``). The key is what the
archive stores and what search compares.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.core.text import fold, normalize

_LETTERS = r"[^\W\d_]+"
PARTY_SYMBOL = re.compile(
    rf"^\s*(?P<number>\d{{1,5}})\s*-\s*(?P<type>{_LETTERS})\s*/\s*(?P<issuer>{_LETTERS}(?:-{_LETTERS})?)\s*$"
)
STATE_SYMBOL = re.compile(
    rf"^\s*(?P<number>\d{{1,5}})\s*/\s*(?P<year>\d{{4}})\s*/\s*(?P<type>{_LETTERS})\s*-\s*(?P<issuer>{_LETTERS}(?:-{_LETTERS})?)\s*$"
)
_TOKEN = re.compile(rf"\d+|{_LETTERS}")
# A symbol inside running text: "thực hiện Thông báo số 05-TB/TU của …".
CITED_SYMBOL = re.compile(
    rf"(?<![\w/-])\d{{1,5}}\s*(?:-\s*{_LETTERS}\s*/|/\s*\d{{4}}\s*/)\s*"
    rf"{_LETTERS}(?:\s*-\s*{_LETTERS})?(?![\w/])"
)


@dataclass(frozen=True)
class Symbol:
    number: int
    type_abbreviation: str
    issuer_abbreviation: str
    year: int | None = None

    @classmethod
    def parse(cls, text):
        """Parse a symbol in its official shape, or raise ValidationError."""
        text = normalize(text or "")
        if match := PARTY_SYMBOL.match(text):
            return cls(int(match["number"]), match["type"], match["issuer"].upper())
        if match := STATE_SYMBOL.match(text):
            return cls(
                int(match["number"]),
                match["type"],
                match["issuer"].upper(),
                int(match["year"]),
            )
        raise ValidationError(
            _(
                "“%(symbol)s” is not a document symbol such as 15-NQ/TW "
                "or 30/2020/NĐ-CP."
            ),
            code="invalid_symbol",
            params={"symbol": text},
        )

    def __str__(self):
        if self.year:
            return (
                f"{self.number:02d}/{self.year}/"
                f"{self.type_abbreviation}-{self.issuer_abbreviation}"
            )
        return f"{self.number:02d}-{self.type_abbreviation}/{self.issuer_abbreviation}"


def symbol_key(text):
    """The spelling-independent key of a symbol or symbol-like query."""
    tokens = _TOKEN.findall(fold(normalize(text)).casefold())
    digits = [str(int(token)) for token in tokens if token.isdecimal()]
    letters = [token for token in tokens if not token.isdecimal()]
    return "".join(digits) + "".join(letters)


def cited_symbol_keys(text):
    """The keys of the symbols that a text cites, such as the "05-TB/TU" of
    "Báo cáo kết quả thực hiện Thông báo số 05-TB/TU"."""
    return {symbol_key(match) for match in CITED_SYMBOL.findall(normalize(text or ""))}


# Type and issuer abbreviations, folded: what the letters of a symbol are made of.
KNOWN_CODES = frozenset(
    "nq ct kl qd qdi qc tb tt kh ctr da hd bc ttr cv nd l "
    "tw vptw tu vptu btgtu btctu ubkttu bdvtu bnctu qu hu tx du cp ttg qh ubnd".split()
)


def _is_made_of_codes(word):
    """Whether a run of letters splits into known codes ("nqtw" -> nq + tw)."""
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(
            reachable[start] and word[start:end] in KNOWN_CODES
            for start in range(max(0, end - 6), end)
        )
    return reachable[-1]


def looks_like_symbol(query):
    """Whether a query is a symbol in some spelling: numbers and known codes only.

    "15-NQ/TW", "nq 15 tw", "15nqtw" and "30/2020/nd-cp" are; "nghị quyết 15"
    and "thủ đô 2045" are not.
    """
    tokens = _TOKEN.findall(fold(normalize(query)).casefold())
    words = [token for token in tokens if not token.isdigit()]
    return (
        len(tokens) <= 8
        and len(words) < len(tokens)
        and bool(words)
        and all(_is_made_of_codes(word) for word in words)
    )
