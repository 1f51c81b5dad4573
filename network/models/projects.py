"""ESF development projects (hankkeet) and their project cards."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .organisations import Organisation


class ProjectQuerySet(models.QuerySet):
    def running(self, on=None):
        day = on or timezone.localdate()
        return self.filter(start_date__lte=day).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=day)
        )


class Project(index.Indexed, models.Model):
    """An ESF development project (hanke) and its project card."""

    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="projects",
        on_delete=models.PROTECT,
    )
    region = models.ForeignKey(
        "cms.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    target_groups = models.ManyToManyField(
        "cms.TargetGroup", verbose_name=_("target groups"), blank=True
    )
    description = models.TextField(_("description"), blank=True, max_length=4000)
    website = models.URLField(_("website"), blank=True)

    objects = ProjectQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("region"),
        FieldPanel("start_date"),
        FieldPanel("end_date"),
        FieldPanel("target_groups"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.name

    @property
    def is_running(self):
        today = timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)
