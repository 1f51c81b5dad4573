"""The base every page type of the site inherits: shared fields and what search engines
and social media read from a page."""

from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.links import page_url


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

    def get_full_url(self, request=None):
        """The page's public address at BASE_URL: sitemaps, canonical and share links,
        feeds and e-mails all ask this, so none can point at another host."""
        return page_url(self)

    full_url = property(get_full_url)

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
            "inLanguage": self.locale.language_code,
        }
