"""Every public page type answers an uncached request in at most QUERY_BUDGET queries, with
the demo content loaded (its news, events, projects, series and translations), and the
listings make as many queries for 1, 12 or 100 items.

The page frame's facts (site, locales, view restrictions, taxonomies) are read once per
request or kept in the shared cache (cms.request_memo); routing reads an address's pages in
one query (cms.routing); the menu comes with the language versions. A warm-up request
fills the shared cache and the renditions, as a running site has them."""

import io

from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models import (
    ContactsPage,
    NewsPage,
    ResearchMessagePage,
    StandardPage,
)
from events.models import EventPage, EventSeriesPage, ParticipationWeekPage
from network.models import PracticeModel, Project
from newsletters.models import NewsletterIndexPage

QUERY_BUDGET = 12
# Pages held to less than the budget: what they needed before events had one record.
TIGHTER_BUDGETS = {"event index": 10, "event series": 12, "event page": 12}


def queries_for(client, url):
    """Queries of a repeated, uncached GET of `url` (the first fills caches)."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield demo_urls()
        transaction.set_rollback(True)


def first_url(model, **filters):
    page = model.objects.live().filter(locale__language_code="fi", **filters).first()
    return page.url


def demo_urls():
    project = Project.objects.order_by("slug").first()
    practice = PracticeModel.objects.order_by("slug").first()
    directory = "/hankkeet/"
    return {
        "home": "/",
        "home (sv)": "/sv/",
        "home (en)": "/en/",
        "news index": "/ajankohtaista/",
        "news page": first_url(NewsPage),
        "event index": "/tapahtumat/",
        "event index, filtered": "/tapahtumat/?type=kahvila&region=helsinki&theme=aktivointi",
        "event index, month": "/tapahtumat/?view=month",
        "event series": first_url(EventSeriesPage),
        "event page": first_url(EventPage, event__registration_enabled=True),
        "participation week": first_url(ParticipationWeekPage),
        "research index": "/tutkimusviestit/",
        "research message": first_url(ResearchMessagePage),
        "standard page": first_url(StandardPage),
        "contacts": first_url(ContactsPage),
        "newsletter index": first_url(NewsletterIndexPage),
        "subscribe": "/uutiskirjeet/tilaa/",
        "search": "/haku/?q=osallisuus",
        "project directory": directory,
        "project directory, two facets": directory + "?status=running&theme=aktivointi",
        "project": f"{directory}{project.slug}/",
        "region": f"{directory}alue/helsinki/",
        "practice models": "/osallisuuden-palaset/",
        "practice model": f"/osallisuuden-palaset/{practice.slug}/",
    }


PAGES = [
    "home",
    "home (sv)",
    "home (en)",
    "news index",
    "news page",
    "event index",
    "event index, filtered",
    "event index, month",
    "event series",
    "event page",
    "participation week",
    "research index",
    "research message",
    "standard page",
    "contacts",
    "newsletter index",
    "subscribe",
    "search",
    "project directory",
    "project directory, two facets",
    "project",
    "region",
    "practice models",
    "practice model",
]


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_type_stays_within_the_query_budget_with_demo_content(demo, page):
    assert queries_for(Client(), demo[page]) <= TIGHTER_BUDGETS.get(page, QUERY_BUDGET)
