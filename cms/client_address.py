"""The visitor's address, the one fact every rate limit and audit entry asks for.

Behind reverse proxies REMOTE_ADDR is the nearest proxy, and X-Forwarded-For is a list
that anyone can start: each proxy appends the address it received the request from. So
only the last ``TRUSTED_PROXY_COUNT`` entries were written by our own proxies, and the
client is the entry the outermost of them appended. With no trusted proxy (the default)
the header is ignored, so a forged one changes nothing.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of the client that reached our outermost trusted proxy."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < trusted:
        # Fewer hops than proxies: the request did not come through all of them.
        return remote
    candidate = hops[-trusted]
    return candidate if _is_address(candidate) else remote


def _is_address(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
