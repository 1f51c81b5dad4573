"""Promising practices collected from projects (osallisuuden palaset)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.models.taxonomy import LocalizedName
from network.slugs import unique_slug

from .projects import Project


class ParticipationArea(LocalizedName):
    """One of the areas of participation a practice strengthens (1 own life; 2a
    co-development; 2b self-directed action; 3 common good; structures). A table rather
    than a choice list so the library can filter and count them like themes."""

    class Meta(LocalizedName.Meta):
        verbose_name = _("area of participation")
        verbose_name_plural = _("areas of participation")


class PracticeModel(index.Indexed, models.Model):
    """A promising practice collected from projects (osallisuuden palanen)."""

    name = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=90, unique=True, blank=True)
    summary = models.TextField(_("summary"), blank=True, max_length=600)
    description = models.TextField(_("description"), max_length=6000)
    evaluation = models.TextField(_("evaluation"), blank=True, max_length=6000)
    projects = models.ManyToManyField(
        Project, verbose_name=_("source projects"), blank=True, related_name="practice_models"
    )
    themes = models.ManyToManyField(
        "cms.Theme", verbose_name=_("themes"), blank=True, related_name="practice_models"
    )
    participation_areas = models.ManyToManyField(
        ParticipationArea,
        verbose_name=_("areas of participation"),
        blank=True,
        related_name="practice_models",
    )
    target_groups = models.ManyToManyField(
        "cms.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="practice_models",
    )
    external_url = models.URLField(
        _("external link"), blank=True, help_text=_("e.g. the model's page in Innokylä.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("evaluation"),
        FieldPanel("projects"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("participation_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("external_url"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("summary"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("practice model")
        verbose_name_plural = _("practice models")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)
