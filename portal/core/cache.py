"""The cache of pages served to anonymous visitors.

Every entry's key carries a generation number; publishing, unpublishing or
approving a comment moves the generation on, so one cheap write retires every
cached page at once (lists on the home and section pages change with them).

The number lives in the database (``PageCacheGeneration``) and is copied into a
cache of its own that holds nothing else, so it is read without a query and a
full page cache, which culls entries at random, can never drop it. With several
application servers all three caches live in one Redis (``REDIS_URL``), where the
number is kept without an expiry and only entries with one are evicted
(``deploy/redis/portal.conf``): publishing through any server retires the pages
of all of them.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import F

from portal.core.models import PageCacheGeneration

GENERATION_KEY = "anonymous-pages:generation"
KEEP_SECONDS = 60 * 60 * 24


def page_cache():
    return caches[settings.PORTAL_PAGE_CACHE]


def generation_cache():
    return caches[settings.PORTAL_PAGE_GENERATION_CACHE]


def current_generation():
    generation = generation_cache().get(GENERATION_KEY)
    if generation is None:
        row, _created = PageCacheGeneration.objects.get_or_create(pk=1)
        generation = row.value
        # `add`, not `set`: a newer number written meanwhile must win.
        generation_cache().add(GENERATION_KEY, generation, timeout=None)
    return generation


def invalidate_anonymous_pages(**kwargs):
    """Retire every cached page. Usable as a signal receiver.

    The number moves on in the caller's transaction. Its cached copy is dropped
    at once (readers then ask the database) and replaced once the change is
    committed, so nobody keeps reading the old number, even if a reader copied
    it back before the commit; a rolled back change moves nothing.
    """
    generations = PageCacheGeneration.objects.filter(pk=1)
    if not generations.update(value=F("value") + 1):
        PageCacheGeneration.objects.get_or_create(pk=1, defaults={"value": 2})
    generation = generations.values_list("value", flat=True).get()
    generation_cache().delete(GENERATION_KEY)
    transaction.on_commit(
        lambda: generation_cache().set(GENERATION_KEY, generation, timeout=None)
    )


def get_or_compute(key, compute):
    """A value kept until the next publication, e.g. the menu.

    Kept even when whole pages are not (PAGE_CACHE_SECONDS=0), for a day at most:
    values of retired generations must expire (in Redis only entries with an
    expiry are ever evicted)."""
    return page_cache().get_or_set(
        f"anonymous-pages:{current_generation()}:{key}", compute, timeout=KEEP_SECONDS
    )


def cache_key(request):
    path = hashlib.sha1(request.get_full_path().encode()).hexdigest()
    return (
        f"anonymous-pages:{current_generation()}:{request.get_host()}:"
        f"{request.LANGUAGE_CODE}:{path}"
    )


def keep_for_query(response, *names):
    """Let the page cache keep `response` for requests carrying only these
    query parameters (each once). Answers to other query strings are not kept,
    so made-up parameters cannot fill the cache."""
    response.cached_query_parameters = frozenset(names)
    return response


def keeps_query(request, response):
    allowed = getattr(response, "cached_query_parameters", frozenset())
    return all(
        name in allowed and len(values) == 1 for name, values in request.GET.lists()
    )


def any_view_restrictions():
    """Whether any page has a Wagtail view restriction (kept until one changes)."""
    from wagtail.models import PageViewRestriction

    return get_or_compute(
        "any-view-restrictions", lambda: PageViewRestriction.objects.exists()
    )
