"""What a search asks and what it answers, independent of the backend."""

import re
from dataclasses import dataclass, field
from datetime import date

from portal.core.symbols import looks_like_symbol, symbol_key
from portal.core.text import fold, has_diacritics, typed_words

_PHRASE = re.compile(r'"([^"]+)"')
MAX_WORDS = 32


@dataclass
class SearchRequest:
    text: str = ""
    filters: dict = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10

    # Each word as typed (``portal.core.text.typed_words``): one with diacritics
    # matches only itself, one without matches every word that folds to it.
    @property
    def _loose_words(self):
        return typed_words(_PHRASE.sub(" ", self.text))[:MAX_WORDS]

    @property
    def _quoted(self):
        return [
            found for text in _PHRASE.findall(self.text) if (found := typed_words(text))
        ]

    @property
    def words(self):
        """Every word an item must have: those outside quotes, and those of the
        quoted phrases that have diacritics. Operators and punctuation dropped."""
        return self._loose_words + [
            word for phrase in self._quoted for word in phrase if has_diacritics(word)
        ]

    @property
    def phrases(self):
        """Quoted phrases, folded: their words must appear in this order (and
        those with diacritics, as typed, anywhere: see ``words``)."""
        return [" ".join(fold(word) for word in phrase) for phrase in self._quoted]

    @property
    def terms(self):
        """Every word the user typed, as typed, for highlighting."""
        return self._loose_words + [word for phrase in self._quoted for word in phrase]

    @property
    def symbol_key(self):
        """The symbol key when the whole query is a symbol in some spelling."""
        text = self.text.strip().strip('"')
        return symbol_key(text) if looks_like_symbol(text) else None

    @property
    def may_relax(self):
        """Whether, when nothing has every word, items with some are worth showing:
        not for a symbol, where a near miss is simply another document."""
        return len(self._loose_words) > 1 and not self.symbol_key

    @property
    def is_empty(self):
        return not (
            self.words or self.phrases or self.filters or self.date_from or self.date_to
        )

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class SearchHit:
    item: object
    kind: str
    url: str
    title: str
    title_html: str = ""
    snippet: str = ""
    symbol: str = ""
    type_label: str = ""
    issuer: str = ""
    issued_on: date | None = None

    def as_json(self):
        return {
            "title": self.title,
            "url": self.url,
            "kind": self.kind,
            "type": self.type_label,
            "symbol": self.symbol,
            "issuer": self.issuer,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "snippet": self.snippet,
        }


@dataclass
class SearchResults:
    request: SearchRequest
    count: int
    hits: list
    facets: dict
    relaxed: bool = False  # no item had every word; showing items with some

    @property
    def num_pages(self):
        return max(1, -(-self.count // self.request.per_page))

    @property
    def has_next(self):
        return self.request.page < self.num_pages

    @property
    def has_previous(self):
        return self.request.page > 1
