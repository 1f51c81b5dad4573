"""Promising practices collected from projects (osallisuuden palaset)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .projects import Project


class PracticeModel(index.Indexed, models.Model):
    """A promising practice collected from a project (osallisuuden palanen)."""

    name = models.CharField(_("name"), max_length=200)
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        related_name="practice_models",
        on_delete=models.SET_NULL,
    )
    themes = models.ManyToManyField("cms.Theme", verbose_name=_("themes"), blank=True)
    description = models.TextField(_("description"), max_length=6000)
    evaluation = models.TextField(_("evaluation"), blank=True, max_length=6000)

    panels = [
        FieldPanel("name"),
        FieldPanel("project"),
        FieldPanel("themes"),
        FieldPanel("description"),
        FieldPanel("evaluation"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("practice model")
        verbose_name_plural = _("practice models")

    def __str__(self):
        return self.name
