"""The HTTP cache or CDN in front of the site (FRONTEND_CACHE_URL), purged through
wagtail.contrib.frontend_cache. Wagtail itself purges a page's own URLs when it is
published or unpublished; this purges the whole site whenever the page cache starts a new
generation, because the change may show on any page (a listing, the home page, seats).
With the Varnish configuration in docs/deploy.md a purge of "/" bans every URL of the host.
Wagtail sends purges from a background task."""

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import purge_url_from_cache

from cms.links import absolute_url


def purge_site():
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_url_from_cache(absolute_url("/"))
