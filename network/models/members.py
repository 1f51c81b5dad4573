"""Members: people in the network, known by e-mail address."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultipleChooserPanel

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .organisations import Organisation
from .projects import Project


class Member(ClusterableModel):
    """A person in the network, known by e-mail address. Registrations and newsletter
    subscriptions link here so one person's data can be found, exported and erased.

    A cluster so that the admin edits the member's projects with Wagtail's searchable
    multiple chooser (the directory holds some 500 projects): its rows are
    `MemberProject`s, the through model of `projects`."""

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
        Project,
        verbose_name=_("projects"),
        blank=True,
        related_name="members",
        through="MemberProject",
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
        MultipleChooserPanel(
            "project_links", chooser_field_name="project", heading=_("Projects"), label=_("project")
        ),
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


class MemberProject(models.Model):
    """One of a member's projects: a row the admin's project chooser adds or removes."""

    member = ParentalKey(Member, related_name="project_links", on_delete=models.CASCADE)
    project = models.ForeignKey(
        Project, verbose_name=_("project"), related_name="member_links", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("member's project")
        verbose_name_plural = _("members' projects")
        constraints = [
            models.UniqueConstraint(fields=["member", "project"], name="network_member_project"),
        ]

    def __str__(self):
        return str(self.project)


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
