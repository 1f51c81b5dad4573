import datetime
import zoneinfo

from django.urls import reverse
from django.utils import translation

import pytest
import time_machine
from icalendar import Calendar

from cms import request_memo
from cms.factories import translate
from cms.models import Region, Theme
from events.models import EventPage
from tests.events.factories import (
    EventPageFactory,
    EventSeriesPageFactory,
    EventTypeFactory,
    ParticipationWeekPageFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
NOW = datetime.datetime(2026, 11, 2, 12, tzinfo=HELSINKI)


def publish(event):
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def make_event(parent, days=7, **fields):
    start = NOW + datetime.timedelta(days=days)
    fields.setdefault("start", start)
    fields.setdefault("end", fields["start"] + datetime.timedelta(hours=2))
    return publish(EventPageFactory(parent=parent, **fields))


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Content-Encoding" not in response
    return response, Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(vevent["SUMMARY"]): vevent for vevent in calendar.walk("VEVENT")}


def test_feed_of_all_events_is_valid_icalendar_with_the_headers_calendars_need(client, index):
    make_event(index, title="Etäkahvila")

    response, calendar = fetch(client, reverse("events:feed"))

    body = response.content
    assert b"\r\n" in body and b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert calendar["METHOD"] == "PUBLISH"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Helsinki"
    assert "Osallisuusverkosto" in str(calendar["X-WR-CALNAME"])
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H" in body
    assert "X-PUBLISHED-TTL" in calendar
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Helsinki"
    vevent = vevents(calendar)["Etäkahvila"]
    for prop in ("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "STATUS", "URL", "DESCRIPTION"):
        assert prop in vevent, prop
    assert vevent["STATUS"] == "CONFIRMED"
    assert "Webinaari" in vevent["CATEGORIES"].cats


def test_feed_never_contains_the_join_link(client, index):
    make_event(index, online_join_url="https://teams.example.org/salainen-linkki")

    response, _ = fetch(client, reverse("events:feed"))

    assert b"salainen-linkki" not in response.content
    assert b"teams.example.org" not in response.content


def test_uid_stays_and_sequence_rises_when_an_event_moves(client, index):
    event = make_event(index, title="Työpaja", slug="tyopaja")
    before = vevents(fetch(client, reverse("events:feed"))[1])["Työpaja"]

    event.slug = "tyopaja-uusi"
    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)
    publish(event)
    after = vevents(fetch(client, reverse("events:feed"))[1])["Työpaja"]

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]


def test_cancelled_event_stays_in_the_feed_as_cancelled(client, index):
    event = make_event(index, title="Peruttu kahvila")
    event.status = EventPage.Status.CANCELLED
    publish(event)

    vevent = vevents(fetch(client, reverse("events:feed"))[1])["Peruttu kahvila"]

    assert vevent["STATUS"] == "CANCELLED"


def test_feed_covers_the_last_twelve_months_and_the_future(client, index):
    make_event(index, title="Viime kuussa", days=-30)
    make_event(index, title="Toissa vuonna", days=-400)
    make_event(index, title="Ensi vuonna", days=400)

    titles = set(vevents(fetch(client, reverse("events:feed"))[1]))

    assert titles == {"Viime kuussa", "Ensi vuonna"}


def test_all_day_event_has_dates_and_an_exclusive_end(client, index):
    make_event(
        index,
        title="Messupäivät",
        all_day=True,
        start=datetime.datetime(2026, 12, 3, 0, tzinfo=HELSINKI),
        end=datetime.datetime(2026, 12, 4, 0, tzinfo=HELSINKI),
    )

    vevent = vevents(fetch(client, reverse("events:feed"))[1])["Messupäivät"]

    assert vevent.decoded("DTSTART") == datetime.date(2026, 12, 3)
    assert vevent.decoded("DTEND") == datetime.date(2026, 12, 5)
    assert "VALUE=DATE" in vevent.to_ical().decode()


def test_repeated_request_gets_not_modified(client, index):
    make_event(index)
    response, _ = fetch(client, reverse("events:feed"))

    by_etag = client.get(reverse("events:feed"), HTTP_IF_NONE_MATCH=response["ETag"])
    by_date = client.get(reverse("events:feed"), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])

    assert by_etag.status_code == 304
    assert by_etag["ETag"] == response["ETag"]
    assert by_date.status_code == 304


