"""Wagtail pages in the portal's search, with their view restrictions.

Every page takes part as a plain page unless its model is registered itself.
Its entry carries the tree paths of the page and its ancestors, so that a query
leaves out what lies under a view restriction the reader fails (see
``portal.access.restrictions``).
"""

from django.utils.timezone import localdate
from wagtail.models import Page

from portal.access.principals import PUBLIC
from portal.access.restrictions import path_prefixes
from search import registry


def published_on(page):
    published = page.first_published_at or page.latest_revision_created_at
    return localdate(published) if published else None


def page_index_fields(page):
    published = published_on(page)
    return {
        "kind": "page",
        "principals": [PUBLIC],
        "paths": path_prefixes(page),
        "live": page.live,
        "date": published.isoformat() if published else None,
        "suggest": page.title,
    }


def register_pages():
    registry.register(
        Page,
        kind="page",
        index_fields=page_index_fields,
        urls=lambda pages: [page.url or "" for page in pages],
        date=published_on,
        snippet_from=lambda page: [page.search_description],
        queryset=lambda model: model.objects.live(),
    )
