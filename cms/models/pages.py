"""Standard content pages and the contacts page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock

from .base import BasePage
from .snippets import Person


class StandardPage(BasePage):
    lead = models.TextField(_("lead"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage", "cms.ContactsPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section_pages"] = self.section_pages()
        return context

    def section_pages(self):
        """The pages of this page's section: its siblings below a section page, or else
        its own children; the top level is already in the main menu."""
        parent = self.get_parent()
        if isinstance(parent.specific_deferred, StandardPage):
            return parent.get_children().live().public().specific(defer=True)
        return self.get_children().live().public().specific(defer=True)


class ContactsPage(BasePage):
    """The people of the coordination, grouped by role; regional coordinators by region."""

    lead = models.TextField(_("lead"), blank=True, max_length=600)
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Shown below the list of people, e.g. the postal address."),
    )

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = []
    template = "cms/contacts_page.html"

    class Meta:
        verbose_name = _("contacts page")
        verbose_name_plural = _("contacts pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["people_by_role"] = self.people_by_role()
        return context

    @staticmethod
    def people_by_role():
        """(role label, people) pairs in role order, people in region and name order."""
        groups = {}
        for person in Person.objects.listed():
            groups.setdefault(person.role, []).append(person)
        return [(Person.Role(role).label, people) for role, people in groups.items()]
