"""The feeds' bytes are serialised once per calendar change and kept in the shared
cache: a repeat request reuses them, and any change the feed shows gives new bytes."""

import datetime
import zoneinfo
from unittest import mock

from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

import pytest
import time_machine
from icalendar import Calendar

from cms.models import Theme
from events.calendars import feed_cache, feeds
from events.models import EventPage
from tests.events.factories import EventPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
NOW = datetime.datetime(2026, 11, 2, 12, tzinfo=HELSINKI)


@pytest.fixture
def event(index):
    start = NOW + datetime.timedelta(days=7)
    page = EventPageFactory(
        parent=index, title="Etäkahvila", start=start, end=start + datetime.timedelta(hours=2)
    )
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


@pytest.fixture
def serialisations():
    """Counts the feeds' serialisations while still producing the real bytes."""
    with mock.patch.object(feeds, "serialise", wraps=feeds.serialise) as spy:
        yield spy


def feed(client, query="", language="fi"):
    """The all-events feed; the URL carries its language prefix (none for Finnish)."""
    with translation.override(language):
        url = reverse("events:feed") + query
    response = client.get(url)
    assert response.status_code == 200
    return response


def shown(response):
    """The one event's categories and address as a calendar program reads them."""
    vevent = Calendar.from_ical(response.content).walk("VEVENT")[0]
    return [str(category) for category in vevent["CATEGORIES"].cats], str(vevent["URL"])


def test_repeat_request_reuses_the_serialised_feed(client, event, serialisations):
    first = feed(client)
    again = feed(client)

    assert serialisations.call_count == 1
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_unknown_query_parameters_share_the_cached_feed(client, event, serialisations):
    feed(client)
    feed(client, "?utm_source=x")

    assert serialisations.call_count == 1


def test_each_language_and_filter_has_its_own_feed(client, event, serialisations):
    theme = Theme.objects.create(name_fi="Työllisyys", slug="tyollisyys")
    feed(client)
    feed(client, language="en")
    feed(client, f"?theme={theme.slug}")

    assert serialisations.call_count == 3


def test_changed_event_gives_new_bytes(client, event, serialisations):
    first = feed(client)

    with time_machine.travel(NOW + datetime.timedelta(minutes=5), tick=False):
        event.title = "Etäkahvila siirtyy"
        event.save_revision().publish()
        changed = feed(client)

    assert b"siirtyy" in changed.content
    assert changed["ETag"] != first["ETag"]
    assert serialisations.call_count == 2


def test_renamed_event_type_gives_new_bytes_and_etag(client, event, serialisations):
    first = feed(client)

    event.event_type.name_fi = event.event_type.name_en = "Verkkoseminaari"
    event.event_type.save()
    renamed = feed(client)

    assert "Verkkoseminaari" in shown(renamed)[0]
    assert renamed["ETag"] != first["ETag"]


def test_renamed_theme_gives_new_bytes(client, event, serialisations):
    theme = Theme.objects.create(name_fi="Työllisyys", slug="tyollisyys")
    event.themes.add(theme)
    event.save_revision().publish()
    feed(client)

    theme.name_fi = "Työllistyminen"
    theme.save()

    assert "Työllistyminen" in shown(feed(client))[0]


def test_renamed_events_index_gives_new_event_addresses(
    client, event, serialisations, django_capture_on_commit_callbacks
):
    feed(client)

    index = event.get_parent().specific
    index.slug = "kalenteri-uusi"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals on commit
        index.save_revision().publish()

    assert "/kalenteri-uusi/" in shown(feed(client))[1]


def test_feed_stored_while_a_change_commits_is_not_served_after_it(
    client, event, django_capture_on_commit_callbacks
):
    url = reverse("events:feed")
    with django_capture_on_commit_callbacks(execute=True):
        event.title = "Etäkahvila siirtyy"
        event.save_revision().publish()
        # Another web process, still reading the rows from before the commit, stores
        # its feed under the token the change has just made.
        with translation.override("fi"):
            version = feed_cache.version(RequestFactory().get(url))
        feed_cache.body(version, lambda: (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", None, "x"))

    assert b"siirtyy" in feed(client).content


def test_withdrawn_event_leaves_no_stale_feed(client, event):
    feed(client)

    event.unpublish()

    vevent = Calendar.from_ical(feed(client).content).walk("VEVENT")[0]
    assert vevent["STATUS"] == "CANCELLED"
