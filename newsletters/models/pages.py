"""The newsletter archive and its issues, composed in Wagtail."""

from django.db import models
from django.db.models import Min
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from cms.models import BasePage
from newsletters.blocks import IssueBlock
from newsletters.emails import preview_issue_html
from newsletters.panels import SendingPanel


class IssueQuerySet(PageQuerySet):
    def sent(self):
        """Issues whose sending has begun (their mails link to them), annotated with when.
        The date is not a page field: publishing a later revision would overwrite it."""
        return self.filter(sends__started_at__isnull=False).annotate(
            sent_at=Min("sends__started_at")
        )


class NewsletterIndexPage(BasePage):
    """Public archive of sent issues, with the subscribe form."""

    lead = models.TextField(_("lead"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("lead")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["newsletters.NewsletterIssuePage"]
    template = "newsletters/newsletter_index_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = (
            NewsletterIssuePage.objects.child_of(self).live().sent().order_by("-sent_at")
        )
        return context


class NewsletterIssuePage(BasePage):
    """One issue; shown on the web once its sending has begun."""

    lead = models.TextField(_("lead"), blank=True, max_length=600)
    body = StreamField(IssueBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        SendingPanel(heading=_("Newsletter sending")),
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
    ]

    parent_page_types = ["newsletters.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletters/newsletter_issue_page.html"
    preview_modes = [("", _("Web")), ("email", _("E-mail"))]

    objects = PageManager.from_queryset(IssueQuerySet)()

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def is_sent(self):
        """Whether its sending has begun: only then is the issue on the web."""
        return self.sends.filter(started_at__isnull=False).exists()

    def serve(self, request, *args, **kwargs):
        if not self.is_sent():
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        """An unsent issue answers 404, so the sitemap leaves it out."""
        return super().get_sitemap_urls(request) if self.is_sent() else []

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            response = HttpResponse(preview_issue_html(self))
            # A mail carries its styles inline (mail clients drop stylesheets); the site's
            # style-src 'self' would show it unstyled. This response only.
            response._csp_update = {"style-src": ["'unsafe-inline'"]}
            return response
        return super().serve(request)
