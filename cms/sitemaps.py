"""sitemap.xml over every language: Wagtail's own sitemap lists only the tree below the
site's root page, and our Swedish and English trees are the root page's siblings. Views
that are not pages (the tools page, the reflection sheet, subscribing to newsletters)
are listed in each language by `ViewSitemap`; the apps register theirs, as `cms` imports
none of them."""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.links import absolute_url

_views: list[str] = ["tools"]


def register_view(url_name):
    """List the view `url_name` (it takes no arguments) in the sitemap in every language."""
    if url_name not in _views:
        _views.append(url_name)


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


class ViewSitemap(Sitemap):
    """The registered views, at their address in each language."""

    def items(self):
        return [code for code, _name in settings.LANGUAGES]

    def _urls(self, page, protocol, domain):
        urls = []
        for language in self.paginator.page(page).object_list:
            with translation.override(language):
                urls += [{"location": absolute_url(reverse(name))} for name in _views]
        return urls
