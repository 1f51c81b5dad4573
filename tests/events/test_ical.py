import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from events.calendars import ical
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@pytest.fixture
def event(index):
    return EventPageFactory(
        parent=index,
        title="Digiosallisuuden edistäminen",
        start=datetime.datetime(2026, 12, 4, 9, 30, tzinfo=HELSINKI),
        end=datetime.datetime(2026, 12, 4, 11, tzinfo=HELSINKI),
    )


def build(event, **kwargs):
    vevent = ical.vevent(event, url="https://example.org/e/", **kwargs)
    return ical.calendar([vevent], name="Tapahtumat")


def test_calendar_has_crlf_lines_a_helsinki_timezone_and_local_times(event):
    data = build(event)

    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    parsed = Calendar.from_ical(data)
    assert parsed.walk("VTIMEZONE")[0]["TZID"] == "Europe/Helsinki"
    vevent = parsed.walk("VEVENT")[0]
    assert vevent["UID"] == event.calendar_uid
    assert vevent.decoded("DTSTART") == datetime.datetime(2026, 12, 4, 9, 30, tzinfo=HELSINKI)
    assert str(parsed["X-WR-CALNAME"]) == "Tapahtumat"


def test_public_calendar_carries_no_join_link(event):
    assert b"teams.example.org" not in build(event)


def test_invitation_carries_the_join_link_when_asked(event):
    assert b"teams.example.org" in build(event, join_url=event.online_join_url)


def test_all_day_event_uses_dates_with_an_exclusive_end(event):
    event.all_day = True
    event.end = datetime.datetime(2026, 12, 5, 0, 0, tzinfo=HELSINKI)

    vevent = Calendar.from_ical(build(event)).walk("VEVENT")[0]

    assert vevent.decoded("DTSTART") == datetime.date(2026, 12, 4)
    assert vevent.decoded("DTEND") == datetime.date(2026, 12, 6)


def test_cancelled_event_has_cancelled_status(event):
    event.status = event.Status.CANCELLED

    vevent = Calendar.from_ical(build(event)).walk("VEVENT")[0]

    assert vevent["STATUS"] == "CANCELLED"


def test_long_lines_fold_at_75_octets_between_characters():
    line = "SUMMARY:Etelä-Suomen kahvila " + "ä" * 100

    physical = ical.fold(line).split(b"\r\n")

    assert all(len(part) <= 75 for part in physical)
    assert [part.decode() for part in physical]  # no character split across lines
    assert b"".join(part.removeprefix(b" ") for part in physical).decode() == line
