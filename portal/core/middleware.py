from django.conf import settings
from django.utils import translation
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from portal.core.cache import cache_key, get_or_compute, keeps_query, page_cache


class PortalLanguageMiddleware:
    """Serve the portal in Vietnamese unless the visitor chose another language.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language:
    an official Vietnamese portal should not switch to English on its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET requests from the page cache (see portal.core.cache).

    A visitor counts as anonymous when they send no session or messages cookie,
    so a hit touches neither the session nor the database. Only complete,
    shareable answers are stored: status 200, no cookie set (a page that
    renders a CSRF token sets one, and is never cached), nothing marked
    private, and no query parameter the view did not declare (keep_for_query).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        key = cache_key(request)
        response = cache.get(key)
        # read by the metrics (portal.operations)
        request.page_cache_result = "miss" if response is None else "hit"
        if response is not None:
            return response
        response = self.get_response(request)
        if self.is_cacheable_response(response) and keeps_query(request, response):
            cache.set(key, response, settings.PORTAL_PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def is_cacheable_request(request):
        return (
            settings.PORTAL_PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.path.startswith(settings.PORTAL_PAGE_CACHE_SKIP)
        )

    @staticmethod
    def is_cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "private" not in cache_control
            and "no-store" not in cache_control
        )


class CachedSiteMiddleware:
    """Hand Wagtail the site of a page request from the cache.

    Wagtail looks the site up in the database for every page it serves (and
    keeps it on the request as `_wagtail_site`); sites change rarely, and saving
    one retires the cached copy with everything else (portal.core.signal_handlers).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve:
            site = get_or_compute(
                f"site:{request.get_host()}", lambda: find_site(request)
            )
            if site is not None:
                request._wagtail_site = site


def find_site(request):
    site = Site.find_for_request(request)
    if site is not None:
        # Routing starts from the specific root page: keep that too.
        site.root_page = site.root_page.specific
    return site
