"""Pages that list events make the same number of queries for 1, 12 or 100 events, within
the query budget: the seats, calendar state and event type of every card come from a fixed
set of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine

from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    RegistrationFactory,
)
from tests.test_query_budget import QUERY_BUDGET

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 2, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


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
