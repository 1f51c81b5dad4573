"""Which requests may be answered from the page cache and which responses may be kept.

The rule is narrow on purpose: a response is shared only when nothing in it can belong to
one person. The request must carry no cookie but the CSRF one (no session: not a signed-in
editor or member, no pending messages, no passed page password) and the response must set
no cookie. A page with a form sets the CSRF cookie (Django sends it whenever a token is
rendered), so it is never shared and nobody receives another visitor's token. A response
that used a CSP nonce is not kept either: the next visitor would get the same nonce.
"""

import hashlib

from django.conf import settings
from django.utils.cache import cc_delim_re

# Headers rebuilt for every response by the middleware above the cache: the CSP policy
# is built afresh (so a hit never repeats a nonce), cookies are never stored.
NOT_STORED_HEADERS = {
    "content-security-policy",
    "content-security-policy-report-only",
    "set-cookie",
    "x-page-cache",
}
# Vary headers the cache may ignore. Cookie: only requests without a session come here,
# and a response that depended on a cookie set one. Accept-Language: LocaleMiddleware
# adds it, but the language comes from the path (i18n_patterns), never from the header.
IGNORED_VARY = {"cookie", "accept-language"}
PRIVATE_CACHE_CONTROL = {"private", "no-cache", "no-store"}


def is_anonymous(request):
    """A GET without a session or any other cookie than the CSRF one, and no credentials."""
    return (
        request.method == "GET"
        and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}
        and "HTTP_AUTHORIZATION" not in request.META
    )


def cache_key(request, generation):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:40]
    return f"pagecache:{generation}:{digest}"


def is_shareable(request, response):
    """True when `response` to `request` is the same for every anonymous visitor."""
    return (
        getattr(request, "page_cache_page", False)
        and not getattr(request, "is_preview", False)
        and is_anonymous(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and getattr(request, "_csp_nonce", None) is None
        and not _cache_control(response) & PRIVATE_CACHE_CONTROL
        and _vary(response) <= IGNORED_VARY
    )


def _cache_control(response):
    directives = cc_delim_re.split(response.get("Cache-Control", ""))
    return {directive.split("=")[0].strip().lower() for directive in directives if directive}


def _vary(response):
    return {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", "")) if value}


def stored(response):
    """What the cache keeps of a response: status, headers and body."""
    headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED_HEADERS]
    return {"status": response.status_code, "headers": headers, "content": response.content}
