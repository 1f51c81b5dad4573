"""Addresses of projects, regions and practice models: below the directory page of the
wanted language (the Finnish one where it is not translated), looked up once per language
per request or API response."""

from django.apps import apps
from django.conf import settings
from django.utils.translation import get_language

from cms.request_memo import locale_for_id


def index_pages(page_class):
    """{language code: live index page} of `page_class`, in one query."""
    pages = page_class.objects.live().public().select_related("locale")
    found = {}
    for page in pages.order_by("path"):
        found.setdefault(page.locale.language_code, page)
    return found


class DirectoryLinks:
    """Builds relative addresses for many rows with a fixed number of queries."""

    def __init__(self, language=None):
        self.language = language or get_language() or settings.LANGUAGE_CODE
        self._pages = {}

    def index(self, model_name):
        """The index page of that model for this language; by name, as the page models
        themselves use these links."""
        if model_name not in self._pages:
            page_class = apps.get_model("network", model_name)
            pages = index_pages(page_class)
            self._pages[model_name] = pages.get(self.language) or pages.get(settings.LANGUAGE_CODE)
        return self._pages[model_name]

    def knows(self, page):
        """Take `page`, being served, as its type's index when it is in this language,
        rather than looking the index up."""
        if locale_for_id(page.locale_id).language_code == self.language:
            self._pages.setdefault(type(page).__name__, page)

    def subpage(self, model_name, route, *args):
        page = self.index(model_name)
        if page is None:
            return ""
        return page.url + page.reverse_subpage(route, args=args)

    def project(self, project):
        return self.subpage("ProjectDirectoryPage", "project", project.slug)

    def region(self, region):
        return self.subpage("ProjectDirectoryPage", "region", region.slug)

    def practice_model(self, model):
        return self.subpage("PracticeModelIndexPage", "practice_model", model.slug)

    def directory(self):
        page = self.index("ProjectDirectoryPage")
        return page.url if page else ""


def links_for(request):
    """The request's DirectoryLinks, made once per request and language."""
    cache = request.__dict__.setdefault("_directory_links", {})
    language = get_language()
    if language not in cache:
        cache[language] = DirectoryLinks(language)
    return cache[language]
