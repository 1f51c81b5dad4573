"""Shared taxonomies every app filters by: regions, themes and target groups.

They live in `cms` because events, the network and newsletters all use them and
may import `cms`, never each other's models the other way round. Names are kept in
the three site languages on the row itself so one region is one row in every
language, and filters and counts need no join through translations.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class LocalizedName(index.Indexed, models.Model):
    """A name in Finnish, Swedish and English, shown in the active language."""

    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name_fi"),
        FieldPanel("name_sv"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name_fi"),
        index.SearchField("name_sv"),
        index.SearchField("name_en"),
        index.AutocompleteField("name_fi"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_fi"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return getattr(self, f"name_{get_language()}", "") or self.name_fi


class Region(LocalizedName):
    """A wellbeing services county, another area (e.g. an ELY centre's), one of the
    regional wholes the coordinators cover, or the whole country.

    A county or area names the regional whole it belongs to as its `parent`, so a
    filter on "Itä- ja Pohjois-Suomi" also finds the projects of its counties.
    """

    class Kind(models.TextChoices):
        WELLBEING_COUNTY = "county", _("Wellbeing services county")
        AREA = "area", _("Other area")
        REGIONAL_WHOLE = "whole", _("Regional whole")
        NATIONAL = "national", _("Whole country")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.WELLBEING_COUNTY)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("regional whole"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        limit_choices_to={"kind": "whole"},
        help_text=_("The regional whole whose coordinators also cover this region."),
    )

    panels = [*LocalizedName.panels, FieldPanel("kind"), FieldPanel("parent")]

    class Meta(LocalizedName.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    @staticmethod
    def q_within(path, value, lookup=""):
        """Rows whose region (reached through `path`) is `value` or lies within it: a
        regional whole also matches the counties and areas that name it as `parent`.

        The one definition of "in this region" for every filter and count (the
        directory, its map and region pages, the event filters), so a reader who picks
        "Itä- ja Pohjois-Suomi" finds the same counties' projects and events. `lookup`
        is appended to both paths (``"__slug__in"`` with a list of slugs); `value` may
        be a region, a primary key or an ``OuterRef``."""
        return models.Q(**{f"{path}{lookup}": value}) | models.Q(
            **{f"{path}__parent{lookup}": value}
        )


class Theme(LocalizedName):
    """A theme of inclusion work, e.g. expertise by experience or creative methods."""

    class Meta(LocalizedName.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(LocalizedName):
    """A group that inclusion work is aimed at, e.g. young people or the unemployed."""

    class Meta(LocalizedName.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
