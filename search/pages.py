"""Wagtail pages in the portal's search, with their view restrictions.

Every page takes part unless its model defines ``search_extras`` itself; its
principals follow Wagtail's privacy settings, so a page restricted to logged-in
users or to groups is found only by them, and a password-protected page by
nobody.
"""

from wagtail.models import Page, PageViewRestriction

from portal.access.principals import (
    PUBLIC,
    STAFF,
    group_principal,
    principals_for_user,
    sees_everything,
)
from search.highlight import highlight, snippet
from search.query import SearchHit


def page_principals(page):
    restrictions = page.get_view_restrictions()
    if not restrictions:
        return [PUBLIC]
    # The innermost restriction is the strictest that applies.
    restriction = max(restrictions, key=lambda r: r.page.depth)
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return [STAFF]
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return [group_principal(group.pk) for group in restriction.groups.all()]
    return []


def page_is_visible_to(page, user):
    """Whether the user passes the page's view restrictions, as its entry says."""
    if sees_everything(user):
        return True
    return bool(set(page_principals(page)) & set(principals_for_user(user)))


def search_extras_for(item):
    """The shared search fields of any indexed item, or None if it takes no part."""
    if hasattr(item, "search_extras"):
        return item.search_extras()
    if isinstance(item, Page):
        published = item.first_published_at or item.latest_revision_created_at
        return {
            "kind": "page",
            "principals": page_principals(item),
            "live": item.live,
            "date": published.date().isoformat() if published else None,
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
            issued_on=page.first_published_at.date()
            if page.first_published_at
            else None,
        )
        for page in pages
    ]
