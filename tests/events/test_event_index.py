import datetime
import json
import re

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

import pytest

from cms.factories import translate
from cms.models import Region, Theme
from tests.events.conftest import NOW
from tests.events.factories import (
    EventPageFactory,
    EventTypeFactory,
    RegistrationFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def index(index, home):
    """The shared index, with the home page and itself in Swedish."""
    translate(home, "sv", title="Startsida", slug="startsida")
    translate(index, "sv", title="Evenemang", slug="evenemang")
    return index


def at(days, **fields):
    start = NOW + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=2), **fields}


def titles(html):
    """Card titles as read, without the "(in Finnish)" note of untranslated pages."""
    links = re.findall(r'class="event-card__title"><a href="[^"]*">(.+?)</a>', html)
    return [re.sub(r"<[^>]+>", "", re.sub(NOTE, "", link)) for link in links]


NOTE = r' <span class="language-note">\([^)]*\)</span>'


def test_swedish_index_lists_every_event_once_preferring_swedish(client, index):
    cafe = EventPageFactory(parent=index, title="Kahvila", **at(3))
    translate(cafe, "sv", title="Kafé")
    EventPageFactory(parent=index, title="Vain suomeksi", **at(5))

    html = client.get("/sv/evenemang/").content.decode()

    assert titles(html) == ["Kafé", "Vain suomeksi"]


def test_an_untranslated_event_is_linked_as_finnish(client, index):
    translate(index.get_parent(), "en", title="Inclusion", slug="inclusion")
    translate(index, "en", title="Events", slug="events")
    cafe = EventPageFactory(parent=index, title="Kahvila", **at(3))
    english = translate(cafe, "en", title="Café", slug="cafe")
    finnish_only = EventPageFactory(parent=index, title="Vain suomeksi", **at(5))

    html = client.get("/en/events/").content.decode()

    assert f'<a href="{english.url}">Café</a>' in html
    assert (
        f'<a href="{finnish_only.url}"><span lang="fi">Vain suomeksi</span> '
        '<span class="language-note">(in Finnish)</span></a>'
    ) in html


def test_an_event_held_in_the_readers_language_needs_no_note(client, index):
    """A Swedish organisation's event in the Finnish programme is written in Swedish."""
    EventPageFactory(parent=index, title="Samtalscafé", language="sv", **at(3))

    html = client.get("/sv/evenemang/").content.decode()

    assert ">Samtalscafé</a>" in html
    assert 'lang="fi"' not in html.split("<main")[1].split("</main>")[0]


def test_filters_narrow_the_list(client, index):
    webinar_type = EventTypeFactory(slug="webinaari")
    region = Region.objects.create(name_fi="Keski-Suomi", slug="keski-suomi")
    theme = Theme.objects.create(name_fi="Kokemusasiantuntijuus", slug="kokemus")
    webinar = EventPageFactory(parent=index, title="Webinaari", event_type=webinar_type, **at(2))
    webinar.themes.set([theme])
    webinar.save_revision().publish()
    EventPageFactory(
        parent=index,
        title="Treffit Jyväskylässä",
        region=region,
        attendance_mode="onsite",
        venue_name="Kirjasto",
        municipality="Jyväskylä",
        language="sv",
        **at(4),
    )

    def listed(query):
        return titles(client.get(f"{index.url}?{query}").content.decode())

    assert listed("type=webinaari") == ["Webinaari"]
    assert listed("region=keski-suomi") == ["Treffit Jyväskylässä"]
    assert listed("theme=kokemus") == ["Webinaari"]
    assert listed("format=onsite") == ["Treffit Jyväskylässä"]
    assert listed("format=online") == ["Webinaari"]
    assert listed("language=sv") == ["Treffit Jyväskylässä"]
    assert listed("q=jyväskylä") == ["Treffit Jyväskylässä"]
    assert listed("type=tuntematon&page=abc&format=<script>") == [
        "Webinaari",
        "Treffit Jyväskylässä",
    ]


def test_past_events_have_their_own_view(client, index):
    EventPageFactory(parent=index, title="Mennyt", **at(-10))
    EventPageFactory(parent=index, title="Tuleva", **at(10))

    assert titles(client.get(index.url).content.decode()) == ["Tuleva"]
    assert titles(client.get(index.url + "?when=past").content.decode()) == ["Mennyt"]


def test_list_is_paginated(client, index):
    for n in range(14):
        EventPageFactory(parent=index, title=f"Kahvila {n:02}", **at(n + 1))

    first = titles(client.get(index.url).content.decode())
    second = titles(client.get(index.url + "?page=2").content.decode())

    assert len(first) == 12 and len(second) == 2


def test_month_view_shows_events_on_their_days(client, index):
    EventPageFactory(parent=index, title="Joulukahvila", **at(40))

    html = client.get(index.url + "?view=month&month=2026-12").content.decode()

    assert "Joulukahvila" in html
    assert "<table" in html
    for query in ("view=month&month=kuukausi", "view=month", "view=month&month=2026-13"):
        assert client.get(f"{index.url}?{query}").status_code == 200


def test_cards_show_seats_left(client, index):
    event = EventPageFactory(parent=index, registration_enabled=True, capacity=5, **at(3))
    RegistrationFactory.create_batch(2, event=event)

    assert "Paikkoja jäljellä: 3" in client.get(index.url).content.decode()


def test_upcoming_events_tag_renders_the_next_cards(index):
    for n in range(4):
        EventPageFactory(parent=index, title=f"Tapahtuma {n}", **at(n + 1))
    request = RequestFactory().get("/")

    with translation.override("fi"):
        html = Template("{% load event_tags %}{% upcoming_events 3 %}").render(
            Context({"request": request})
        )

    assert titles(html) == ["Tapahtuma 0", "Tapahtuma 1", "Tapahtuma 2"]


def test_event_page_has_json_ld_without_the_join_link(client, index):
    event = EventPageFactory(parent=index, **at(3))

    html = client.get(event.url).content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))

    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert data["eventStatus"].endswith("EventScheduled")
    assert "teams.example.org" not in html


def test_index_needs_the_same_few_queries_for_many_events(
    client, index, django_assert_max_num_queries
):
    for n in range(12):
        event = EventPageFactory(parent=index, registration_enabled=True, capacity=9, **at(n + 1))
        RegistrationFactory(event=event)
    client.get(index.url)

    with django_assert_max_num_queries(30):
        client.get(index.url)
