"""Find the page at an address in one query, however deep it sits.

Wagtail routes level by level: each step reads the child with the next slug and then its
specific row, two queries per level, so an event inside a series costs six before the page
renders. Every page stores its address below the site root in `url_path`, so the pages of
all the address's prefixes come back in one query; only the page that handles the rest of
the address is read as its specific type. A page type that routes on its own (a routable
page whose own subpath matches) stops the walk there, as it would have in Wagtail's.
"""

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def _passes_through(page, rest, plain_route):
    """Whether `page`'s own route would hand `rest` on to a child, as `plain_route` does."""
    page_class = page.specific_class
    if page_class is None:
        return False
    if issubclass(page_class, RoutablePageMixin) and page.live:
        try:
            page_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
        except Http404:
            return True
        return False
    return page_class.route is plain_route


def handling_page(root, path_components, plain_route):
    """(page, the components it still has to route) for an address below `root`: the
    deepest page of the address reached through pages that route like `plain_route`."""
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in path_components[:n])
        for n in range(1, len(path_components) + 1)
    ]
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
    }
    parent, consumed = root, 0
    for url_path in prefixes:
        page = found.get(url_path)
        if page is None or page.depth != parent.depth + 1:
            break
        page._cached_parent_obj = parent
        parent, consumed = page, consumed + 1
        if not _passes_through(page, path_components[consumed:], plain_route):
            break
    return parent, path_components[consumed:]
