from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms import page_creation
from cms.models import Person, Region, TargetGroup, Theme
from cms.outbox.admin import OutgoingEmailViewSet
from cms.spreadsheet_admin import SpreadsheetSnippetViewSet
from cms.two_factor.audit_admin import SignInFailureViewSet
from cms.two_factor.urls import urlpatterns as two_factor_urlpatterns


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name_fi", "name_sv", "name_en", "slug"]
    search_fields = ["name_fi", "name_sv", "name_en"]
    ordering = ["sort_order", "name_fi"]


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "tag"


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "group"


class PersonViewSet(SpreadsheetSnippetViewSet):
    """The people editors pick as news authors and list on the contacts page."""

    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 800
    add_to_admin_menu = True
    list_display = ["name", "title", "organisation", "role", "region", "email"]
    list_filter = ["role", "region", "show_on_contacts_page"]
    list_export = ["name", "title", "organisation", "role", "region", "email", "phone"]
    search_fields = ["name", "organisation"]
    ordering = ["role_order", "name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 900
    items = (RegionViewSet, ThemeViewSet, TargetGroupViewSet)


register_snippet(TaxonomyGroup)
register_snippet(PersonViewSet)


@hooks.register("before_serve_page")
def offer_page_to_page_cache(page, request, serve_args, serve_kwargs):
    """Only Wagtail pages are kept in the page cache (cms/page_cache); views of our own
    (search, registration links, my page) are never shared."""
    request.page_cache_page = True


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return OutgoingEmailViewSet()


@hooks.register("register_admin_viewset")
def register_sign_in_failure_viewset():
    return SignInFailureViewSet()


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("", include(two_factor_urlpatterns))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_recovery_codes"),
        "label": _("Two-step verification"),
        "help_text": _("Recovery codes, and moving verification to a new phone."),
    }


@hooks.register("before_create_page")
def continue_the_page_this_form_created(request, parent_page, page_class):
    """A publish posted to the add URL after autosave created the page edits that page
    (cms/page_creation.py)."""
    page = page_creation.created_page(request, parent_page, page_class)
    if page is not None:
        return page_creation.hand_over(request, page)
    return None


@hooks.register("after_create_page")
def remember_the_page_this_form_created(request, page):
    page_creation.remember(request, page)
