from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.spreadsheet_admin import SpreadsheetSnippetViewSet
from network import admin_views
from network.assessments import admin_views as assessment_views
from network.assessments.coordinators import PERMISSION as SHARED_ASSESSMENTS
from network.models import Member, Organisation, PracticeModel, Project, QuestionSet


class OrganisationViewSet(SpreadsheetSnippetViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "kind", "municipality", "region"]
    list_filter = ["kind", "region"]
    list_export = ["name", "kind", "municipality", "region", "website"]
    search_fields = ["name", "municipality"]


class ProjectViewSet(SpreadsheetSnippetViewSet):
    model = Project
    icon = "clipboard-list"
    list_display = ["name", "short_name", "organisation", "start_date", "end_date"]
    list_filter = ["programme", "regions", "target_groups", "themes"]
    list_export = ["name", "short_name", "organisation", "programme", "start_date", "end_date"]
    search_fields = ["name", "short_name", "summary"]


class PracticeModelViewSet(SnippetViewSet):
    model = PracticeModel
    icon = "doc-full"
    list_display = ["name", "slug"]
    list_filter = ["themes", "participation_areas", "target_groups"]
    search_fields = ["name", "summary", "description"]


class MemberViewSet(SpreadsheetSnippetViewSet):
    """Members' personal data: only users with the member permissions see this."""

    model = Member
    icon = "user"
    list_display = ["email", "name", "organisation", "region", "created_at"]
    list_filter = ["region", "language"]
    list_export = ["email", "name", "organisation", "region", "created_at"]
    search_fields = ["email", "name"]


class QuestionSetViewSet(SnippetViewSet):
    """The helper questions; every save is a revision that new assessments answer."""

    model = QuestionSet
    icon = "help"
    list_display = ["name", "created_at"]


class NetworkGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "group"
    menu_order = 300
    items = (
        OrganisationViewSet,
        ProjectViewSet,
        PracticeModelViewSet,
        MemberViewSet,
        QuestionSetViewSet,
    )


register_snippet(NetworkGroup)

admin_urlpatterns = [
    path("import/", admin_views.import_directory, name="import"),
    path("members/<int:pk>/", admin_views.member_data, name="member_data"),
    path("members/<int:pk>/export/", admin_views.export, name="member_export"),
    path("members/<int:pk>/erase/", admin_views.erase, name="member_erase"),
    path("assessments/", assessment_views.index, name="assessments"),
    path("assessments/<int:pk>/", assessment_views.detail, name="assessment"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("network/", include((admin_urlpatterns, "network_admin")))]


@hooks.register("register_snippet_listing_buttons")
def member_data_buttons(snippet, user, next_url=None):
    """The member's history, "Export" and "Erase", for staff allowed each."""
    if not isinstance(snippet, Member):
        return []
    actions = [
        (admin_views.VIEW_PERMISSION, "member_data", _("Data and history"), "info-circle"),
        (admin_views.EXPORT_PERMISSION, "member_export", _("Export"), "download"),
        (admin_views.ERASE_PERMISSION, "member_erase", _("Erase"), "bin"),
    ]
    return [
        ListingButton(label, reverse(f"network_admin:{name}", args=[snippet.pk]), icon_name=icon)
        for permission, name, label, icon in actions
        if user.has_perm(permission)
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import projects"), reverse("network_admin:import"), icon_name="upload", order=301
    )


class SharedAssessmentsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SHARED_ASSESSMENTS)


@hooks.register("register_admin_menu_item")
def register_shared_assessments_menu_item():
    return SharedAssessmentsMenuItem(
        _("Shared assessments"),
        reverse("network_admin:assessments"),
        icon_name="list-ul",
        order=302,
    )
