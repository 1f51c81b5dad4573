import datetime
import zoneinfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from events.calendars.ical_import import import_calendar
from events.models import EventPage
from tests.events.factories import EventTypeFactory

pytestmark = pytest.mark.django_db
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")

OUTLOOK_FILE = """BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
METHOD:PUBLISH\r
BEGIN:VTIMEZONE\r
TZID:FLE Standard Time\r
BEGIN:STANDARD\r
DTSTART:16011028T040000\r
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r
TZOFFSETFROM:+0300\r
TZOFFSETTO:+0200\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010325T030000\r
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0300\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:040000008200E00074C5B7101A82E008000000001@example.org\r
SUMMARY:Kumppanin työpaja\r
DESCRIPTION:Työpaja osallisuuden mittaamisesta.\r
LOCATION:Kuopion kaupungintalo\r
DTSTART;TZID=FLE Standard Time:20270203T093000\r
DTEND;TZID=FLE Standard Time:20270203T110000\r
DTSTAMP:20261101T080000Z\r
LAST-MODIFIED:20261101T080000Z\r
SEQUENCE:0\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:allday-1@example.org\r
SUMMARY:Messupäivä\r
DTSTART;VALUE=DATE:20270204\r
DTEND;VALUE=DATE:20270205\r
DTSTAMP:20261101T080000Z\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:no-start@example.org\r
SUMMARY:Aikaton tapahtuma\r
DTSTAMP:20261101T080000Z\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly@example.org\r
SUMMARY:Viikkokahvila\r
DTSTART;TZID=FLE Standard Time:20270203T093000\r
DTEND;TZID=FLE Standard Time:20270203T110000\r
RRULE:FREQ=WEEKLY;COUNT=5\r
DTSTAMP:20261101T080000Z\r
END:VEVENT\r
BEGIN:VEVENT\r
SUMMARY:Ilman tunnistetta\r
DTSTART:20270203T093000Z\r
DTEND:20270203T110000Z\r
DTSTAMP:20261101T080000Z\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.fixture
def event_type():
    return EventTypeFactory()


def run(index, event_type, text=OUTLOOK_FILE):
    return import_calendar(text.encode(), parent=index, event_type=event_type)


def test_outlook_file_with_windows_time_zone_becomes_draft_events(index, event_type):
    report = run(index, event_type)

    assert [title for title, _ in report.created] == ["Kumppanin työpaja", "Messupäivä"]
    workshop = EventPage.objects.get(title="Kumppanin työpaja")
    assert not workshop.live
    assert workshop.start == datetime.datetime(2027, 2, 3, 9, 30, tzinfo=HELSINKI)
    assert workshop.venue_name == "Kuopion kaupungintalo"
    day = EventPage.objects.get(title="Messupäivä")
    assert day.all_day and day.local_start.date() == day.local_end.date()


def test_report_says_why_events_were_rejected(index, event_type):
    reasons = dict(run(index, event_type).rejected)

    assert set(reasons) == {"Aikaton tapahtuma", "Viikkokahvila", "Ilman tunnistetta"}
    assert "DTSTART" in reasons["Aikaton tapahtuma"]
    assert "UID" in reasons["Ilman tunnistetta"]


def test_same_file_again_changes_nothing_and_a_newer_version_updates(index, event_type):
    run(index, event_type)

    again = run(index, event_type)
    newer = run(
        index,
        event_type,
        OUTLOOK_FILE.replace("SEQUENCE:0", "SEQUENCE:1").replace("T093000\r", "T100000\r", 1),
    )

    assert again.created == [] and len(again.unchanged) == 2
    assert [title for title, _ in newer.updated] == ["Kumppanin työpaja"]
    workshop = EventPage.objects.get(title="Kumppanin työpaja")
    assert workshop.get_latest_revision_as_object().start == datetime.datetime(
        2027, 2, 3, 10, tzinfo=HELSINKI
    )
    assert EventPage.objects.filter(title="Kumppanin työpaja").count() == 1


def test_unreadable_file_is_reported_not_crashed(index, event_type):
    report = run(index, event_type, "BEGIN:VCALENDAR\r\nthis is not ical\r\n")

    assert report.rejected and not report.created


def test_admin_import_shows_the_report(admin_client, index, event_type):
    upload = SimpleUploadedFile("ohjelma.ics", OUTLOOK_FILE.encode(), "text/calendar")

    response = admin_client.post(
        reverse("events_import_ics"),
        {"file": upload, "parent": index.pk, "event_type": event_type.pk},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kumppanin työpaja" in html and "Viikkokahvila" in html


def test_admin_import_refuses_a_file_that_is_not_a_calendar(admin_client, index, event_type):
    upload = SimpleUploadedFile("kuva.png", b"\x89PNG not a calendar", "image/png")

    response = admin_client.post(
        reverse("events_import_ics"),
        {"file": upload, "parent": index.pk, "event_type": event_type.pk},
    )

    assert response.status_code == 400
    assert not EventPage.objects.exists()
