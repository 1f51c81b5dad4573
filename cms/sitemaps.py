"""sitemap.xml over every language: Wagtail's own sitemap lists only the tree below the
site's root page, and our Swedish and English trees are the root page's siblings."""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for path in homes.values_list("path", flat=True):
            in_any_tree |= Q(path__startswith=path)
        return (
            Page.objects.live()
            .public()
            .filter(in_any_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
