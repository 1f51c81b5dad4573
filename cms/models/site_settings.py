"""Site-wide details editors change without a developer: contacts, social links and
the EU funding emblem and text that the funder requires on every page."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    # Every page's footer links to these pages and shows the emblem: fetched with the settings.
    select_related = ["funding_emblem", "accessibility_page", "privacy_page"]

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=200,
        default="Sosiaalisen osallisuuden edistämisen koordinaatiohanke",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True, max_length=400)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    funding_text = models.TextField(
        _("funding text"),
        blank=True,
        max_length=600,
        default="Hanketta rahoittaa Euroopan unionin sosiaalirahasto (ESR).",
        help_text=_("Shown next to the EU emblem in the footer."),
    )
    funding_text_sv = models.TextField(
        _("funding text in Swedish"),
        blank=True,
        max_length=600,
        default="Projektet finansieras av Europeiska socialfonden (ESF).",
    )
    funding_text_en = models.TextField(
        _("funding text in English"),
        blank=True,
        max_length=600,
        default="The project is funded by the European Social Fund (ESF).",
    )
    funding_emblem = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("funding emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The EU emblem with its funding statement; the site's built-in one if empty."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("funding_text"),
                FieldPanel("funding_text_sv"),
                FieldPanel("funding_text_en"),
                FieldPanel("funding_emblem"),
            ],
            heading=_("EU funding"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Required pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    @property
    def localized_funding_text(self):
        """The funding text in the language of the current request, Finnish as fallback."""
        translated = getattr(self, f"funding_text_{get_language()}", "")
        return translated or self.funding_text

    @property
    def social_links(self):
        """The configured social media profiles as (label, url) pairs, in footer order."""
        candidates = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in candidates if url]
