"""The base every page type of the site inherits: shared fields and what search engines
and social media read from a page."""

from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from cms.links import page_url
from cms.request_memo import in_request, locale_for_id, restrictions
from cms.routing import handling_page
from cms.search.stemming import related_texts, search_keys, stemmed


class BasePage(Page):
    """Fields and behaviour every page type shares (search description, social image)."""

    social_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; the site's default image otherwise."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True

    @classmethod
    def get_search_fields(cls):
        """The page type's search fields, indexed with the stems of their words in the page's
        language (`cms.search.stemming`), so that an inflected form finds the page."""
        fields = super().get_search_fields()
        return [*stemmed(fields), index.SearchField("related_search_stems")]

    def related_search_stems(self):
        """The stems of the words of related objects (tags, research items, the event's
        place), which do not know the page's language themselves."""
        text = " ".join(related_texts(self, super().get_search_fields()))
        return " ".join(search_keys(text, self.language_code))

    def get_full_url(self, request=None):
        """The page's public address at BASE_URL: sitemaps, canonical and share links,
        feeds and e-mails all ask this, so none can point at another host."""
        return page_url(self)

    full_url = property(get_full_url)

    def route(self, request, path_components):
        """Wagtail's routing, with every page of the address read in one query."""
        if not path_components:
            return super().route(request, path_components)
        page, rest = handling_page(self, path_components, BasePage.route)
        if page is self:
            return super().route(request, path_components)
        return page.specific.route(request, rest)

    @property
    def breadcrumb_pages(self):
        """The page's ancestors below the tree root, home first: the parents routing has
        already read (cms.routing keeps each page's parent), else one query."""
        chain, page = [], self
        while (parent := page.__dict__.get("_cached_parent_obj")) is not None:
            chain.append(parent)
            page = parent
        if chain and chain[-1].depth == 2:
            return chain[::-1]
        return list(self.get_ancestors()[1:])

    def get_view_restrictions(self):
        """None when the site has no restricted section, which the request already knows;
        Wagtail's own lookup (which follows aliases) only when some section is restricted."""
        if in_request() and not restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def language_code(self):
        """The page's language, without a query for its locale."""
        return locale_for_id(self.locale_id).language_code

    @property
    def meta_description(self):
        """The search description, or the start of the page's lead when editors left it empty."""
        text = self.search_description or getattr(self, "lead", "") or ""
        return Truncator(" ".join(text.split())).chars(200)

    def original_language(self, locale_code):
        """The language this page's words are in when it is shown untranslated to a
        reader of another language: its locale's (`cms.templatetags.language_tags`)."""
        return locale_code

    @property
    def share_image(self):
        """The image shown when the page is shared: the social image, else the hero image."""
        return self.social_image or getattr(self, "hero_image", None)

    def json_ld(self, request):
        """Structured data for search engines; page types with richer types override it."""
        return {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": self.seo_title or self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.language_code,
        }
