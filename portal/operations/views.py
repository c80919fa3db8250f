import hmac
import ipaddress

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST

from portal.core.proxies import client_ip
from portal.operations.metrics import exposition
from portal.operations.readiness import FAILING, readiness


@never_cache
def ready(request):
    """For load balancers: 503 takes the server out of rotation, which only a
    failing check does; a degraded one (no engine, a late worker) keeps it in.
    Each check's details name the infrastructure, so only those who may read
    the metrics get them; anyone else, the status alone."""
    status, checks = readiness()
    body = {"status": status}
    if may_scrape(request):
        body["checks"] = checks
    return JsonResponse(body, status=503 if status == FAILING else 200)


@never_cache
def metrics(request):
    """Prometheus' text, for the configured addresses or the bearer of the
    token; anyone else is told there is nothing here."""
    if not may_scrape(request):
        raise Http404
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)


def may_scrape(request):
    token = settings.METRICS_TOKEN
    scheme, _, offered = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer":
        if hmac.compare_digest(offered.strip().encode(), token.encode()):
            return True
    try:
        address = ipaddress.ip_address(client_ip(request) or "")
    except ValueError:
        return False
    return any(address in network for network in settings.METRICS_ALLOWED_ADDRESSES)
