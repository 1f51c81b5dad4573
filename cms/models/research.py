"""Research messages (tutkimusviesti): a monthly issue that presents new inclusion research,
one research item per publication, and the index that lists the issues by year."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from modelcluster.fields import ParentalKey

from cms.feeds import ResearchFeed

from .base import BasePage
from .news import ListingQuerySet


class ResearchMessageQuerySet(ListingQuerySet):
    def for_listing(self):
        return self.order_by("-issue_date", "-first_published_at")


class ResearchIndexPage(RoutablePageMixin, BasePage):
    lead = models.TextField(_("lead"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*Page.search_fields, index.SearchField("lead")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ResearchMessagePage"]
    template = "cms/research_index_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("research message index")
        verbose_name_plural = _("research message indexes")

    def issues(self):
        return ResearchMessagePage.objects.child_of(self).in_locale(self.locale_id).for_listing()

    @path("")
    def listing(self, request):
        """Every issue, newest first; the template groups them by year."""
        return self.render(request, context_overrides={"issues": self.issues()})

    @path("rss/", name="rss")
    def rss(self, request):
        return ResearchFeed()(request, index=self)

    def feed_urls(self):
        return [
            ("application/rss+xml", f"{self.title} (RSS)", self.url + self.reverse_subpage("rss"))
        ]


class ResearchMessagePage(BasePage):
    issue_date = models.DateField(
        _("issue date"),
        default=timezone.localdate,
        help_text=_("The month the issue belongs to; issues are listed by it."),
    )
    lead = models.TextField(_("lead"), blank=True, max_length=600)
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    objects = PageManager.from_queryset(ResearchMessageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("issue_date"),
        FieldPanel("lead"),
        FieldPanel("intro"),
        InlinePanel(
            "research_items", heading=_("Research items"), label=_("research item"), min_num=1
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("intro"),
        index.RelatedFields(
            "research_items",
            [
                index.SearchField("title"),
                index.SearchField("authors"),
                index.SearchField("publication"),
                index.SearchField("summary"),
            ],
        ),
    ]

    parent_page_types = ["cms.ResearchIndexPage"]
    subpage_types = []
    template = "cms/research_message_page.html"

    class Meta:
        verbose_name = _("research message")
        verbose_name_plural = _("research messages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.research_items.select_related("topic")
        return context


class ResearchItem(Orderable):
    """One publication presented in a research message, with what a reader needs to find it."""

    page = ParentalKey(ResearchMessagePage, on_delete=models.CASCADE, related_name="research_items")
    title = models.CharField(_("title"), max_length=300)
    authors = models.CharField(
        _("authors"), max_length=300, help_text=_("E.g. “Keto, A. & Niemi, L.”")
    )
    publication = models.CharField(
        _("publication"), max_length=300, blank=True, help_text=_("Journal, series or publisher.")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("summary"), max_length=2000)
    url = models.URLField(_("link"), blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True, help_text=_("E.g. 10.1000/xyz123"))
    urn = models.CharField(
        _("URN"), max_length=200, blank=True, help_text=_("E.g. URN:ISBN:978-952-343-000-0")
    )
    open_access = models.BooleanField(_("open access"), default=False)
    topic = models.ForeignKey(
        "cms.Theme", verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("authors"),
        FieldRowPanel([FieldPanel("publication"), FieldPanel("year")]),
        FieldPanel("summary"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("urn")]),
        FieldRowPanel([FieldPanel("open_access"), FieldPanel("topic")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("research item")
        verbose_name_plural = _("research items")

    def __str__(self):
        return self.title

    @property
    def link(self):
        """Where the publication is read: its own address, else its DOI or URN resolver."""
        if self.url:
            return self.url
        if self.doi:
            return "https://doi.org/" + self.doi.strip().removeprefix("https://doi.org/")
        if self.urn:
            return "https://urn.fi/" + self.urn.strip()
        return ""
