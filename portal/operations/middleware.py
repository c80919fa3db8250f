import logging
import time

from django.urls import Resolver404, resolve

from portal.operations import metrics
from portal.operations.context import bound_request_id, request_id_from

logger = logging.getLogger("portal.requests")

UNMATCHED = "<unmatched>"
# Anyone may send any method name: others are counted together, so that a
# client cannot add series at will.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
OTHER_METHOD = "other"


class RequestMonitoringMiddleware:
    """First in the chain: gives the request its id, then counts, times and
    logs its answer under the name of its view.

    Metrics are labelled by the view's URL name, never by the path, and by one
    of a fixed set of methods, so that the number of series stays bounded
    whatever is asked for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.headers.get("X-Request-ID"))
        request.request_id = request_id
        with bound_request_id(request_id):
            started = time.perf_counter()
            response = self.get_response(request)
            duration = time.perf_counter() - started
            self.record(request, response, request_id, duration)
        response.headers["X-Request-ID"] = request_id
        return response

    def record(self, request, response, request_id, duration):
        view = view_name(request)
        status = str(response.status_code)
        method = request.method if request.method in METHODS else OTHER_METHOD
        metrics.REQUESTS.labels(view, method, status).inc()
        metrics.LATENCY.labels(view, status).observe(duration)
        cache_result = getattr(request, "page_cache_result", None)
        if cache_result:
            metrics.PAGE_CACHE.labels(cache_result).inc()
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            status,
            extra={
                "request_id": request_id,
                "user_id": user_id(request),
                "view": view,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(duration * 1000, 2),
                "page_cache": cache_result,
            },
        )


def view_name(request):
    """The URL name of the view that answered; a page cache hit never reached
    the resolver, so its path is resolved here."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return UNMATCHED
    return match.view_name


def user_id(request):
    """The signed-in user's id, if the request looked them up: asking here
    would load the session of every anonymous page cache hit."""
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_authenticated else None
