"""People editors pick as news authors and list on the contacts page."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class PersonQuerySet(models.QuerySet):
    def listed(self):
        """People shown on the contacts page, grouped by role and then region."""
        return (
            self.filter(show_on_contacts_page=True)
            .select_related("region", "photo")
            .prefetch_related("photo__renditions")
            .order_by("role_order", "region__sort_order", "name")
        )


class Person(index.Indexed, models.Model):
    class Role(models.TextChoices):
        NATIONAL_COORDINATION = "national", _("National coordination")
        REGIONAL_COORDINATOR = "regional", _("Regional coordinators")
        COMMUNICATIONS = "communications", _("Communications")
        RESEARCH = "research", _("Research")

    ROLE_ORDER = {role: position for position, role in enumerate(Role)}

    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("job title"), max_length=150, blank=True)
    title_sv = models.CharField(_("job title in Swedish"), max_length=150, blank=True)
    title_en = models.CharField(_("job title in English"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    region = models.ForeignKey(
        "cms.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("For regional coordinators: the area they serve."),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role, default=Role.NATIONAL_COORDINATION
    )
    role_order = models.PositiveSmallIntegerField(editable=False, default=0)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    photo = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_on_contacts_page = models.BooleanField(_("show on the contacts page"), default=True)

    objects = PersonQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("title_sv"), FieldPanel("title_en")],
            heading=_("Job title"),
        ),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("photo"),
        FieldPanel("show_on_contacts_page"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.FilterField("role"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Roles are listed in the order they are declared, not alphabetically.
        self.role_order = self.ROLE_ORDER.get(self.role, len(self.ROLE_ORDER))
        super().save(*args, **kwargs)

    @property
    def localized_title(self):
        """The job title in the active language, Finnish as fallback."""
        return getattr(self, f"title_{get_language()}", "") or self.title

    @property
    def phone_link(self):
        """The phone number as a tel: link target, without spaces."""
        return "tel:" + "".join(self.phone.split())
