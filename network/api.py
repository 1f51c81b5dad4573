"""Open data of the directory: projects and practice models as read-only JSON, filtered
by the same facets as the public pages, each item with its page's absolute address.
Only public fields: no contact person, nothing about members."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers

from cms.api import OpenDataViewSet, QueryFilter, router
from cms.links import absolute_url
from network.facets import ChoiceFacet, practice_model_directory, project_directory
from network.links import DirectoryLinks
from network.models import Organisation, PracticeModel, Project


def slugs():
    """Related rows as their slugs, which stay the same in every language."""
    return serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "website"]


class PageUrlField(serializers.SerializerMethodField):
    """The absolute address of the item's public page (from settings.BASE_URL)."""

    def __init__(self, **kwargs):
        super().__init__(method_name="page_url", **kwargs)


class LinkedSerializer(serializers.ModelSerializer):
    def links(self):
        context = self.context
        if "links" not in context:
            context["links"] = DirectoryLinks()
        return context["links"]


class ProjectSerializer(LinkedSerializer):
    implementer = OrganisationSerializer(source="organisation", read_only=True)
    partners = OrganisationSerializer(many=True, read_only=True)
    regions = slugs()
    target_groups = slugs()
    themes = slugs()
    status = serializers.ChoiceField(choices=Project.Status.choices, read_only=True)
    practice_models = slugs()
    url = PageUrlField()

    class Meta:
        model = Project
        fields = ["slug", *Project.PUBLIC_FIELDS, "practice_models", "url"]

    def page_url(self, project) -> str:
        return absolute_url(self.links().project(project))


class PracticeModelSerializer(LinkedSerializer):
    title = serializers.CharField(source="name", read_only=True)
    themes = slugs()
    participation_areas = slugs()
    target_groups = slugs()
    projects = slugs()
    url = PageUrlField()

    class Meta:
        model = PracticeModel
        fields = [
            "slug",
            "title",
            "summary",
            "description",
            "evaluation",
            "themes",
            "participation_areas",
            "target_groups",
            "projects",
            "external_url",
            "url",
        ]

    def page_url(self, model) -> str:
        return absolute_url(self.links().practice_model(model))


def facet_filters(directory):
    """The directory's facets as the listing's query filters (repeat one to OR values):
    a fixed family (status, programme) takes its codes, a taxonomy its rows' slugs."""
    filters = []
    for facet in directory.facets:
        fixed = isinstance(facet, ChoiceFacet)
        description = f"{'Code' if fixed else 'Slug'} of a {facet.key}; repeat to match any"
        choices = tuple(facet.choices.values) if fixed else ()
        filters.append(QueryFilter(facet.key, description, choices=choices))
    return tuple(filters)


SEARCH = OpenApiParameter("q", OpenApiTypes.STR, description="Words to search for")


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class FacetedViewSet(OpenDataViewSet):
    lookup_field = "slug"

    def get_queryset(self):
        directory = self.directory()
        rows = directory.queryset
        if self.action == "list":
            self.filter_values()  # a value the schema does not allow answers 400
            rows = directory.filter(directory.parse(self.request.query_params))
        return self.prefetch(rows.order_by("name", "pk"))


class ProjectViewSet(FacetedViewSet):
    """Projects of the network with their project cards."""

    serializer_class = ProjectSerializer
    directory = staticmethod(project_directory)
    query_filters = facet_filters(project_directory())

    @staticmethod
    def prefetch(rows):
        return rows.select_related("organisation").prefetch_related(
            "partners", "regions", "target_groups", "themes", "practice_models"
        )


class PracticeModelViewSet(FacetedViewSet):
    """Practice models (osallisuuden palaset) collected from the projects."""

    serializer_class = PracticeModelSerializer
    directory = staticmethod(practice_model_directory)
    query_filters = facet_filters(practice_model_directory())

    @staticmethod
    def prefetch(rows):
        return rows.prefetch_related("themes", "participation_areas", "target_groups", "projects")


router.register("projects", ProjectViewSet, basename="project")
router.register("practice-models", PracticeModelViewSet, basename="practice-model")
