"""Bad and hostile .ics files: every bad VEVENT becomes a report line that says which event
and what is wrong, the admin view never answers 500, and a file is imported as one
transaction (the valid events and nothing half-saved)."""

import datetime
import zoneinfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

import pytest

from events.calendars import ical_import
from events.calendars.forms import MAX_IMPORT_BYTES
from events.calendars.ical_import import import_calendar
from events.models import EventPage, ImportedEvent
from tests.events.factories import EventTypeFactory

pytestmark = pytest.mark.django_db
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")

GOOD = """BEGIN:VEVENT\r
UID:good@example.org\r
SUMMARY:Hyvä tapahtuma\r
DTSTART:20270203T093000Z\r
DTEND:20270203T110000Z\r
DTSTAMP:20261101T080000Z\r
END:VEVENT\r
"""


def vevent(summary="Huono tapahtuma", uid="bad@example.org", **lines):
    """One VEVENT; keyword arguments replace or add its properties (DTEND="abc")."""
    properties = {
        "UID": uid,
        "SUMMARY": summary,
        "DTSTART": "20270210T093000Z",
        "DTEND": "20270210T110000Z",
        "DTSTAMP": "20261101T080000Z",
        **{name.replace("_", "-"): value for name, value in lines.items()},
    }
    body = "".join(f"{name}:{value}\r\n" for name, value in properties.items() if value)
    return f"BEGIN:VEVENT\r\n{body}END:VEVENT\r\n"


def calendar(*events):
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        + "".join(events)
        + ("END:VCALENDAR\r\n")
    )


@pytest.fixture
def event_type():
    return EventTypeFactory()


def upload(client, index, event_type, text, name="ohjelma.ics"):
    data = text if isinstance(text, bytes) else text.encode()
    return client.post(
        reverse("events_import_ics"),
        {
            "file": SimpleUploadedFile(name, data, "text/calendar"),
            "parent": index.pk,
            "event_type": event_type.pk,
        },
    )


def rejected(report):
    return dict(report.rejected)


@pytest.mark.parametrize("sequence", ["abc", "-1", "2147483648", "99999999999999999999"])
def test_sequence_that_is_not_a_small_whole_number_is_a_report_line(
    admin_client, index, event_type, sequence
):
    response = upload(admin_client, index, event_type, calendar(GOOD, vevent(SEQUENCE=sequence)))

    assert response.status_code == 200
    reason = rejected(response.context["report"])["Huono tapahtuma"]
    assert "SEQUENCE" in reason and sequence in reason
    assert list(EventPage.objects.values_list("title", flat=True)) == ["Hyvä tapahtuma"]


def test_unreadable_end_is_a_report_line(admin_client, index, event_type):
    response = upload(admin_client, index, event_type, calendar(vevent(DTEND="abc"), GOOD))

    assert response.status_code == 200
    reason = rejected(response.context["report"])["Huono tapahtuma"]
    assert "DTEND" in reason and "abc" in reason
    assert list(EventPage.objects.values_list("title", flat=True)) == ["Hyvä tapahtuma"]


@pytest.mark.parametrize(("duration", "expected"), [("abc", "DURATION"), ("P999999999D", "2100")])
def test_unreadable_or_endless_duration_is_a_report_line(index, event_type, duration, expected):
    report = import_calendar(
        calendar(vevent(DTEND="", DURATION=duration)).encode(),
        parent=index,
        event_type=event_type,
    )

    assert expected in rejected(report)["Huono tapahtuma"]
    assert not EventPage.objects.exists()


@pytest.mark.parametrize(
    "times",
    [
        {"DTSTART": "20270210T110000Z", "DTEND": "20270210T093000Z"},
        {
            "DTSTART;VALUE=DATE": "20270210",
            "DTSTART": "",
            "DTEND;VALUE=DATE": "20270208",
            "DTEND": "",
        },
    ],
    ids=["timed", "all_day"],
)
def test_end_before_start_is_a_report_line(index, event_type, times):
    report = import_calendar(
        calendar(vevent(**times)).encode(), parent=index, event_type=event_type
    )

    assert "Huono tapahtuma" in rejected(report)
    assert not EventPage.objects.exists()


@pytest.mark.parametrize(
    "times",
    [
        {"DTSTART": "99991231T090000Z", "DTEND": "99991231T110000Z"},
        {"DTSTART;VALUE=DATE": "99991231", "DTSTART": "", "DTEND": ""},
        {"DTSTART": "19990101T090000Z", "DTEND": "19990101T110000Z"},
        {"DTEND": "99990101T110000Z"},
    ],
    ids=["year_9999", "all_day_9999", "year_1999", "end_9999"],
)
def test_dates_outside_2000_to_2100_are_a_report_line(admin_client, index, event_type, times):
    response = upload(admin_client, index, event_type, calendar(vevent(**times)))

    assert response.status_code == 200
    reason = rejected(response.context["report"])["Huono tapahtuma"]
    assert "2000" in reason and "2100" in reason
    assert not EventPage.objects.exists()


def test_report_lines_are_in_the_editors_language(index, event_type):
    with translation.override("sv"):
        report = import_calendar(
            calendar(vevent(SEQUENCE="abc")).encode(), parent=index, event_type=event_type
        )

    assert "versionsnummer" in rejected(report)["Huono tapahtuma"]


