"""What search engines and social media read from a page's head: description, canonical
address, hreflang alternates, Open Graph and Twitter cards, and JSON-LD."""

import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page

from cms.links import absolute_url

from .site_tags import page_translations

register = template.Library()

OG_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def alternates(request, page):
    """(language code, absolute URL) of every language version of this address."""
    if isinstance(page, Page):
        translations = page_translations(request, page)
        return [
            (code, translations[code].get_full_url(request))
            for code, _name in settings.LANGUAGES
            if code in translations
        ]
    path = request.get_full_path()
    return [(code, absolute_url(translate_url(path, code))) for code, _name in settings.LANGUAGES]


def share_image_url(request, page):
    image = getattr(page, "share_image", None)
    if image is not None:
        return image.get_rendition("fill-1200x630|format-jpeg").full_url
    return absolute_url(static("cms/img/social-default.png"))


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context, title=""):
    """The head tags of the current page, or of a view that passes its own title."""
    request = context["request"]
    page = context.get("page")
    is_page = isinstance(page, Page)
    languages = alternates(request, page)
    canonical = page.get_full_url(request) if is_page else absolute_url(request.path)
    return {
        "title": (page.seo_title or page.title) if is_page else title,
        "description": getattr(page, "meta_description", "") if is_page else "",
        "canonical": canonical,
        "alternates": languages,
        "default_url": dict(languages).get(settings.LANGUAGE_CODE),
        "image_url": share_image_url(request, page),
        "og_type": "article" if getattr(page, "date", None) else "website",
        "locale": OG_LOCALES.get(get_language(), "fi_FI"),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "json_ld": page.json_ld(request) if is_page and hasattr(page, "json_ld") else None,
    }


@register.simple_tag
def json_ld_script(data):
    """A JSON-LD block; data, not script, so the Content-Security-Policy does not apply."""
    if not data:
        return ""
    dumped = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(dumped))  # noqa: S308
