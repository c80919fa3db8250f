"""What the portal's search knows of each kind of content, as its app tells it.

An app registers its searchable models in its ``AppConfig.ready``::

    search.registry.register(
        Document,
        kind="document",
        index_fields=index_fields,
        urls=document_urls,
        snippet_from=lambda document: [document.body, document.attachment_text()],
        ...
    )

Search imports no app: it indexes, presents and facets every registered model
through its registration. Wagtail pages take part as plain pages (registered by
search itself) unless their model, or a class above it, is registered.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from wagtail.search.index import get_indexed_models

from portal.access.models import AccessControlled, is_visible


def _nothing(item):
    return ""


@dataclass(frozen=True)
class Searchable:
    """How one kind of content is indexed, presented and faceted.

    ``index_fields(item)`` gives the fields every kind shares in the index (see
    ``search.backends.elasticsearch.PORTAL_PROPERTIES``): kind, principals,
    live, date, suggest, and any of type, issuer, year, status, symbol key.
    The presenting callables take one item, but ``urls`` takes a page of hits
    and gives their addresses in one go; ``snippet_from`` names the texts a
    snippet may come from, best first. ``facet_labels`` maps a facet to what
    readers see for each coded value (``{"type": {"NQ": "Nghị quyết"}}``).
    """

    kind: str
    index_fields: Callable[[Any], dict]
    urls: Callable[[list], list]
    date: Callable[[Any], Any]
    title: Callable[[Any], str] = attrgetter("title")
    snippet_from: Callable[[Any], list] = lambda item: []
    type_label: Callable[[Any], str] = _nothing
    symbol: Callable[[Any], str] = _nothing
    issuer: Callable[[Any], str] = _nothing
    facet_labels: dict = field(default_factory=dict)
    # How to load the items a page of hits shows (select_related and the like).
    queryset: Callable[[type], Any] = lambda model: model.objects.all()

    def visible_items(self, model, pks, user):
        """The items of ``model`` with these keys that the user may see.

        Read from the database, which is always current: an index entry not yet
        rewritten after a change of access never shows an item to someone who
        may no longer see it.
        """
        queryset = self.queryset(model)
        # Access-controlled items, and any model whose queryset says who sees it
        if issubclass(model, AccessControlled) or hasattr(queryset, "visible_to"):
            # The keys inside the subquery too: SQLite would otherwise list
            # every visible item to keep a page's ten.
            visible = model.objects.visible_to(user).filter(pk__in=pks).values("pk")
            return list(queryset.filter(pk__in=visible).in_bulk(pks).values())
        return [
            item for item in queryset.in_bulk(pks).values() if is_visible(item, user)
        ]


_registry = {}


def register(model, **description):
    """Make ``model`` (and its subclasses) take part in the portal's search."""
    _registry[model] = Searchable(**description)


def searchable_for(model):
    """The registration that describes ``model``, or None if it takes no part."""
    for cls in model.__mro__:
        if cls in _registry:
            return _registry[cls]
    return None


def searchable_models():
    """Every indexed model that takes part in the portal's search."""
    return [model for model in get_indexed_models() if searchable_for(model)]


def facet_labels(models):
    """What readers see for each coded facet value, over the given models."""
    labels = {}
    for model in models:
        for facet, values in searchable_for(model).facet_labels.items():
            labels.setdefault(facet, {}).update(
                {code: str(label) for code, label in values.items()}
            )
    return labels
