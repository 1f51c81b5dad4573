"""The page frame's navigation: locale-aware home link, main menu and language switcher."""

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

from cms import tools
from cms.request_memo import (
    live_children,
    locale_for_id,
    remember_translations,
    seed_live_children,
)

register = template.Library()


def page_translations(request, page):
    """{language code: live translation} of `page`, itself included; looked up once per
    request, as the language switcher and the hreflang links both need it. The home
    page's translations (the switcher's fallback) and their children (the main menu)
    come in the same query."""
    cache = request.__dict__.setdefault("_page_translations", {})
    if page.translation_key not in cache:
        site = Site.find_for_request(request)
        home = site.root_page if site is not None else None
        keys = {page.translation_key} | ({home.translation_key} if home else set())
        for key in keys:
            cache.setdefault(key, {})
        rows = list(_translations_and_menus(keys, home))
        remember_translations(rows)
        for row in rows:
            if row.translation_key in keys:
                cache[row.translation_key][locale_for_id(row.locale_id).language_code] = row
        for translated_home in cache.get(home.translation_key, {}).values() if home else ():
            children = [
                row
                for row in rows
                if row.depth == translated_home.depth + 1
                and row.path.startswith(translated_home.path)
            ]
            seed_live_children(translated_home, children)
    return cache[page.translation_key]


def _translations_and_menus(keys, home):
    """Live pages with these translation keys, and the live children of every sibling of
    `home` (its translations), in tree order, as their specific types, fields deferred."""
    wanted = Q(translation_key__in=keys)
    if home is not None and home.depth > 1:
        wanted |= Q(depth=home.depth + 1, path__startswith=home.path[: -Page.steplen])
    return Page.objects.filter(wanted).live().order_by("path").specific(defer=True)


def subpage_path(request):
    """The path a routable page served below its own address (e.g. "ossi/" for one
    project), set by the page's route, so translations and canonical links keep it."""
    return getattr(request, "page_subpath", "")


def home_in(request, language_code):
    """The site's home page translated into `language_code`, or the default one."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = site.root_page
    return page_translations(request, home).get(language_code, home)


def active_home(request):
    """The home page in the active language, looked up once per request."""
    language = translation.get_language()
    cache = request.__dict__.setdefault("_home_pages", {})
    if language not in cache:
        cache[language] = home_in(request, language)
    return cache[language]


@register.simple_tag(takes_context=True)
def locale_home_url(context):
    request = context["request"]
    home = active_home(request)
    return home.get_url(request) if home else "/"


@register.simple_tag(takes_context=True)
def localized_page_url(context, page):
    """The URL of `page` in the active language when it has been translated."""
    if page is None:
        return ""
    locale = Locale.get_active()
    if page.locale_id != locale.pk:
        page = page.get_translation_or_none(locale) or page
    return page.get_url(context["request"])


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children that editors put in menus, in the active language."""
    request = context["request"]
    home = active_home(request)
    current = context.get("page")
    items = []
    if home is not None:
        for child in (child for child in live_children(home) if child.show_in_menus):
            is_current = isinstance(current, Page) and current.path.startswith(child.path)
            items.append(
                {"title": child.title, "url": child.get_url(request), "current": is_current}
            )
    return {"items": items}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to this page's translation when it exists, otherwise to that
    language's home page (on Wagtail pages) or to the same view in that language."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page):
        for code, translated in page_translations(request, page).items():
            translations[code] = translated.get_url(request) + subpage_path(request)
    languages = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None and isinstance(page, Page):
            home = home_in(request, code)
            url = home.get_url(request) if home else None
        if url is None:
            url = translate_url(request.get_full_path(), code)
        current = code == translation.get_language()
        languages.append({"code": code, "name": name, "url": url, "current": current})
    return {"languages": languages}


@register.simple_tag
def member_page_url():
    """The header's sign-in link, the same for every visitor (see MEMBER_PAGE_URL_NAME)."""
    return reverse(settings.MEMBER_PAGE_URL_NAME)


@register.simple_tag
def site_tools():
    """The registered tools for the footer (see `cms.tools`)."""
    return tools.tools()
