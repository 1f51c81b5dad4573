"""One serialiser writes every VEVENT (feed, the .ics of an event, invitations), and what
it writes is what the icalendar library wrote before it, property by property."""

import datetime
import zoneinfo
from unittest import mock

from django.urls import reverse

import pytest
from icalendar import Calendar, Event

from cms.models import Theme
from events.calendars import ical
from events.models import EventPage
from tests.events.factories import EventPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
NOW = datetime.datetime(2026, 11, 2, 12, tzinfo=HELSINKI)
# What the VEVENT said when icalendar's components wrote it (DTSTAMP is the moment of
# writing, so it is compared on its own).
COMPARED = (
    "UID",
    "SEQUENCE",
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "LAST-MODIFIED",
    "STATUS",
    "URL",
    "DESCRIPTION",
    "LOCATION",
)


def publish(page):
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


@pytest.fixture
def demo_events(index):
    """The demo's kinds of event: a café on site with a long Finnish title and an
    address full of commas, an all-day event, and a cancelled online webinar."""
    theme = Theme.objects.create(name_fi="Digiosallisuus", slug="digiosallisuus")
    start = datetime.datetime(2026, 11, 13, 9, 30, tzinfo=HELSINKI)
    cafe = EventPageFactory(
        parent=index,
        title="Osallisuutta ja aktiivisuutta tukevat palvelut ja sosiaaliturva; "
        "Etelä- ja Länsi-Suomen kahvila",
        lead="<p>Keskustelemme, miten palvelut tukevat osallisuutta.</p>\nTervetuloa!",
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        attendance_mode=EventPage.AttendanceMode.ONSITE,
        venue_name="Kahvila Kulma, 2. krs",
        street_address="Kauppakatu 1",
        postal_code="40100",
        municipality="Jyväskylä",
    )
    cafe.record.themes.add(theme)
    all_day = EventPageFactory(
        parent=index,
        title="Osallisuusviikko",
        all_day=True,
        start=datetime.datetime(2027, 2, 5, 0, tzinfo=HELSINKI),
        end=datetime.datetime(2027, 2, 8, 0, tzinfo=HELSINKI),
    )
    webinar = EventPageFactory(
        parent=index,
        title="Kaikki mukaan",
        status=EventPage.Status.CANCELLED,
        start=datetime.datetime(2027, 3, 16, 13, tzinfo=HELSINKI),
        end=datetime.datetime(2027, 3, 16, 15, tzinfo=HELSINKI),
    )
    return [publish(page) for page in (cafe, all_day, webinar)]


def reference_vevent(event):
    """The VEVENT as the icalendar library's components wrote it before (the code this
    serialiser replaced)."""
    url = event.get_full_url()
    component = Event()
    component.add("uid", event.calendar_uid)
    component.add("sequence", event.sequence)
    component.add("summary", event.title)
    if event.all_day:
        first_day, day_after = event.calendar_dates
        component.add("dtstart", first_day)
        component.add("dtend", day_after)
    else:
        component.add("dtstart", event.local_start)
        component.add("dtend", event.local_end)
    component.add("last-modified", event.last_published_at)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    component.add("url", url)
    lead = event.lead.replace("<p>", "").replace("</p>", "")
    component.add("description", f"{lead}\n\n{url}")
    component.add("location", event.location_text)
    themes = [str(theme) for theme in event.themes.all()]
    component.add("categories", [str(event.event_type), *themes])
    return component


def unfolded_lines(data):
    return data.replace(b"\r\n ", b"").decode().split("\r\n")


def test_feed_says_what_the_icalendar_components_said_for_the_demo_events(client, demo_events):
    response = client.get(reverse("events:feed"))

    written = {str(v["UID"]): v for v in Calendar.from_ical(response.content).walk("VEVENT")}
    lines = set(unfolded_lines(response.content))
    assert len(written) == len(demo_events)
    for event in demo_events:
        reference = reference_vevent(event)
        mine, theirs = written[event.calendar_uid], Calendar.from_ical(reference.to_ical())
        for name in COMPARED:
            assert mine.decoded(name) == theirs.decoded(name), (event.title, name)
        assert mine["CATEGORIES"].cats == theirs["CATEGORIES"].cats
        assert mine.decoded("DTSTAMP") == NOW
        # Text escaped as icalendar escapes it (commas, semicolons, line breaks), which
        # its own lenient parser would not notice but stricter calendar programs do.
        for line in unfolded_lines(reference.to_ical()):
            if line.startswith(("SUMMARY:", "DESCRIPTION:", "LOCATION:", "CATEGORIES:")):
                assert line in lines
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))


def test_feed_event_file_and_invitation_share_one_vevent_writer(client, demo_events):
    cafe = demo_events[0]

    with mock.patch.object(ical, "vevent", wraps=ical.vevent) as writer:
        feed = client.get(reverse("events:feed"))
        one = client.get(reverse("events:event_ics", args=[cafe.pk]))
        invitation = ical.invitation(
            cafe,
            url=cafe.get_full_url(),
            sequence=cafe.sequence,
            attendee_email="osallistuja@example.org",
            attendee_name="Osallistuja, Testi",
            organizer_email="tapahtumat@example.org",
        )

    assert writer.call_count == len(demo_events) + 1 + 1
    in_feed = Calendar.from_ical(feed.content).walk("VEVENT")[0]
    alone = Calendar.from_ical(one.content).walk("VEVENT")[0]
    assert in_feed.to_ical() == alone.to_ical()
    invited = Calendar.from_ical(invitation).walk("VEVENT")[0]
    assert invited["UID"] == alone["UID"]
    assert invited["ATTENDEE"].params["CN"] == "Osallistuja, Testi"
    assert str(invited["ORGANIZER"]) == "mailto:tapahtumat@example.org"
