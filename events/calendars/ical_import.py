"""Import events from an iCalendar file into draft event pages, with a report.

A partner's programme often comes from Outlook, whose files name time zones the
Windows way ("FLE Standard Time"); icalendar maps those to IANA zones when it reads
DTSTART and DTEND. An event whose UID was imported before updates its page when the
file has a newer SEQUENCE or LAST-MODIFIED, and is left alone otherwise. A VEVENT with
RECURRENCE-ID changes one occurrence: it updates the imported event it names, never
becomes an event of its own.

Every property is checked before anything is saved, so a bad value is a line in the
report (which event, what is wrong), not an error page. The file is read in one
transaction: if saving fails half-way, nothing of the file is kept."""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from icalendar import Calendar

from events import event_dates
from events.models import EventPage, ImportedEvent

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
MAX_EVENTS = 500
# ImportedEvent.sequence is a PositiveIntegerField: 32 bits on every database.
MAX_SEQUENCE = 2**31 - 1


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.created) + len(self.updated) + len(self.unchanged) + len(self.rejected)


class Rejected(Exception):
    """An event that cannot become an event page; the message says why."""


def import_calendar(data, *, parent, event_type, user=None):
    """Read `data` (bytes of an .ics file) and save its events as drafts under `parent`."""
    report = ImportReport()
    try:
        calendar = Calendar.from_ical(data)
    except ValueError as error:
        report.rejected.append(("", _("The file could not be read: %(error)s") % {"error": error}))
        return report
    components = calendar.walk("VEVENT")
    if not components:
        report.rejected.append(("", _("The file holds no events (VEVENT).")))
    # Changed occurrences come last, so they find the event they change in this file.
    numbered = sorted(enumerate(components, start=1), key=lambda item: "RECURRENCE-ID" in item[1])
    starts = {}
    with transaction.atomic():
        for number, component in numbered:
            _import_one(report, number, component, starts, parent, event_type, user)
    return report


def _import_one(report, number, component, starts, parent, event_type, user):
    """Import one VEVENT and put it in the report; `starts` maps the UIDs imported from
    this file to their DTSTART, the occurrence a RECURRENCE-ID names."""
    summary = str(component.get("SUMMARY", "")).replace("\x00", "").strip()
    label = summary or _("Event %(number)s") % {"number": number}
    if number > MAX_EVENTS:
        report.rejected.append(
            (label, _("Only %(count)s events are read from one file.") % {"count": MAX_EVENTS})
        )
        return
    try:
        _check_text(component)
        if "RECURRENCE-ID" in component:
            outcome, event = _import_change(component, starts, event_type, user)
        else:
            outcome, event = _import_event(component, starts, parent, event_type, user)
    except Rejected as reason:
        report.rejected.append((label, str(reason)))
        return
    getattr(report, outcome).append((event.title, event))


def _check_text(component):
    """No property may hold a NUL character: PostgreSQL cannot store one in text."""
    for name, value in component.property_items(recursive=False, sorted=False):
        values = value if isinstance(value, list) else [value]
        if any("\x00" in str(item) for item in values):
            raise Rejected(
                _("Its %(property)s contains a NUL character, which no text may hold.")
                % {"property": name}
            )


