"""Absolute addresses, built in one place from BASE_URL.

Everything that leaves the site (e-mail, feed, calendar invite, sitemap, canonical and
share links, the API) points at the public address the operator configured, never at
the host a request happened to arrive on or the Wagtail Site record's hostname.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path_or_url):
    """BASE_URL + path; an address that is already absolute is returned unchanged."""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    if not path_or_url.startswith("/"):
        path_or_url = "/" + path_or_url
    return settings.BASE_URL + path_or_url


def page_url(page):
    """A page's public address at BASE_URL, or "" for a page with no route."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return absolute_url(parts[2])


def base_host():
    """BASE_URL's host name, for message ids, newsletter List-Ids and calendar UIDs."""
    return urlsplit(settings.BASE_URL).hostname or "localhost"


def site_address():
    """The (hostname, port) a Wagtail Site needs to serve BASE_URL."""
    parts = urlsplit(settings.BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port
