"""Wagtail's view restrictions (page privacy) as part of who may see a page.

A restriction on a page applies to it and to every page below it:

- login: signed-in users pass;
- groups: members of one of its groups pass;
- password: those whose session holds the password pass when a page is served;
  in listings, search and feeds nobody does, since no session is asked for.

Those who see everything pass them all. A page's index entry carries the tree
paths of the page and its ancestors (``path_prefixes``), and a query leaves out
the entries under a restriction the user fails: the restrictions are read when
the query is made, so adding, changing or removing one needs no reindexing to
take effect. The table holds a handful of rows, and none at all on most sites,
which ``any_view_restrictions`` answers from the cache.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from portal.access.principals import group_ids, sees_everything
from portal.core.cache import any_view_restrictions


def failed_paths(user, request=None):
    """The tree paths of the restricted pages whose restriction the user fails."""
    if sees_everything(user) or not any_view_restrictions():
        return []
    restrictions = PageViewRestriction.objects.exclude(
        restriction_type=PageViewRestriction.NONE
    )
    if user is not None and user.is_authenticated:
        restrictions = restrictions.exclude(
            restriction_type=PageViewRestriction.LOGIN
        ).exclude(
            Q(restriction_type=PageViewRestriction.GROUPS)
            & Q(groups__in=group_ids(user))
        )
    passed = _passwords_passed(request)
    return sorted(
        {
            path
            for pk, kind, path in restrictions.values_list(
                "pk", "restriction_type", "page__path"
            )
            if not (kind == PageViewRestriction.PASSWORD and pk in passed)
        }
    )


def _passwords_passed(request):
    session = getattr(request, "session", None)
    if session is None:
        return set()
    return set(
        session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
    )


def path_prefixes(page):
    """The tree paths of the page and of each of its ancestors."""
    step = Page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


def passes(page, user, request=None):
    """Whether the user passes every view restriction on the page and above it."""
    return passes_paths(path_prefixes(page), user, request)


def passes_paths(paths, user, request=None):
    """Whether the user passes every view restriction on the pages at these paths."""
    if not paths:
        return True
    prefixes = set(paths)
    return not any(path in prefixes for path in failed_paths(user, request))


def passes_q(user):
    """A filter for the pages outside every restriction the user fails."""
    q = Q()
    for path in failed_paths(user):
        q &= ~Q(path__startswith=path)
    return q