def test_changed_occurrence_updates_the_imported_event(index, event_type):
    moved = vevent(
        summary="Siirretty tapahtuma",
        uid="good@example.org",
        RECURRENCE_ID="20270203T093000Z",
        DTSTART="20270204T093000Z",
        DTEND="20270204T110000Z",
        SEQUENCE="1",
    )

    report = import_calendar(calendar(GOOD, moved).encode(), parent=index, event_type=event_type)

    event = EventPage.objects.get()
    assert [title for title, _ in report.created] == ["Hyvä tapahtuma"]
    assert [title for title, _ in report.updated] == ["Siirretty tapahtuma"]
    assert event.get_latest_revision_as_object().start == datetime.datetime(
        2027, 2, 4, 9, 30, tzinfo=datetime.UTC
    )
    assert ImportedEvent.objects.count() == 1


def test_changed_occurrence_of_an_event_not_imported_is_reported(index, event_type):
    report = import_calendar(
        calendar(vevent(RECURRENCE_ID="20270210T093000Z")).encode(),
        parent=index,
        event_type=event_type,
    )

    assert "RECURRENCE-ID" in rejected(report)["Huono tapahtuma"]
    assert not EventPage.objects.exists()


def test_changed_occurrence_that_the_imported_event_does_not_have_is_reported(index, event_type):
    other_day = vevent(uid="good@example.org", RECURRENCE_ID="20270301T093000Z", SEQUENCE="1")

    report = import_calendar(
        calendar(GOOD, other_day).encode(), parent=index, event_type=event_type
    )

    assert "RECURRENCE-ID" in rejected(report)["Huono tapahtuma"]
    assert EventPage.objects.get().start == datetime.datetime(
        2027, 2, 3, 9, 30, tzinfo=datetime.UTC
    )


def test_crash_midway_leaves_nothing_of_the_file(index, event_type, monkeypatch):
    saved = []
    create = ImportedEvent.objects.create

    def create_then_crash(**fields):
        if saved:
            raise RuntimeError("database went away")
        saved.append(create(**fields))
        return saved[-1]

    monkeypatch.setattr(ImportedEvent.objects, "create", create_then_crash)

    with pytest.raises(RuntimeError):
        import_calendar(
            calendar(GOOD, vevent(uid="second@example.org")).encode(),
            parent=index,
            event_type=event_type,
        )

    assert not EventPage.objects.exists()
    assert not ImportedEvent.objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("kuva.png", b"\x89PNG\r\n\x1a\n not a calendar"),
        ("tyhja.ics", b""),
        ("iso.ics", calendar(GOOD).encode() + b" " * MAX_IMPORT_BYTES),
        ("rikki.ics", b"BEGIN:VCALENDAR\r\n\xff\xfe garbage\r\nEND:VEVENT\r\n"),
        ("ei-tapahtumia.ics", calendar().encode()),
    ],
    ids=["not_icalendar", "empty", "over_size_limit", "broken", "no_events"],
)
def test_file_that_cannot_be_imported_is_a_clear_message(
    admin_client, index, event_type, name, data
):
    response = upload(admin_client, index, event_type, data, name=name)

    form, report = response.context["form"], response.context["report"]
    # A file refused as a whole is a 400; a file whose events are refused, a report.
    assert response.status_code == (400 if form.errors else 200)
    assert form.errors.get("file") or (report.rejected and not report.created)
    assert not EventPage.objects.exists()


def test_import_limits_the_number_of_events(index, event_type, monkeypatch):
    monkeypatch.setattr(ical_import, "MAX_EVENTS", 1)

    report = import_calendar(calendar(GOOD, vevent()).encode(), parent=index, event_type=event_type)

    assert len(report.created) == 1 and "Huono tapahtuma" in rejected(report)


@pytest.mark.parametrize("prop", ["SUMMARY", "DESCRIPTION", "UID", "LOCATION"])
def test_a_nul_character_in_a_text_property_is_a_report_line(admin_client, index, event_type, prop):
    """PostgreSQL refuses NUL in text: the import raised DataError, a 500."""
    bad = vevent(uid="nul@example.org", **{prop: "Kirjasto\x00sali"})
    if prop == "SUMMARY":
        bad = bad.replace("SUMMARY:Huono tapahtuma", "SUMMARY:Huono\x00tapahtuma")

    response = upload(admin_client, index, event_type, calendar(GOOD, bad))

    assert response.status_code == 200
    report = response.context["report"]
    assert [title for title, _event in report.created] == ["Hyvä tapahtuma"]
    [(label, reason)] = report.rejected
    assert "NUL" in reason and prop in reason
    assert "\x00" not in label
    assert not ImportedEvent.objects.filter(uid__contains="nul").exists()
    assert EventPage.objects.count() == 1


@pytest.mark.parametrize(
    "times",
    [
        {"DTSTART;VALUE=DATE": "20270210", "DTSTART": None, "DTEND": "20270211T100000Z"},
        {"DTEND;VALUE=DATE": "20270211", "DTEND": None},
    ],
    ids=["date_start_datetime_end", "datetime_start_date_end"],
)
def test_a_date_paired_with_a_date_and_time_is_a_report_line(
    admin_client, index, event_type, times
):
    """A DATE DTSTART with a DATE-TIME DTEND raised TypeError, a 500."""
    response = upload(admin_client, index, event_type, calendar(vevent(**times)))

    assert response.status_code == 200
    [(label, reason)] = response.context["report"].rejected
    assert label == "Huono tapahtuma" and "DTSTART" in reason and "DTEND" in reason
    assert not EventPage.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_with_400(admin_client, index, event_type):
    data = calendar(GOOD).replace("Hyvä", "Hyv\udce4").encode("utf-8", "surrogateescape")

    response = upload(admin_client, index, event_type, data)

    assert response.status_code == 400
    assert "UTF-8" in str(response.context["form"].errors["file"])
    assert not EventPage.objects.exists()