def test_publishing_a_change_gives_a_new_etag_and_the_changed_event(client, index):
    event = make_event(index, title="Etäkahvila", lead="Vanha kuvaus")
    etag = fetch(client, reverse("events:feed"))[0]["ETag"]
    changed_at = NOW + datetime.timedelta(minutes=5)

    with time_machine.travel(changed_at, tick=False):
        event.lead = "Uusi kuvaus"
        publish(event)
        response, calendar = fetch(client, reverse("events:feed"), HTTP_IF_NONE_MATCH=etag)

    assert response["ETag"] != etag
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Etäkahvila"
    assert str(vevent["DESCRIPTION"]).startswith("Uusi kuvaus\n\n")
    assert "Vanha kuvaus" not in response.content.decode()
    assert vevent.decoded("LAST-MODIFIED") == changed_at


@pytest.mark.parametrize("count", [10, 200])
def test_feed_query_count_does_not_grow_with_events(
    client, index, count, django_assert_max_num_queries
):
    event_type = EventTypeFactory()
    theme = Theme.objects.create(name_fi="Kokemusasiantuntijuus", slug="kokemus")
    for number in range(count):
        event = EventPageFactory(
            parent=index,
            event_type=event_type,
            start=NOW + datetime.timedelta(days=number % 60 + 1),
            end=NOW + datetime.timedelta(days=number % 60 + 1, hours=2),
        )
        event.themes.add(theme)
        event.save_revision().publish()
    # Publishing forgets the shared locales and view restrictions; any request reads
    # them back (two queries, once), so read them before counting the feed's own.
    request_memo.locales()

    with django_assert_max_num_queries(8):
        response = client.get(reverse("events:feed"))

    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == count


def test_feeds_per_type_region_and_theme_hold_only_their_events(client, index):
    webinar = EventTypeFactory(slug="webinaari", name_fi="Webinaari")
    cafe = EventTypeFactory(slug="kahvila", name_fi="Etäkahvila")
    north = Region.objects.create(name_fi="Pohjois-Pohjanmaa", slug="pohjois-pohjanmaa")
    theme = Theme.objects.create(name_fi="Luovat menetelmät", slug="luovat")
    make_event(index, title="Webinaari pohjoisessa", event_type=webinar, region=north)
    themed = make_event(index, title="Kahvila", event_type=cafe)
    themed.themes.add(theme)
    publish(themed)

    by_type = vevents(fetch(client, reverse("events:event_type_feed", args=["webinaari"]))[1])
    by_region = vevents(fetch(client, reverse("events:region_feed", args=["pohjois-pohjanmaa"]))[1])
    by_theme = vevents(fetch(client, reverse("events:theme_feed", args=["luovat"]))[1])
    built = vevents(fetch(client, reverse("events:feed") + "?type=kahvila&theme=luovat")[1])

    assert set(by_type) == set(by_region) == {"Webinaari pohjoisessa"}
    assert set(by_theme) == set(built) == {"Kahvila"}


def test_unknown_filter_is_a_clear_client_error(client, index):
    response = client.get(reverse("events:feed") + "?region=atlantis")

    assert response.status_code == 400


def test_series_and_participation_week_feeds_hold_their_own_events(client, index):
    series = EventSeriesPageFactory(parent=index)
    week = ParticipationWeekPageFactory(parent=index)
    make_event(series, title="Sarjan kahvila")
    make_event(
        week,
        title="Viikon työpaja",
        start=datetime.datetime(2027, 2, 2, 10, tzinfo=HELSINKI),
        end=datetime.datetime(2027, 2, 2, 12, tzinfo=HELSINKI),
    )
    make_event(index, title="Muu tapahtuma")

    in_series = vevents(fetch(client, reverse("events:series_feed", args=[series.pk]))[1])
    in_week = vevents(fetch(client, reverse("events:participation_week_feed", args=[week.pk]))[1])

    assert set(in_series) == {"Sarjan kahvila"}
    assert set(in_week) == {"Viikon työpaja"}


