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
    """An ELY-centre area or a wider regional whole, or the whole country."""

    class Meta(LocalizedName.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


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
