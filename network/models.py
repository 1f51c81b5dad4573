"""The network: organisations, their ESF projects, the practice models collected from
them, and the people who take part (members)."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
        NGO = "ngo", _("Association or foundation")
        EDUCATION = "education", _("University or school")
        STATE = "state", _("State agency")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind, default=Kind.OTHER)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    region = models.ForeignKey(
        "cms.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("municipality"),
        FieldPanel("region"),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


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


class Member(models.Model):
    """A person in the network, known by e-mail address. Registrations and newsletter
    subscriptions link here so one person's data can be found, exported and erased."""

    email = models.EmailField(_("e-mail"), max_length=254)
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        related_name="members",
        on_delete=models.SET_NULL,
    )
    region = models.ForeignKey(
        "cms.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL
    )
    projects = models.ManyToManyField(
        Project, verbose_name=_("projects"), blank=True, related_name="members"
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Part of every sign-in link's signature: signing in changes it, so a link works once.
    last_sign_in_at = models.DateTimeField(_("last signed in"), null=True, blank=True)

    panels = [
        FieldPanel("email"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("region"),
        FieldPanel("projects"),
        FieldPanel("language"),
    ]

    class Meta:
        ordering = ["email"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        permissions = [
            ("export_member", _("Can export a member's personal data")),
            ("erase_member", _("Can erase a member's personal data")),
        ]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="network_member_email_unique_ci"),
        ]

    def __str__(self):
        return self.name or self.email

    @classmethod
    def for_email(cls, email, **defaults):
        """The member with this address (case-insensitively), created when new. Two
        requests creating the same member at once end up with the one row."""
        email = email.strip()
        member = cls.objects.filter(email__iexact=email).first()
        if member is not None:
            return member
        try:
            with transaction.atomic():
                return cls.objects.create(email=email, **defaults)
        except IntegrityError:
            return cls.objects.get(email__iexact=email)


class MemberDataLog(models.Model):
    """Who exported or erased whose data, and when. It holds the member's number only,
    never the address or the name, so the log itself is not personal data to erase."""

    class Action(models.TextChoices):
        EXPORT = "export", _("Export")
        ERASE = "erase", _("Erase")

    action = models.CharField(_("action"), max_length=10, choices=Action)
    member_number = models.PositiveIntegerField(_("member number"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the member did it on their own page."),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("personal data log entry")
        verbose_name_plural = _("personal data log")

    def __str__(self):
        return f"{self.get_action_display()} #{self.member_number}"
