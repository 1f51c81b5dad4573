"""ESF development projects (hankkeet) and their project cards."""

import datetime

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cms.request_memo import use_cached_relations
from network.slugs import unique_slug

from .organisations import Organisation


class ProjectQuerySet(models.QuerySet):
    def running(self, on=None):
        return self.filter(Project.status_q(Project.Status.RUNNING, on))

    def for_listing(self):
        """What a project card shows, fetched in a fixed number of queries."""
        return self.select_related("organisation").prefetch_related("regions", "target_groups")


class Project(index.Indexed, models.Model):
    """An ESF development project (hanke) and its project card."""

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Starting")
        RUNNING = "running", _("Running")
        ENDED = "ended", _("Ended")

    class Programme(models.TextChoices):
        ESF_2014_2020 = "esr-2014-2020", _("ESF priority axis 5, 2014–2020")
        ESR_PLUS_2021_2027 = "esr-plus-2021-2027", _("ESF+ 2021–2027")
        OTHER = "other", _("Other funding")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("An acronym such as OSSI.")
    )
    slug = models.SlugField(_("slug"), max_length=90, unique=True, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("implementer"),
        related_name="projects",
        on_delete=models.PROTECT,
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), blank=True, related_name="partner_projects"
    )
    regions = models.ManyToManyField(
        "cms.Region", verbose_name=_("regions"), blank=True, related_name="projects"
    )
    programme = models.CharField(
        _("funding programme"), max_length=30, choices=Programme, default=Programme.ESF_2014_2020
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    target_groups = models.ManyToManyField(
        "cms.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="projects"
    )
    themes = models.ManyToManyField(
        "cms.Theme", verbose_name=_("themes"), blank=True, related_name="projects"
    )
    summary = models.TextField(_("summary"), blank=True, max_length=4000)
    goals = models.TextField(_("goals"), blank=True, max_length=4000)
    methods = models.TextField(_("methods"), blank=True, max_length=4000)
    results = models.TextField(_("results"), blank=True, max_length=4000)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("A work address shown on the project page; never in the open data."),
    )
    # What anyone may read about a project, by the names the open data gives them (the
    # organisation is the "implementer"); the API and the CSV download both list these,
    # so a field is published in both or in neither. The contact person is left out.
    PUBLIC_FIELDS = (
        "name",
        "short_name",
        "implementer",
        "partners",
        "regions",
        "programme",
        "start_date",
        "end_date",
        "status",
        "target_groups",
        "themes",
        "summary",
        "goals",
        "methods",
        "results",
        "website",
    )

    objects = ProjectQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        FieldPanel("slug"),
        FieldPanel("organisation"),
        FieldPanel("partners"),
        FieldPanel("regions"),
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("goals"),
        FieldPanel("methods"),
        FieldPanel("results"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading=_("Contact person"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("summary"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.short_name or self.name)
        super().save(*args, **kwargs)

    @staticmethod
    def status_q(status, on=None):
        """The filter for projects with `status` on the day `on` (today by default), so
        the status always follows from the dates and is never stored."""
        day = on or timezone.localdate()
        if status == Project.Status.UPCOMING:
            return models.Q(start_date__gt=day)
        if status == Project.Status.ENDED:
            return models.Q(end_date__lt=day)
        return models.Q(start_date__lte=day) & (
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=day)
        )

    def status_on(self, day: datetime.date):
        if self.start_date > day:
            return self.Status.UPCOMING
        if self.end_date is not None and self.end_date < day:
            return self.Status.ENDED
        return self.Status.RUNNING

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def status_label(self):
        return self.Status(self.status).label

    @property
    def is_running(self):
        return self.status == self.Status.RUNNING

    def use_cached_taxonomies(self):
        """Regions (with their wholes), target groups and themes from the cached rows."""
        use_cached_relations(self, ("regions", "target_groups", "themes"))

    @property
    def display_name(self):
        """ "OSSI – Osallisuutta…" when the short name is not already the name."""
        if self.short_name and self.short_name.lower() not in self.name.lower():
            return f"{self.short_name} – {self.name}"
        return self.name
