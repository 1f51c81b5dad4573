"""Members: people in the network, known by e-mail address."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .organisations import Organisation


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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("email"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("region"),
    ]

    class Meta:
        ordering = ["email"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="network_member_email_unique_ci"),
        ]

    def __str__(self):
        return self.name or self.email

    @classmethod
    def for_email(cls, email, **defaults):
        """The member with this address (case-insensitively), created when new."""
        member = cls.objects.filter(email__iexact=email).first()
        if member is None:
            member = cls.objects.create(email=email, **defaults)
        return member
