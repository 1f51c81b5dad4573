"""Absolute addresses from settings.BASE_URL, for every link that leaves the site.

Stand-in with the API the lead's cms/links.py has (see BRIEF); main's version replaces it.
"""

from django.conf import settings


def absolute_url(path_or_url):
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return settings.BASE_URL.rstrip("/") + "/" + path_or_url.lstrip("/")


def page_url(page):
    return absolute_url(page.get_url(request=None, current_site=None) or "")
