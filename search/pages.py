"""Wagtail pages in the portal's search, with their view restrictions.

Every page takes part unless its model defines ``search_extras`` itself. Its
entry carries the tree paths of the page and its ancestors, so that a query
leaves out what lies under a view restriction the reader fails (see
``portal.access.restrictions``).
"""

from django.utils.timezone import localdate
from wagtail.models import Page

from portal.access.principals import PUBLIC
from portal.access.restrictions import path_prefixes
from search.highlight import highlight, snippet
from search.query import SearchHit


def search_extras_for(item):
    """The shared search fields of any indexed item, or None if it takes no part."""
    if hasattr(item, "search_extras"):
        return item.search_extras()
    if isinstance(item, Page):
        published = item.first_published_at or item.latest_revision_created_at
        return {
            "kind": "page",
            "principals": [PUBLIC],
            "paths": path_prefixes(item),
            "live": item.live,
            "date": localdate(published).isoformat() if published else None,
            "suggest": item.title,
        }
    return None


def takes_part(model):
    return hasattr(model, "search_extras") or issubclass(model, Page)


def page_search_hits(pages, terms):
    return [
        SearchHit(
            item=page,
            kind="page",
            url=page.url or "",
            title=page.title,
            title_html=highlight(page.title, terms),
            snippet=snippet([page.search_description], terms),
            issued_on=localdate(page.first_published_at)
            if page.first_published_at
            else None,
        )
        for page in pages
    ]
