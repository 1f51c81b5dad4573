"""The home page: lead and hero, highlights, the latest news and research message and
the newsletter call to action. Other apps add their own sections through template tags."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock, HighlightsBlock
from cms.links import absolute_url
from cms.request_memo import live_children
from cms.templatetags.site_tags import page_translations

from .base import BasePage
from .news import NewsIndexPage
from .research import ResearchMessagePage


class HomePage(BasePage):
    lead = models.TextField(_("lead"), blank=True, max_length=600)
    hero_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    highlights = StreamField(
        HighlightsBlock(),
        verbose_name=_("highlights"),
        blank=True,
        help_text=_("Up to three pages to lift up on the home page, shown as cards."),
        max_num=3,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    newsletter_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("newsletter page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the subscribe button leads; the section is hidden without a page."),
    )
    newsletter_heading = models.CharField(
        _("newsletter heading"), max_length=120, blank=True, default="Osallisuutta päätöksiin"
    )
    newsletter_text = models.TextField(_("newsletter text"), max_length=400, blank=True)
    newsletter_button_text = models.CharField(
        _("newsletter button text"), max_length=60, blank=True, default="Tilaa uutiskirje"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("hero_image"),
        FieldPanel("highlights"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                PageChooserPanel("newsletter_page"),
                FieldPanel("newsletter_heading"),
                FieldPanel("newsletter_text"),
                FieldPanel("newsletter_button_text"),
            ],
            heading=_("Newsletter call to action"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    # Other apps add their index pages (events, newsletters) under the home page and limit
    # where those may go with their own parent_page_types, so no subpage_types here.
    template = "cms/home_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_translations(request, self)  # reads the menu's pages too, which the sections use
        news_index = next(
            (child for child in live_children(self) if isinstance(child, NewsIndexPage)), None
        )
        if news_index is not None:
            context["news_index"] = news_index
            context["latest_news"] = news_index.news()[:3]
            context["feeds"] = news_index.feed_urls()
        context["newsletter_page"] = self.live_newsletter_page()
        context["latest_research"] = (
            ResearchMessagePage.objects.in_locale(self.locale_id).for_listing().first()
        )
        return context

    def live_newsletter_page(self):
        """The page the newsletter call to action links to, when it is live; usually one of
        the home page's own children, which the main menu has already read."""
        if self.newsletter_page_id is None:
            return None
        for child in live_children(self):
            if child.pk == self.newsletter_page_id:
                return child
        page = self.newsletter_page
        return page if page.live else None

    def json_ld(self, request):
        """WebSite with a search action, so search engines may offer the site's own search."""
        site_url = self.get_full_url(request)
        search_url = absolute_url(reverse("search"))
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": self.title,
            "url": site_url,
            "inLanguage": self.language_code,
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": search_url + "?q={query}"},
                "query-input": "required name=query",
            },
        }
