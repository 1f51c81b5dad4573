"""Pages that list events make the same number of queries for 1, 12 or 100 events, within
the query budget: the seats, calendar state and event type of every card come from a fixed
set of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.factories import translate
from events.models import EventPage
from tests.events.conftest import NOW
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    RegistrationFactory,
)
from tests.test_query_budget import QUERY_BUDGET

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


def add_events(parent, count, first=0):
    for n in range(first, first + count):
        start = NOW + datetime.timedelta(days=1 + n % 40, hours=n % 5)
        event = EventPageFactory(
            parent=parent,
            start=start,
            end=start + datetime.timedelta(hours=2),
            registration_enabled=True,
            capacity=5 + n % 3,
        )
        RegistrationFactory(event=event)


def queries_for(client, url):
    client.get(url)  # warm caches (site root paths, settings)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def counts_with_1_12_and_100(client, parent, url):
    counts = []
    total = 0
    for wanted in (1, 12, 100):
        add_events(parent, wanted - total, first=total)
        total = wanted
        counts.append(queries_for(client, url))
    assert max(counts) <= QUERY_BUDGET
    return counts


def test_event_index_queries_do_not_grow_with_events(client, home):
    index = EventIndexPageFactory(parent=home)

    one, twelve, hundred = counts_with_1_12_and_100(client, index, index.url)

    assert one == twelve == hundred


def test_series_page_queries_do_not_grow_with_events(client, home):
    series = EventSeriesPageFactory(parent=EventIndexPageFactory(parent=home))

    one, twelve, hundred = counts_with_1_12_and_100(client, series, series.url)

    assert one == twelve == hundred


def test_home_page_queries_do_not_grow_with_events(client, home):
    index = EventIndexPageFactory(parent=home)

    one, twelve, hundred = counts_with_1_12_and_100(client, index, home.url)

    assert one == twelve == hundred


def test_index_and_series_queries_do_not_grow_with_translations(client, home):
    """One record per event: translating events into Swedish and English adds no query
    to the Finnish or the Swedish index and series, however many are translated."""
    index = EventIndexPageFactory(parent=home)
    series = EventSeriesPageFactory(parent=index)
    swedish_index = translate(index, "sv", title="Evenemang", slug="evenemang")
    swedish_series = translate(series, "sv", title="Serie", slug="serie")
    urls = [index.url, series.url, swedish_index.url, swedish_series.url]

    def counts_after_translating(first, count):
        add_events(series, count, first=first)
        for event in EventPage.objects.filter(locale__language_code="fi")[first:]:
            translate(event, "sv", title=f"Kafé {event.pk}")
            translate(event, "en", title=f"Café {event.pk}")
        return [queries_for(client, url) for url in urls]

    one = counts_after_translating(0, 1)
    twelve = counts_after_translating(1, 11)

    assert one == twelve
    assert max(twelve) <= QUERY_BUDGET
