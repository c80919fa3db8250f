"""The portal's search over every kind of content, shared by all backends.

A backend answers ``portal_search(request, user, models)`` and
``portal_suggest(text, user, models)``; this mixin turns the (model, pk) pairs
it finds into hits, in order, each presented as its registration describes.
"""

from collections import defaultdict

from django.apps import apps

from search.highlight import highlight, snippet
from search.query import SearchHit
from search.registry import searchable_for


def search_hit(searchable, item, url, terms):
    title = searchable.title(item)
    return SearchHit(
        item=item,
        kind=searchable.kind,
        url=url,
        title=title,
        title_html=highlight(title, terms),
        snippet=snippet(searchable.snippet_from(item), terms),
        symbol=searchable.symbol(item),
        type_label=searchable.type_label(item),
        issuer=searchable.issuer(item),
        issued_on=searchable.date(item),
    )


class PortalSearchMixin:
    def present(self, keys, terms, user):
        """SearchHits for ``[("app_label.Model", pk), …]``, in the same order,
        of the items the user may see (checked against the database)."""
        pks_by_model = defaultdict(list)
        for label, pk in keys:
            pks_by_model[label].append(pk)
        hits = {}
        for label, pks in pks_by_model.items():
            model = apps.get_model(label)
            searchable = searchable_for(model)
            items = searchable.visible_items(model, pks, user)
            urls = searchable.urls(items)
            for item, url in zip(items, urls, strict=True):
                hits[(label, str(item.pk))] = search_hit(searchable, item, url, terms)
        return [
            hits[key] for key in ((label, str(pk)) for label, pk in keys) if key in hits
        ]
