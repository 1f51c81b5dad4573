from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.api import api_urls
from cms.health import healthz
from cms.sitemaps import MultilingualSitemap, ViewSitemap

urlpatterns = [
    path(settings.WAGTAIL_ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("api/", include((api_urls(), "api"))),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": MultilingualSitemap, "views": ViewSitemap}},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Finnish pages live at the root; Swedish and English under /sv/ and /en/.
urlpatterns += i18n_patterns(
    # Translators: the address of the search page, e.g. "haku/" in Finnish.
    path(_("search/"), views.search, name="search"),
    # Translators: the address of the tools page, e.g. "tyokalut/" in Finnish.
    path(_("tools/"), views.tools_page, name="tools"),
    path("", include("events.urls")),
    path("", include("network.urls")),
    path("", include("newsletters.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
