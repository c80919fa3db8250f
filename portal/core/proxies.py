"""The visitor's address, read through the proxies the installation trusts.

Behind a load balancer every request comes from the balancer's address; the
address of the visitor is in ``X-Forwarded-For``, which anyone can also send.
Only the hops added by proxies named in ``TRUSTED_PROXIES`` are believed: the
header is read from the right, past trusted proxies, to the first address that
is not one of them. The comment limit and the login lockout both key on it.
"""

import ipaddress

from django.conf import settings


def _address(text):
    try:
        address = ipaddress.ip_address(text.strip())
    except (AttributeError, ValueError):
        return None
    return getattr(address, "ipv4_mapped", None) or address


def _is_trusted(address):
    return any(
        address in ipaddress.ip_network(proxy, strict=False)
        for proxy in settings.TRUSTED_PROXIES
    )


def client_ip(request):
    """The visitor's address: the rightmost forwarded hop no trusted proxy added."""
    peer = request.META.get("REMOTE_ADDR")
    client = _address(peer or "")
    if client is None:
        return peer or None
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        if not _is_trusted(client):
            break
        forwarded = _address(hop)
        if forwarded is None:
            break
        client = forwarded
    return str(client)
