"""The public pages of the directory: the project directory (with the map, region pages
and one page per project) and the practice-model library.

Projects and practice models are snippets edited in one place, not pages: about 470
project cards are imported and re-imported from the funders' spreadsheets, filtered and
counted across the whole set, and shared by every language. One routable index page per
language serves them, so the directory still lives in the menu, the breadcrumbs, the
sitemap and the search-engine tags like any other page.
"""

from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from cms.models import BasePage, Person, Region
from cms.request_memo import use_cached_relations
from network.exporting import projects_csv_response
from network.facets import practice_model_directory, project_directory
from network.links import links_for
from network.map import region_map
from network.project_sections import project_sections

from .practice_models import PracticeModel
from .projects import Project

PROJECTS_PER_PAGE = 20
PRACTICE_MODELS_PER_PAGE = 12


def coordinators_for(regions):
    """Regional coordinators of `regions` and of the regional wholes they belong to."""
    region_ids = {region.pk for region in regions} | {
        region.parent_id for region in regions if region.parent_id
    }
    return (
        Person.objects.listed()
        .filter(role=Person.Role.REGIONAL_COORDINATOR, region__in=region_ids)
        .order_by("region__sort_order", "name")
    )


class DirectoryPage(RoutablePageMixin, BasePage):
    """What both directory pages share: a lead, and detail routes that keep the page's
    menu, breadcrumbs and language versions."""

    lead = models.TextField(_("lead"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*Page.search_fields, index.SearchField("lead")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def render_subpage(self, request, route, args, template, title, description="", **context):
        """A detail route: its own template, title and description, and its sub-path kept
        in the canonical link and the language switcher."""
        request.page_subpath = self.reverse_subpage(route, args=args)
        links_for(request).knows(self)
        context.update(
            subpage_title=title,
            subpage_description=Truncator(" ".join(description.split())).chars(200),
        )
        return self.render(request, context_overrides=context, template=template)

    def listing_context(self, request, directory, rows, per_page):
        selection = directory.parse(request.GET)
        found = directory.filter(selection, skip=None)
        items = Paginator(rows(found), per_page).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "selection": selection,
            "facets": directory.facet_options(selection),
            "items": items,
            "filter_query": query.urlencode(),
        }

    def sitemap_entries(self, request, route, slugs):
        base = self.get_full_url(request)
        return [{"location": base + self.reverse_subpage(route, args=[slug])} for slug in slugs]


class ProjectDirectoryPage(DirectoryPage):
    template = "network/project_directory_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project directory")
        verbose_name_plural = _("project directories")

    @path("")
    def listing(self, request):
        context = self.listing_context(
            request, project_directory(), lambda found: found.for_listing(), PROJECTS_PER_PAGE
        )
        return self.render(request, context_overrides=context)

    @path("csv/", name="csv")
    def csv(self, request):
        """The directory as CSV, narrowed by the same filters as the page."""
        directory = project_directory()
        found = directory.filter(directory.parse(request.GET))
        response = projects_csv_response(found, "hankkeet.csv")
        response["Access-Control-Allow-Origin"] = "*"
        return response

    @path("kartta/", name="map")
    def map(self, request):
        return self.render_subpage(
            request,
            "map",
            [],
            "network/project_map.html",
            _("Projects on the map"),
            map=region_map(),
        )

    @path("alue/<slug:slug>/", name="region")
    def region(self, request, slug):
        region = get_object_or_404(Region.objects.select_related("parent"), slug=slug)
        projects = Project.objects.filter(
            pk__in=Project.objects.filter(Region.q_within("regions", region)).values("pk")
        )
        return self.render_subpage(
            request,
            "region",
            [slug],
            "network/region.html",
            region.name,
            region=region,
            coordinators=coordinators_for([region]),
            running=projects.running().for_listing(),
            counts=projects.aggregate(
                **{
                    status: models.Count("pk", filter=Project.status_q(status))
                    for status in Project.Status
                }
            ),
        )

    @path("<slug:slug>/", name="project")
    def project(self, request, slug):
        project = get_object_or_404(
            Project.objects.select_related("organisation").prefetch_related(
                "partners", "practice_models"
            ),
            slug=slug,
        )
        project.use_cached_taxonomies()
        return self.render_subpage(
            request,
            "project",
            [slug],
            "network/project.html",
            project.display_name,
            project.summary,
            project=project,
            coordinators=coordinators_for(project.regions.all()),
            sections=project_sections(request, project),
        )

    def get_sitemap_urls(self, request=None):
        """The listing, the map, every region's page and every project."""
        base = self.get_full_url(request)
        regions = Region.objects.values_list("slug", flat=True)
        projects = Project.objects.values_list("slug", flat=True)
        return [
            *super().get_sitemap_urls(request),
            {"location": base + self.reverse_subpage("map")},
            *self.sitemap_entries(request, "region", regions),
            *self.sitemap_entries(request, "project", projects),
        ]


class PracticeModelIndexPage(DirectoryPage):
    template = "network/practice_model_index_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice-model library")
        verbose_name_plural = _("practice-model libraries")

    @path("")
    def listing(self, request):
        context = self.listing_context(
            request,
            practice_model_directory(),
            lambda found: found.prefetch_related("themes", "participation_areas"),
            PRACTICE_MODELS_PER_PAGE,
        )
        return self.render(request, context_overrides=context)

    @path("<slug:slug>/", name="practice_model")
    def practice_model(self, request, slug):
        model = get_object_or_404(PracticeModel.objects.prefetch_related("projects"), slug=slug)
        use_cached_relations(model, ("themes", "participation_areas", "target_groups"))
        return self.render_subpage(
            request,
            "practice_model",
            [slug],
            "network/practice_model.html",
            model.name,
            model.summary or model.description,
            model=model,
            directory=ProjectDirectoryPage.objects.live().filter(locale_id=self.locale_id).first(),
        )

    def get_sitemap_urls(self, request=None):
        slugs = PracticeModel.objects.values_list("slug", flat=True)
        return [
            *super().get_sitemap_urls(request),
            *self.sitemap_entries(request, "practice_model", slugs),
        ]
