"""The public tools the site gathers on its *Tools* page and in the footer.

The tools belong to other apps (the helper questions and the practice models to
`network`, the participation indicator and the calendar feeds to `events`), and `cms`
imports none of them, so each app registers its tools in its AppConfig.ready: a title, a
line that says what it is for, and a function that gives its address in the active
language (or None when the site has no such page yet). The sitemap lists the same
addresses (`cms.sitemaps.ToolSitemap`), so a tool is never one that nobody can find.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Tool:
    key: str
    title: str
    description: str
    url: Callable  # () -> address in the active language, or None
    order: int = 50
    # Further (label, url function) links shown under the tool, e.g. the API's schema.
    more: tuple = ()


_tools: dict[str, Tool] = {}


def register_tool(key, *, title, description, url, order=50, more=()):
    """`url` is a URL name (reversed in the active language) or a function."""
    _tools[key] = Tool(key, title, description, _address(url), order, tuple(more))


def _address(url):
    if callable(url):
        return url
    return lambda: reverse(url)


def tools():
    """The registered tools that have an address, in order, each with its `href`."""
    found = []
    for tool in sorted(_tools.values(), key=lambda t: (t.order, t.key)):
        href = tool.url()
        if href:
            more = [(label, _address(url)()) for label, url in tool.more]
            found.append({"tool": tool, "href": href, "more": more})
    return found
