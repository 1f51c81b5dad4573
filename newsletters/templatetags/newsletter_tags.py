"""Template filters for newsletter e-mail, where every link must be absolute."""

from functools import lru_cache

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.rich_text import RichText, features
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from cms.links import absolute_url, page_url

register = template.Library()


@register.filter
def absolute(url):
    return absolute_url(url)


@register.filter
def page_address(page):
    """A page's public address at BASE_URL (never the Site record's host)."""
    return page_url(page)


def page_links(attrs_list):
    """Rich-text page links as absolute addresses at BASE_URL."""
    return [
        f'<a href="{escape(page_url(page))}">' if page else "<a>"
        for page in PageLinkHandler.get_many(attrs_list)
    ]


@lru_cache(maxsize=1)
def email_rewriter():
    """Wagtail's rich-text expansion with page links made absolute; other link types
    (documents, external, e-mail) as Wagtail renders them."""
    links = {
        kind: handler.expand_db_attributes_many
        for kind, handler in features.get_link_types().items()
    }
    embeds = {
        kind: handler.expand_db_attributes_many
        for kind, handler in features.get_embed_types().items()
    }
    return MultiRuleRewriter(
        [
            LinkRewriter(bulk_rules={**links, "page": page_links}),
            EmbedRewriter(bulk_rules=embeds),
        ]
    )


@register.filter
def email_richtext(value):
    """Rich text for an e-mail: like Wagtail's |richtext, with absolute page links."""
    source = value.source if isinstance(value, RichText) else str(value or "")
    return mark_safe(email_rewriter()(source))  # noqa: S308 (editor rich text, as |richtext)
