from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.models import Member, Organisation, PracticeModel, Project


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "kind", "municipality", "region"]
    list_filter = ["kind", "region"]
    list_export = ["name", "kind", "municipality", "region", "website"]
    search_fields = ["name", "municipality"]


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "clipboard-list"
    list_display = ["name", "organisation", "region", "start_date", "end_date"]
    list_filter = ["region", "target_groups"]
    list_export = ["name", "organisation", "region", "start_date", "end_date", "website"]
    search_fields = ["name", "description"]


class PracticeModelViewSet(SnippetViewSet):
    model = PracticeModel
    icon = "doc-full"
    list_display = ["name", "project"]
    list_filter = ["themes"]
    search_fields = ["name", "description"]


class MemberViewSet(SnippetViewSet):
    """Members' personal data: only users with the member permissions see this."""

    model = Member
    icon = "user"
    list_display = ["email", "name", "organisation", "region", "created_at"]
    list_filter = ["region"]
    list_export = ["email", "name", "organisation", "region", "created_at"]
    search_fields = ["email", "name"]


class NetworkGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet, ProjectViewSet, PracticeModelViewSet, MemberViewSet)


register_snippet(NetworkGroup)
