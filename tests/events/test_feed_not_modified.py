"""Conditional GET on the iCalendar feeds: calendar programs poll every few hours and send
back the Last-Modified they were given; an unchanged feed must answer 304 even though the
database keeps fractional seconds and HTTP dates do not."""

import datetime
import zoneinfo
from unittest import mock

from django.urls import reverse
from django.utils.http import http_date

import pytest
import time_machine

from events.calendars import feeds
from events.models import EventPage
from tests.events.factories import EventPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
# Published in the middle of a second, as real editors do.
NOW = datetime.datetime(2026, 11, 2, 12, 0, 0, 250_000, tzinfo=HELSINKI)


@pytest.fixture
def event(index):
    start = NOW + datetime.timedelta(days=7)
    page = EventPageFactory(parent=index, start=start, end=start + datetime.timedelta(hours=2))
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def url_of(which, event):
    """The feed of all events, or the one event's .ics download."""
    if which == "feed":
        return reverse("events:feed")
    return reverse("events:event_ics", args=[event.pk])


@pytest.mark.parametrize("which", ["feed", "event_ics"])
def test_last_modified_sent_back_answers_not_modified(client, event, which):
    url = url_of(which, event)
    first = client.get(url)

    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert first.status_code == 200
    assert again.status_code == 304
    assert again["Last-Modified"] == first["Last-Modified"]
    assert again.content == b""


@pytest.mark.parametrize("which", ["feed", "event_ics"])
def test_older_if_modified_since_gets_the_whole_calendar(client, event, which):
    url = url_of(which, event)
    an_hour_ago = http_date((NOW - datetime.timedelta(hours=1)).timestamp())

    response = client.get(url, HTTP_IF_MODIFIED_SINCE=an_hour_ago)

    assert response.status_code == 200
    assert b"BEGIN:VEVENT" in response.content


@pytest.mark.parametrize("which", ["feed", "event_ics"])
def test_changed_calendar_answers_in_full_again(client, event, which):
    url = url_of(which, event)
    last_modified = client.get(url)["Last-Modified"]

    with time_machine.travel(NOW + datetime.timedelta(minutes=5), tick=False):
        event.start += datetime.timedelta(hours=1)
        event.end += datetime.timedelta(hours=1)
        event.save_revision().publish()
        response = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)

    assert response.status_code == 200
    assert response["Last-Modified"] != last_modified


@pytest.mark.parametrize("which", ["feed", "event_ics"])
def test_not_modified_is_answered_before_any_form_or_query(
    client, event, which, django_assert_max_num_queries
):
    url = url_of(which, event)
    first = client.get(url)

    with (
        mock.patch.object(feeds, "EventFilterForm", side_effect=AssertionError("form built")),
        mock.patch.object(feeds, "feed_events", side_effect=AssertionError("events read")),
        django_assert_max_num_queries(1),
    ):
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag["ETag"] == by_date["ETag"] == first["ETag"]


def test_changed_event_changes_the_etag_and_answers_in_full(client, event):
    url = url_of("feed", event)
    etag = client.get(url)["ETag"]

    event.title = "Siirretty kahvila"
    event.save_revision().publish()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert "Siirretty kahvila" in response.content.decode()
