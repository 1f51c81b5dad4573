"""Factories for the content pages of cms. Seeded through tests.factories."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from cms.models import (
    ContactsPage,
    CustomImage,
    NewsIndexPage,
    NewsPage,
    Person,
    ResearchIndexPage,
    ResearchItem,
    ResearchMessagePage,
)
from tests.factories import StandardPageFactory  # noqa: F401  (seeds the shared random)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Kuva {n}")
    description = "Ihmisiä kahvilassa keskustelemassa"
    file = factory.django.ImageField(width=320, height=180, color="teal")

    class Meta:
        model = CustomImage


class PersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Henkilö {n}")
    title = "Erikoissuunnittelija"
    organisation = "THL"
    email = factory.Sequence(lambda n: f"henkilo{n}@example.org")
    phone = "+358 40 000 0000"

    class Meta:
        model = Person


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ajankohtaista"
    slug = "ajankohtaista"
    lead = "Uutisia osallisuustyöstä."
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Uutinen {n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    lead = "Lyhyt kuvaus siitä, mitä tapahtui."

    class Meta:
        model = NewsPage


class ResearchIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tutkimusviestit"
    slug = "tutkimusviestit"
    show_in_menus = True

    class Meta:
        model = ResearchIndexPage


class ResearchMessagePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tutkimusviesti {n}")
    issue_date = factory.Sequence(
        lambda n: datetime.date(2023, 1, 1) + datetime.timedelta(days=31 * n)
    )
    lead = "Kuukauden uusin osallisuustutkimus."

    class Meta:
        model = ResearchMessagePage


class ResearchItemFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Tutkimus {n}")
    authors = "Keto, A. & Niemi, L."
    publication = "Yhteiskuntapolitiikka"
    year = 2023
    summary = "Tutkimus tarkastelee osallisuuden kokemusta työttömillä."
    doi = "10.1000/xyz123"
    open_access = True

    class Meta:
        model = ResearchItem


class ContactsPageFactory(wagtail_factories.PageFactory):
    title = "Yhteystiedot"
    slug = "yhteystiedot"

    class Meta:
        model = ContactsPage


def publish(page):
    """Save the page's current state as a published revision, as editors do."""
    page.save_revision().publish()
    return page
