"""The portal's search over every kind of content, shared by all backends.

A backend answers ``portal_search(request, user, models)`` and
``portal_suggest(text, user, models)``; this mixin turns the (model, pk) pairs
it finds into hits, in order, each model presenting its own.
"""

from collections import defaultdict

from django.apps import apps

from portal.access.models import is_visible
from search.pages import page_search_hits


class PortalSearchMixin:
    def present(self, keys, terms, user):
        """SearchHits for ``[("app_label.Model", pk), …]``, in the same order,
        of the items the user may see.

        Each item is checked against the database, which is always current:
        an index entry not yet rewritten after a change of access never shows
        an item to someone who may no longer see it.
        """
        pks_by_model = defaultdict(list)
        for label, pk in keys:
            pks_by_model[label].append(pk)
        hits = {}
        for label, pks in pks_by_model.items():
            model = apps.get_model(label)
            if hasattr(model, "present_search_hits"):
                visible = model.objects.visible_to(user).values("pk")
                queryset = model.search_queryset().filter(pk__in=visible)
                items = list(queryset.in_bulk(pks).values())
                found = model.present_search_hits(items, terms)
            else:  # a page without search rules of its own
                items = [
                    page
                    for page in model.objects.live().in_bulk(pks).values()
                    if is_visible(page, user)
                ]
                found = page_search_hits(items, terms)
            for item, hit in zip(items, found, strict=True):
                hits[(label, str(item.pk))] = hit
        return [
            hits[key] for key in ((label, str(pk)) for label, pk in keys) if key in hits
        ]
