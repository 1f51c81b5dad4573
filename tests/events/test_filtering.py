"""One filter, one meaning: the event index, the participation-week programme and the
calendar feeds narrow events with the same form, parameters and search."""

import datetime
import re

from django.urls import reverse

import pytest
from icalendar import Calendar

from cms.models import Region
from events.models import Event, EventPage, EventSpeaker
from network.models import Organisation
from tests.events.factories import (
    EventPageFactory,
    ParticipationWeekPageFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
NOW = datetime.datetime(2027, 1, 20, 12, 0, tzinfo=datetime.UTC)
IN_THE_WEEK = datetime.datetime(2027, 2, 2, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def week(index):
    week = ParticipationWeekPageFactory(parent=index)
    week.save_revision().publish()
    return week


def add_event(parent, title, **fields):
    fields.setdefault("start", IN_THE_WEEK)
    fields.setdefault("end", fields["start"] + datetime.timedelta(hours=2))
    return EventPageFactory(parent=parent, title=title, **fields)


def card_titles(html):
    return set(re.findall(r'class="event-card__title"><a href="[^"]*">([^<]+)</a>', html))


def feed_titles(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


@pytest.fixture
def events(week):
    oulu = Organisation.objects.create(name="Oulun kaupunki")
    add_event(week, "Kaupunkikävely", organiser=oulu)
    with_speaker = add_event(
        week,
        "Aamukahvit",
        attendance_mode=EventPage.AttendanceMode.ONSITE,
        venue_name="Kirjasto",
        municipality="Oulu",
    )
    EventSpeaker.objects.create(page=with_speaker, name="Maija Meikäläinen")
    add_event(week, "Muu tapahtuma")
    return week


@pytest.mark.parametrize(
    ("query", "expected"),
    [("oulun", {"Kaupunkikävely"}), ("meikäläinen", {"Aamukahvit"})],
)
def test_the_index_and_the_programme_search_the_same_fields(client, events, query, expected):
    index_html = client.get(events.get_parent().url, {"q": query}).content.decode()
    programme_html = client.get(events.url, {"q": query}).content.decode()

    assert card_titles(index_html) == expected
    assert card_titles(programme_html) == expected


def test_format_means_the_same_on_the_index_and_the_programme(client, events):
    index_html = client.get(events.get_parent().url, {"format": "onsite"}).content.decode()
    programme_html = client.get(events.url, {"format": "onsite"}).content.decode()

    assert card_titles(index_html) == card_titles(programme_html) == {"Aamukahvit"}


def test_the_feed_builder_address_gives_the_feed_of_those_events(client, events):
    region = Region.objects.create(name_fi="Pohjois-Pohjanmaa", slug="pohjois-pohjanmaa")
    Event.objects.filter(pages__title="Kaupunkikävely").update(region=region)

    builder = client.get(reverse("events:feed_builder"), {"region": "pohjois-pohjanmaa"})
    feed_url = builder.context["feed_url"]
    by_query = client.get(feed_url.removeprefix("http://testserver"))
    by_address = client.get(reverse("events:region_feed", args=["pohjois-pohjanmaa"]))

    assert feed_url.endswith("?region=pohjois-pohjanmaa")
    assert feed_titles(by_query) == feed_titles(by_address) == {"Kaupunkikävely"}
    assert "Pohjois-Pohjanmaa" in by_address.content.decode()


def test_an_unknown_value_is_ignored_on_pages_and_refused_by_feeds(client, events):
    page = client.get(events.url, {"region": "nowhere", "format": "onsite"})
    feed = client.get(reverse("events:feed"), {"region": "nowhere"})
    missing = client.get(reverse("events:theme_feed", args=["nowhere"]))

    assert page.status_code == 200 and card_titles(page.content.decode()) == {"Aamukahvit"}
    assert feed.status_code == 400
    assert missing.status_code == 404


def test_a_long_search_uses_its_first_eight_words(client, events):
    """Each word is a join over six fields: a capped number keeps a hostile query cheap."""
    query = " ".join(["oulun"] * 8 + ["olematon"])

    html = client.get(events.url, {"q": query}).content.decode()

    assert card_titles(html) == {"Kaupunkikävely"}


def test_a_regional_whole_finds_the_events_of_its_counties_as_the_directory_does(client, events):
    whole = Region.objects.create(
        name_fi="Itä- ja Pohjois-Suomi",
        slug="ita-ja-pohjois-suomi",
        kind=Region.Kind.REGIONAL_WHOLE,
    )
    county = Region.objects.create(
        name_fi="Pohjois-Pohjanmaa", slug="pohjois-pohjanmaa", parent=whole
    )
    Event.objects.filter(pages__title="Kaupunkikävely").update(region=county)
    Event.objects.filter(pages__title="Aamukahvit").update(region=whole)

    index_html = client.get(events.get_parent().url, {"region": whole.slug}).content.decode()
    programme_html = client.get(events.url, {"region": whole.slug}).content.decode()
    feed = client.get(reverse("events:region_feed", args=[whole.slug]))
    county_html = client.get(events.get_parent().url, {"region": county.slug}).content.decode()

    assert card_titles(index_html) == {"Kaupunkikävely", "Aamukahvit"}
    assert card_titles(programme_html) == {"Kaupunkikävely", "Aamukahvit"}
    assert feed_titles(feed) == {"Kaupunkikävely", "Aamukahvit"}
    assert card_titles(county_html) == {"Kaupunkikävely"}  # a county does not widen to its whole
