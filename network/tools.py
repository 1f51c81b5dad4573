"""The network's public tools on the site's *Tools* page and in the footer (`cms.tools`),
and its views that are not pages in the sitemap."""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from cms.sitemaps import register_view
from cms.tools import register_tool

# The footer shows the library's address on every page: kept in the shared cache for a
# few minutes rather than looked up for every page (a moved library is found again soon).
LIBRARY_URL_TIMEOUT = 300


def practice_models_url():
    """The practice-model library in the active language, else in any language."""
    locale = Locale.get_active()
    return cache.get_or_set(
        f"network:tools:library-url:{locale.language_code}",
        lambda: _library_url(locale),
        LIBRARY_URL_TIMEOUT,
    )


def _library_url(locale):
    from network.models import PracticeModelIndexPage

    libraries = PracticeModelIndexPage.objects.live().order_by("pk")
    library = libraries.filter(locale=locale).first() or libraries.first()
    return library.url if library else ""


def register():
    register_tool(
        "helper-questions",
        title=_("The 24 helper questions"),
        description=_(
            "A reflection sheet for assessing how your work promotes participation; "
            "nothing you write is stored."
        ),
        url="network:reflection_sheet",
        order=10,
    )
    register_tool(
        "practice-models",
        title=_("Practice models"),
        description=_("Promising practices collected from the projects, with their evaluations."),
        url=practice_models_url,
        order=30,
    )
    register_view("network:reflection_sheet")
