from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import Region, TargetGroup, Theme


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


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 900
    items = (RegionViewSet, ThemeViewSet, TargetGroupViewSet)


register_snippet(TaxonomyGroup)