def _as_datetime(value, *, end=False):
    """A timezone-aware datetime from a DTSTART/DTEND value; floating times are Helsinki's."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            return value.replace(tzinfo=HELSINKI)
        return value
    moment = datetime.datetime.combine(value, datetime.time.min, tzinfo=HELSINKI)
    # An all-day DTEND is exclusive; the page stores the last day itself.
    return moment - datetime.timedelta(days=1) if end else moment


def _moment(component, name, unreadable):
    """The date or datetime of property `name`, checked to be one and in the years events
    may have. icalendar keeps an unreadable value as text (or a list, when repeated)."""
    value = component.decoded(name)
    if not isinstance(value, datetime.date):
        raise Rejected(unreadable % {"value": component.get(name)})
    if not event_dates.in_range(value):
        raise Rejected(
            _("%(property)s is %(value)s.") % {"property": name, "value": value.isoformat()}
            + " "
            + event_dates.out_of_range_message()
        )
    return value


def _end_value(component, start_value):
    if "DTEND" in component:
        return _moment(component, "DTEND", _("Its end (DTEND) is not a date or time: “%(value)s”."))
    if "DURATION" in component:
        duration = component.decoded("DURATION")
        if not isinstance(duration, datetime.timedelta):
            raise Rejected(
                _("Its length (DURATION) could not be read: “%(value)s”.")
                % {"value": component.get("DURATION")}
            )
        try:
            end_value = start_value + duration
        except OverflowError:
            end_value = datetime.date.max
        if not event_dates.in_range(end_value):
            raise Rejected(event_dates.out_of_range_message())
        return end_value
    if isinstance(start_value, datetime.datetime):
        return start_value
    return start_value + datetime.timedelta(days=1)


def _times(component):
    if "DTSTART" not in component:
        raise Rejected(_("It has no start time (DTSTART)."))
    start_value = _moment(
        component, "DTSTART", _("Its start (DTSTART) is not a date or time: “%(value)s”.")
    )
    end_value = _end_value(component, start_value)
    all_day = not isinstance(start_value, datetime.datetime)
    if all_day == isinstance(end_value, datetime.datetime):
        raise Rejected(
            _(
                "Its start (DTSTART) and end (DTEND) must both be dates or both be dates "
                "with a time; one is a date and the other a date with a time."
            )
        )
    start = _as_datetime(start_value)
    end = _as_datetime(end_value, end=True) if all_day else _as_datetime(end_value)
    if all_day and end_value < start_value:
        raise Rejected(_("It ends before it starts."))
    if all_day:
        end = max(end, start)
    elif end <= start:
        raise Rejected(_("It ends before it starts or has no length."))
    return start, end, all_day


def _last_modified(component):
    for name in ("LAST-MODIFIED", "DTSTAMP"):
        if name in component:
            value = component.decoded(name)
            if isinstance(value, datetime.datetime):
                return value if timezone.is_aware(value) else value.replace(tzinfo=datetime.UTC)
    return None


def _uid(component):
    uid = str(component.get("UID", "")).strip()[:255]
    if not uid:
        raise Rejected(_("It has no UID, so a later import could not update it."))
    return uid


def _sequence(component):
    """SEQUENCE as the whole number ImportedEvent can store; icalendar keeps a bad one
    as text."""
    value = component.get("SEQUENCE", 0)
    if not isinstance(value, int) or not 0 <= value <= MAX_SEQUENCE:
        raise Rejected(
            _("Its version number (SEQUENCE) is not a whole number from 0 to %(max)s: “%(value)s”.")
            % {"max": MAX_SEQUENCE, "value": value}
        )
    return value


def _fields(component, event_type):
    title = strip_tags(str(component.get("SUMMARY", ""))).strip()[:255]
    if not title:
        raise Rejected(_("It has no title (SUMMARY)."))
    if component.get("RRULE"):
        raise Rejected(_("Repeating events are not imported; add each occurrence separately."))
    start, end, all_day = _times(component)
    description = strip_tags(str(component.get("DESCRIPTION", ""))).strip()
    location = strip_tags(str(component.get("LOCATION", ""))).strip()[:200]
    status = str(component.get("STATUS", "")).upper()
    return {
        "title": title,
        "lead": Truncator(" ".join(description.split())).chars(600) or title,
        "event_type": event_type,
        "start": start,
        "end": end,
        "all_day": all_day,
        "status": EventPage.Status.CANCELLED
        if status == "CANCELLED"
        else EventPage.Status.SCHEDULED,
        "attendance_mode": EventPage.AttendanceMode.ONSITE
        if location
        else EventPage.AttendanceMode.ONLINE,
        "venue_name": location,
    }


@transaction.atomic
def _import_event(component, starts, parent, event_type, user):
    uid = _uid(component)
    fields = _fields(component, event_type)
    sequence = _sequence(component)
    last_modified = _last_modified(component)
    starts[uid] = fields["start"]
    source = ImportedEvent.objects.select_related("event").filter(uid=uid).first()
    if source is None:
        slug = slugify(fields["title"])[:70].strip("-") or "tapahtuma"
        event = EventPage(slug=_free_slug(parent, slug), live=False, **fields)
        parent.add_child(instance=event)
        event.save_revision(user=user)
        ImportedEvent.objects.create(
            uid=uid, event=event, sequence=sequence, last_modified=last_modified
        )
        return "created", event
    newer = sequence > source.sequence or (
        last_modified and (source.last_modified is None or last_modified > source.last_modified)
    )
    if not newer:
        return "unchanged", source.event
    return "updated", _update(source, fields, sequence, last_modified, user)


@transaction.atomic
def _import_change(component, starts, event_type, user):
    """Apply a changed occurrence (RECURRENCE-ID) to the event imported with its UID,
    when it names that event's start; it is never an event of its own."""
    uid = _uid(component)
    occurrence = _as_datetime(
        _moment(
            component,
            "RECURRENCE-ID",
            _("Its changed occurrence (RECURRENCE-ID) is not a date or time: “%(value)s”."),
        )
    )
    source = ImportedEvent.objects.select_related("event").filter(uid=uid).first()
    if source is None:
        raise Rejected(
            _(
                "It changes one occurrence (RECURRENCE-ID) of an event that has not been "
                "imported, so it was not imported either."
            )
        )
    event = source.event.get_latest_revision_as_object()
    if occurrence != starts.get(uid, event.start):
        raise Rejected(
            _(
                "It changes an occurrence (RECURRENCE-ID %(moment)s) that the imported "
                "event does not have."
            )
            % {"moment": occurrence.isoformat()}
        )
    fields = _fields(component, event_type)
    sequence = _sequence(component)
    last_modified = _last_modified(component)
    older = sequence < source.sequence or (
        last_modified and source.last_modified and last_modified < source.last_modified
    )
    if older or all(getattr(event, name) == value for name, value in fields.items()):
        return "unchanged", source.event
    return "updated", _update(source, fields, sequence, last_modified, user)


def _update(source, fields, sequence, last_modified, user):
    """Save `fields` as a new draft revision of the imported event and remember the version."""
    event = source.event.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(event, name, value)
    event.save_revision(user=user)
    source.sequence = max(sequence, source.sequence)
    source.last_modified = last_modified or source.last_modified
    source.save()
    return event


def _free_slug(parent, slug):
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
