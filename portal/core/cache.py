"""The cache of pages served to anonymous visitors.

Every entry's key carries a generation number; publishing, unpublishing or
approving a comment moves the generation on, so one cheap write retires every
cached page at once (lists on the home and section pages change with them).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "anonymous-pages:generation"


def page_cache():
    return caches[settings.PORTAL_PAGE_CACHE]


def current_generation():
    generation = page_cache().get(GENERATION_KEY)
    if generation is None:
        generation = 1
        page_cache().add(GENERATION_KEY, generation, timeout=None)
    return generation


def invalidate_anonymous_pages(**kwargs):
    """Retire every cached page. Usable as a signal receiver."""
    try:
        page_cache().incr(GENERATION_KEY)
    except ValueError:
        page_cache().set(GENERATION_KEY, 2, timeout=None)


def get_or_compute(key, compute):
    """A value kept until the next publication, e.g. the menu.

    Kept even when whole pages are not (PAGE_CACHE_SECONDS=0)."""
    return page_cache().get_or_set(
        f"anonymous-pages:{current_generation()}:{key}", compute, timeout=None
    )


def cache_key(request):
    path = hashlib.sha1(request.get_full_path().encode()).hexdigest()
    return (
        f"anonymous-pages:{current_generation()}:{request.get_host()}:"
        f"{request.LANGUAGE_CODE}:{path}"
    )


def any_view_restrictions():
    """Whether any page has a Wagtail view restriction (kept until one changes)."""
    from wagtail.models import PageViewRestriction

    return get_or_compute(
        "any-view-restrictions", lambda: PageViewRestriction.objects.exists()
    )
