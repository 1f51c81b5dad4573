"""News: the index that lists, filters and syndicates articles, and the article itself."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase

from cms.blocks import BodyBlock
from cms.feeds import NewsAtomFeed, NewsRssFeed

from .base import BasePage

NEWS_PER_PAGE = 10


class ListingQuerySet(PageQuerySet):
    """Domain words shared by the listed page types (news articles, research messages)."""

    def in_locale(self, locale):
        return self.live().public().filter(locale=locale)


class NewsPageQuerySet(ListingQuerySet):
    def for_listing(self):
        """Newest first, with what a news card shows fetched up front: hero image
        renditions and tags, so a listing's queries do not grow with its length."""
        return (
            self.order_by("-date", "-first_published_at")
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )

    def tagged(self, tag):
        return self.filter(tagged_items__tag=tag)


class NewsIndexPage(RoutablePageMixin, BasePage):
    lead = models.TextField(_("lead"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*Page.search_fields, index.SearchField("lead")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    template = "cms/news_index_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        return NewsPage.objects.child_of(self).in_locale(self.locale_id).for_listing()

    @path("")
    def listing(self, request):
        """The articles, newest first, ten to a page, optionally only those with a tag."""
        articles = self.news()
        tag = None
        slug = request.GET.get("tag", "")
        if slug:
            # A slug is letters, digits and hyphens; anything else names no tag (and a NUL
            # byte would make PostgreSQL refuse the query).
            if not slug.isprintable() or len(slug) > 100:
                raise Http404
            tag = get_object_or_404(Tag, slug=slug)
            articles = articles.tagged(tag)
        paginator = Paginator(articles, NEWS_PER_PAGE)
        context = {"articles": paginator.get_page(request.GET.get("page")), "tag": tag}
        return self.render(request, context_overrides=context)

    @path("rss/", name="rss")
    def rss(self, request):
        return NewsRssFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom(self, request):
        return NewsAtomFeed()(request, index=self)

    def feed_urls(self):
        """(type, title, url) of the feeds, for `<link rel="alternate">` in the page head."""
        return [
            ("application/rss+xml", f"{self.title} (RSS)", self.url + self.reverse_subpage("rss")),
            (
                "application/atom+xml",
                f"{self.title} (Atom)",
                self.url + self.reverse_subpage("atom"),
            ),
        ]


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class NewsRelatedPage(Orderable):
    news_page = ParentalKey("cms.NewsPage", on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")


class NewsPage(BasePage):
    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("Shown on the article; the news are listed by it, newest first."),
    )
    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("One or two sentences that tell what happened.")
    )
    hero_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Give the image alt text in the image library, or mark it decorative."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    authors = ParentalManyToManyField("cms.Person", verbose_name=_("authors"), blank=True)

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("tags"), FieldPanel("authors")],
            heading=_("Tags and authors"),
        ),
        InlinePanel(
            "related_pages", heading=_("Related pages"), label=_("related page"), max_num=4
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    template = "cms/news_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        image = self.hero_image
        if image is not None and not image.is_decorative and not image.description.strip():
            raise ValidationError(
                {
                    "hero_image": _(
                        "This image has no alt text. Add one in the image library, "
                        "or mark the image decorative there."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = [
            related.page.specific_deferred
            for related in self.related_pages.select_related("page")
            if related.page.live
        ]
        return context

    def json_ld(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.meta_description,
            "datePublished": self.date.isoformat(),
            "inLanguage": self.language_code,
            "mainEntityOfPage": self.get_full_url(request),
            "author": [{"@type": "Person", "name": p.name} for p in self.authors.all()],
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.hero_image:
            data["image"] = [self.hero_image.get_rendition("fill-1200x675|format-jpeg").full_url]
        return data
