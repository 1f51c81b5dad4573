"""Mailing lists, the people on them and each person's consent per list."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from network.models import Member


class MailingListQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=MailingList.Visibility.PUBLIC)


class MailingList(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone can subscribe")
        INTERNAL = "internal", _("Internal: staff add people")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.PUBLIC
    )
    track_opens = models.BooleanField(
        _("track opens"),
        default=False,
        help_text=_("Off by default to respect readers' privacy."),
    )
    track_clicks = models.BooleanField(
        _("track clicks"),
        default=False,
        help_text=_("Off by default to respect readers' privacy."),
    )

    objects = MailingListQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("language"),
        FieldPanel("visibility"),
        FieldPanel("track_opens"),
        FieldPanel("track_clicks"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")

    def __str__(self):
        return self.name


class SubscriberQuerySet(models.QuerySet):
    def for_email(self, email):
        return self.filter(email__iexact=email.strip()).first()


class Subscriber(ClusterableModel):
    """One e-mail address, linked to the network's member record."""

    class Source(models.TextChoices):
        FORM = "form", _("Subscribe form")
        IMPORT = "import", _("Imported")
        STAFF = "staff", _("Added by staff")

    email = models.EmailField(_("e-mail"), max_length=254)
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    # Only until the address is confirmed: then the member record holds the region.
    region = models.ForeignKey(
        "cms.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    member = models.ForeignKey(
        "network.Member",
        verbose_name=_("member"),
        null=True,
        blank=True,
        related_name="subscribers",
        on_delete=models.SET_NULL,
    )
    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.STAFF)
    soft_bounces = models.PositiveIntegerField(_("soft bounces"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    panels = [
        FieldPanel("email"),
        FieldPanel("name"),
        FieldPanel("language"),
        FieldPanel("organisation"),
        InlinePanel("subscriptions", label=_("subscriptions")),
    ]

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletters_subscriber_email_unique_ci"),
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        if self.member_id is None and self.email:
            self.member = Member.objects.filter(email__iexact=self.email).first()
        super().save(*args, **kwargs)

    def link_member(self):
        """Link to the network's member record, creating it, and hand it the region
        given on the subscribe form. Done once the address is known to be real
        (confirmed or imported by staff), so a mistyped or malicious form entry creates
        no member."""
        if self.member_id is None:
            self.member = Member.for_email(self.email, name=self.name)
            self.save(update_fields=["member"])
        self.hand_region_to_member()

    def hand_region_to_member(self):
        """The member record owns a person's region: My page edits it and network
        audiences count it. The region chosen on the subscribe form waits here until
        the address is confirmed, then becomes the member's unless they chose one."""
        if self.region_id is None or self.member_id is None:
            return
        Member.objects.filter(pk=self.member_id, region__isnull=True).update(
            region_id=self.region_id
        )
        self.region = None
        self.save(update_fields=["region"])

    def suppress(self, status):
        """Stop every mail to this address (bounce, complaint or unsubscribe-all)."""
        self.subscriptions.exclude(status=status).update(status=status, changed_at=timezone.now())


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Subscription.Status.ACTIVE)


class Subscription(models.Model):
    """A subscriber on one list, with the record of what they agreed to."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        ACTIVE = "active", _("Active")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Complained")

    subscriber = ParentalKey(Subscriber, verbose_name=_("subscriber"), related_name="subscriptions")
    mailing_list = models.ForeignKey(
        MailingList,
        verbose_name=_("mailing list"),
        related_name="subscriptions",
        on_delete=models.CASCADE,
    )
    status = models.CharField(_("status"), max_length=15, choices=Status, default=Status.ACTIVE)
    consent_text = models.TextField(_("consent text"), blank=True)
    consent_source = models.CharField(_("consent given in"), max_length=200, blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    panels = [FieldPanel("mailing_list"), FieldPanel("status"), FieldPanel("consent_text")]

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "mailing_list"], name="newsletters_one_subscription_per_list"
            ),
        ]
        indexes = [models.Index(fields=["mailing_list", "status"])]

    def __str__(self):
        return f"{self.subscriber} – {self.mailing_list}"
