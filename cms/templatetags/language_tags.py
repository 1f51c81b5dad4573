"""Template tags for text in another language than the reader's (see `cms.languages`)
and the one date-range filter templates share with `cms.dates`."""

from django import template
from django.conf import settings

from wagtail.models import Locale

from cms import languages
from cms.dates import format_date_range

register = template.Library()


def locale_codes(context):
    """{locale id: language code}, read once per request (a listing asks per item)."""
    request = context.get("request")
    cached = getattr(request, "_locale_codes", None)
    if cached is None:
        cached = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._locale_codes = cached
    return cached


def text_language(context, page):
    """The language of `page`'s words: the reader's when the page is in their locale,
    else what the page says it was written in (see `BasePage.original_language`)."""
    locale_code = locale_codes(context).get(page.locale_id, settings.LANGUAGE_CODE)
    if locale_code == languages.active_language():
        return locale_code
    original_language = getattr(page, "original_language", None)
    return original_language(locale_code) if original_language else locale_code


@register.simple_tag
def in_language(text, language_code=None):
    """``{% in_language site_settings.organisation_name %}``: a Finnish name marked
    ``lang="fi"`` on the Swedish and English sites."""
    return languages.in_language(text, language_code)


@register.simple_tag(takes_context=True)
def foreign_language(context, page):
    """The language of `page`'s words when it is not the reader's, else "": for a
    ``lang`` attribute on an untranslated page's lead."""
    language_code = text_language(context, page)
    return "" if language_code == languages.active_language() else language_code


@register.simple_tag(takes_context=True)
def page_title(context, page):
    """A page's title for a link, with "(in Finnish)" when the site links to a page
    nobody has translated into the reader's language."""
    return languages.title_in_language(page.title, text_language(context, page))


@register.filter
def date_range(first, last):
    """``{{ week.start_date|date_range:week.end_date }}``: "5.2.–8.2.2024"."""
    return format_date_range(first, last)
