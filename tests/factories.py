"""Factories shared by every app's tests. Seeded, so data is the same on every run."""

from wagtail.models import Locale, Page, Site

import factory
import wagtail_factories
from factory import random as factory_random

from cms.demo import ensure_translation
from cms.models import HomePage, StandardPage

factory_random.reseed_random("sokra")


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Osallisuutta kaikille"
    lead = "Koordinaatiohanke virittää, verkostoi, tutkii ja viestii."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sivu {n}")
    lead = "Lyhyt johdanto."
    show_in_menus = True

    class Meta:
        model = StandardPage


def make_site():
    """A default site whose root is a published Finnish home page, as the demo sets up."""
    Locale.objects.get_or_create(language_code="fi")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePageFactory(parent=root, slug="etusivu")
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    for language in ("sv", "en"):
        Locale.objects.get_or_create(language_code=language)
    return home


def translate(page, language_code, **fields):
    """Publish a translation of `page` with the given field values."""
    return ensure_translation(page, language_code, **fields)