def test_event_ics_is_a_download_of_that_event_only(client, index):
    event = make_event(index, title="Oma tapahtuma")
    make_event(index, title="Toinen")

    response, calendar = fetch(client, reverse("events:event_ics", args=[event.pk]))

    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    assert set(vevents(calendar)) == {"Oma tapahtuma"}


def test_draft_event_has_no_ics(client, index):
    event = EventPageFactory(parent=index, live=False)

    assert client.get(reverse("events:event_ics", args=[event.pk])).status_code == 404


def test_pages_announce_their_feed_and_offer_subscription(client, index):
    series = EventSeriesPageFactory(parent=index)
    series.save_revision().publish()
    event = make_event(series)

    index_html = client.get(index.url).content.decode()
    series_html = client.get(series.url).content.decode()
    event_html = client.get(event.url).content.decode()

    assert 'type="text/calendar"' in index_html
    assert "webcal://testserver" + reverse("events:feed") in index_html
    assert "calendar.google.com" in index_html and "outlook.live.com" in index_html
    assert reverse("events:series_feed", args=[series.pk]) in series_html
    assert reverse("events:event_ics", args=[event.pk]) in event_html


def test_feed_builder_gives_a_filtered_feed_address(client, index):
    EventTypeFactory(slug="webinaari")

    response = client.get(reverse("events:feed_builder") + "?type=webinaari")

    assert response.status_code == 200
    assert "http://testserver/kalenteri/tapahtumat.ics?type=webinaari" in response.content.decode()


def test_swedish_feed_has_each_event_once_in_swedish_where_translated(client, index):
    translated = make_event(index, title="Kahvila", slug="kahvila")
    translate(index, "sv", title="Evenemang", slug="evenemang")
    translate(translated, "sv", title="Kafé", slug="kafe")
    make_event(index, title="Vain suomeksi")

    swedish = vevents(fetch(client, "/sv" + reverse("events:feed"))[1])

    assert set(swedish) == {"Kafé", "Vain suomeksi"}
    assert swedish["Kafé"]["UID"] == translated.calendar_uid


def test_every_language_page_gives_the_same_event_as_ics(client, index):
    event = make_event(index, title="Kahvila", slug="kahvila")
    translate(index, "sv", title="Evenemang", slug="evenemang")
    swedish = translate(event, "sv", title="Kafé", slug="kafe")
    english = translate(event, "en", title="Café", slug="cafe")

    calendars = {
        page.title: fetch(client, reverse("events:event_ics", args=[page.pk]))[1]
        for page in (event, swedish, english)
    }

    for title, calendar in calendars.items():
        (vevent,) = calendar.walk("VEVENT")
        assert str(vevent["SUMMARY"]) == title
        assert vevent["UID"] == event.calendar_uid
        assert vevent["SEQUENCE"] == event.sequence
        assert vevent["DTSTART"].dt == event.start


def test_a_withdrawn_event_stays_once_and_cancelled_in_every_language_for_thirty_days(
    client, index, django_capture_on_commit_callbacks
):
    event = make_event(index, title="Kahvila", slug="kahvila")
    translate(index, "sv", title="Evenemang", slug="evenemang")
    swedish = translate(event, "sv", title="Kafé", slug="kafe")
    feeds = {}
    for language in ("fi", "sv"):
        with translation.override(language):
            feeds[language] = reverse("events:feed")
    ics_url = reverse("events:event_ics", args=[swedish.pk])

    with django_capture_on_commit_callbacks(execute=True):
        EventPage.objects.get(pk=swedish.pk).unpublish()

    finnish_feed = vevents(fetch(client, feeds["fi"])[1])
    swedish_feed = vevents(fetch(client, feeds["sv"])[1])
    ics = vevents(fetch(client, ics_url)[1])
    assert set(finnish_feed) == {"Kahvila"} and set(swedish_feed) == {"Kafé"} == set(ics)
    for vevent in (finnish_feed["Kahvila"], swedish_feed["Kafé"], ics["Kafé"]):
        assert vevent["STATUS"] == "CANCELLED" and vevent["SEQUENCE"] == 1
    with time_machine.travel(NOW + datetime.timedelta(days=31), tick=False):
        assert vevents(fetch(client, feeds["sv"])[1]) == {}
        assert client.get(ics_url).status_code == 404
