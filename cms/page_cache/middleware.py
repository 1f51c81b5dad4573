"""The two halves of the page cache, placed like Django's own cache middleware:
`UpdatePageCacheMiddleware` near the top, so it sees the response as the visitor gets it
(with the session's and CSRF's cookies and Vary headers), and `FetchPageCacheMiddleware`
near the bottom, so a hit still passes back through the security, CSP, locale and
clickjacking middleware and gets fresh headers from them."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from cms.page_cache import generation
from cms.page_cache.policy import cache_key, is_anonymous, is_shareable, stored


class FetchPageCacheMiddleware:
    """Answers an anonymous GET from the cache when the page is there."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE and is_anonymous(request):
            request.page_cache_key = cache_key(request, generation())
            entry = cache.get(request.page_cache_key)
            if entry is not None:
                request.page_cache_hit = True
                return _response(entry)
        return self.get_response(request)


class UpdatePageCacheMiddleware:
    """Keeps a page response every anonymous visitor may share, and tells caches in front
    (Varnish, a CDN) which responses they may share with `Cache-Control`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "page_cache_hit", False):
            response["X-Page-Cache"] = "hit"
        elif not getattr(request, "page_cache_page", False):
            pass  # not a Wagtail page: the view decides its own caching
        elif is_shareable(request, response):
            seconds = settings.PAGE_CACHE_SECONDS
            patch_cache_control(response, public=True, s_maxage=seconds)
            key = getattr(request, "page_cache_key", None)
            if key is not None:
                cache.set(key, stored(response), seconds)
                response["X-Page-Cache"] = "miss"
        else:
            patch_cache_control(response, private=True)
        return response


def _response(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response
