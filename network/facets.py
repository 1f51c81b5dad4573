"""Faceted filtering shared by the project directory, the practice-model library, their
CSV download and the open-data API: one place parses the query string, filters, and counts.

Values within a family are alternatives (OR); families narrow each other (AND). A family's
counts are taken with every *other* family applied, so a reader sees what choosing one more
value of that family would give. Every family is counted in one query together, whatever
the number of rows or values: each value is a filtered COUNT over the rows, and the
taxonomies' own rows come from the shared cache (`cms.request_memo.cached_rows`).
"""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, Q, Subquery
from django.utils.translation import gettext_lazy as _

from cms.models import Region, TargetGroup, Theme
from cms.request_memo import cached_rows
from network.models.practice_models import ParticipationArea, PracticeModel
from network.models.projects import Project

MAX_QUERY_LENGTH = 100
MAX_VALUES = 30


class SubqueryCount(Subquery):
    """The number of rows a correlated subquery returns, usable as an annotation."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    group: str = ""


@dataclass
class TaxonomyFacet:
    """A family whose values are rows of a taxonomy table joined through `path`.
    `within` builds the condition when a value also matches other rows (regions:
    `Region.q_within`, a regional whole matches its counties); by default a value
    matches its own row only."""

    key: str
    label: str
    model: type
    path: str
    within: object = None
    group_order: tuple = ()

    def group_of(self, row):
        """The heading a value is listed under (regions by kind), in `group_order`."""
        return row.get_kind_display() if self.group_order else ""

    def _q(self, value, lookup=""):
        if self.within is not None:
            return self.within(self.path, value, lookup)
        return Q(**{f"{self.path}{lookup}": value})

    def match(self, values):
        return self._q(values, "__slug__in")

    def rows(self):
        rows = cached_rows(self.model)
        if self.group_order:
            rows = sorted(rows, key=lambda row: self.group_order.index(row.kind))
        return rows

    def conditions(self):
        """(value, condition) of every value, for `Directory.facet_options` to count."""
        for row in self.rows():
            yield row.slug, self._q(row.pk)

    def options(self, counts, selected):
        return [
            Option(row.slug, row.name, counts[row.slug], row.slug in selected, self.group_of(row))
            for row in self.rows()
        ]

    def valid(self, values):
        return values


@dataclass
class ChoiceFacet:
    """A family of fixed values, each a filter on the row itself (status, programme)."""

    key: str
    label: str
    choices: object
    condition: object = None

    def q_for(self, value):
        if self.condition is not None:
            return self.condition(value)
        return Q(**{self.key: value})

    def match(self, values):
        combined = Q()
        for value in values:
            combined |= self.q_for(value)
        return combined

    def conditions(self):
        for value in self.choices.values:
            yield value, self.q_for(value)

    def options(self, counts, selected):
        return [
            Option(value, label, counts[value], value in selected)
            for value, label in self.choices.choices
        ]

    def valid(self, values):
        return [value for value in values if value in self.choices.values]


@dataclass
class Selection:
    """What a reader asked for: values per family and a free-text query."""

    values: dict = field(default_factory=dict)
    query: str = ""

    @property
    def is_empty(self):
        return not self.query and not any(self.values.values())


class Directory:
    """A filterable, countable listing over `queryset` with the given facets."""

    def __init__(self, queryset, facets, search_fields):
        self.queryset = queryset
        self.facets = facets
        self.search_fields = search_fields

    def parse(self, params):
        """The selection in a query string; unknown values are dropped, never an error."""
        values = {}
        for facet in self.facets:
            raw = [value[:MAX_QUERY_LENGTH] for value in params.getlist(facet.key)[:MAX_VALUES]]
            values[facet.key] = list(
                dict.fromkeys(facet.valid([v for v in raw if v and v.isprintable()]))
            )
        query = " ".join("".join(c for c in params.get("q", "") if c.isprintable()).split())
        return Selection(values, query[:MAX_QUERY_LENGTH])

    def filter(self, selection, skip=None):
        rows = self.queryset
        for facet in self.facets:
            chosen = selection.values.get(facet.key)
            if chosen and facet.key != skip:
                rows = rows.filter(pk__in=self.queryset.filter(facet.match(chosen)).values("pk"))
        if selection.query:
            rows = rows.filter(self.search(selection.query))
        return rows

    def search(self, query):
        condition = Q()
        for word in query.split():
            any_field = Q()
            for name in self.search_fields:
                any_field |= Q(**{f"{name}__icontains": word})
            condition &= any_field
        return condition

    def facet_options(self, selection):
        """[(facet, options)] for every family, all counted in one query."""
        aliases, expressions = [], {}
        for number, facet in enumerate(self.facets):
            base = self.filter(selection, skip=facet.key).order_by()
            names = {}
            for index, (value, condition) in enumerate(facet.conditions()):
                alias = names[value] = f"f{number}_{index}"
                matching = base.filter(condition).values("pk")
                expressions[alias] = Count("pk", filter=Q(pk__in=matching))
            aliases.append(names)
        found = self.queryset.model._default_manager.aggregate(**expressions) if expressions else {}
        return [
            (
                facet,
                facet.options(
                    {value: found[alias] for value, alias in names.items()},
                    selection.values[facet.key],
                ),
            )
            for facet, names in zip(self.facets, aliases, strict=True)
        ]


REGION_GROUPS = (
    Region.Kind.NATIONAL,
    Region.Kind.REGIONAL_WHOLE,
    Region.Kind.WELLBEING_COUNTY,
    Region.Kind.AREA,
)


def project_directory(queryset=None):
    return Directory(
        Project.objects.all() if queryset is None else queryset,
        [
            TaxonomyFacet("region", _("Region"), Region, "regions", Region.q_within, REGION_GROUPS),
            ChoiceFacet("status", _("Status"), Project.Status, Project.status_q),
            TaxonomyFacet("target_group", _("Target group"), TargetGroup, "target_groups"),
            TaxonomyFacet("theme", _("Theme"), Theme, "themes"),
            ChoiceFacet("programme", _("Funding programme"), Project.Programme),
        ],
        ["name", "short_name", "summary", "goals", "organisation__name"],
    )


def practice_model_directory(queryset=None):
    return Directory(
        PracticeModel.objects.all() if queryset is None else queryset,
        [
            TaxonomyFacet("theme", _("Theme"), Theme, "themes"),
            TaxonomyFacet(
                "area", _("Area of participation"), ParticipationArea, "participation_areas"
            ),
            TaxonomyFacet("target_group", _("Target group"), TargetGroup, "target_groups"),
        ],
        ["name", "summary", "description"],
    )
