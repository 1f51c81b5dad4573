"""Template filters for newsletter e-mail, where every link must be absolute."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from wagtail.rich_text import expand_db_html

from newsletters.emails import absolute_url

register = template.Library()


@register.filter
def absolute(url):
    return absolute_url(url)


@register.filter
def richtext_as_text(value):
    """Rich text as plain text for the text/plain alternative."""
    html = expand_db_html(value.source if hasattr(value, "source") else str(value))
    html = html.replace("</p>", "\n\n").replace("<br/>", "\n").replace("</li>", "\n")
    return normalize_newlines(strip_tags(html)).strip()
