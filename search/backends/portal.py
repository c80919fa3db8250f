"""The portal's search over every kind of content, shared by all backends.

A backend answers ``portal_search(request, user, models)`` and
``portal_suggest(text, user, models)``; this mixin turns the (model, pk) pairs
it finds into hits, in order, each model presenting its own.
"""

from collections import defaultdict

from django.apps import apps

from search.pages import page_search_hits


class PortalSearchMixin:
    def present(self, keys, terms):
        """SearchHits for ``[("app_label.Model", pk), …]``, in the same order."""
        pks_by_model = defaultdict(list)
        for label, pk in keys:
            pks_by_model[label].append(pk)
        hits = {}
        for label, pks in pks_by_model.items():
            model = apps.get_model(label)
            if hasattr(model, "present_search_hits"):
                items = list(model.search_queryset().in_bulk(pks).values())
                found = model.present_search_hits(items, terms)
            else:  # a page without search rules of its own
                items = list(model.objects.live().in_bulk(pks).values())
                found = page_search_hits(items, terms)
            for item, hit in zip(items, found, strict=True):
                hits[(label, str(item.pk))] = hit
        return [
            hits[key] for key in ((label, str(pk)) for label, pk in keys) if key in hits
        ]
