"""Import events from an iCalendar file into draft event pages, with a report.

A partner's programme often comes from Outlook, whose files name time zones the
Windows way ("FLE Standard Time"); icalendar maps those to IANA zones when it reads
DTSTART and DTEND. An event whose UID was imported before updates its page when the
file has a newer SEQUENCE or LAST-MODIFIED, and is left alone otherwise."""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from icalendar import Calendar

from events.models import EventPage, ImportedEvent

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
MAX_EVENTS = 500


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
    for number, component in enumerate(calendar.walk("VEVENT"), start=1):
        summary = str(component.get("SUMMARY", "")).strip()
        label = summary or _("Event %(number)s") % {"number": number}
        if number > MAX_EVENTS:
            report.rejected.append(
                (label, _("Only %(count)s events are read from one file.") % {"count": MAX_EVENTS})
            )
            continue
        try:
            outcome, event = _import_event(component, parent, event_type, user)
        except Rejected as reason:
            report.rejected.append((label, str(reason)))
            continue
        getattr(report, outcome).append((event.title, event))
    return report


def _as_datetime(value, *, end=False):
    """A timezone-aware datetime from a DTSTART/DTEND value; floating times are Helsinki's."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            return value.replace(tzinfo=HELSINKI)
        return value
    moment = datetime.datetime.combine(value, datetime.time.min, tzinfo=HELSINKI)
    # An all-day DTEND is exclusive; the page stores the last day itself.
    return moment - datetime.timedelta(days=1) if end else moment


def _times(component):
    if "DTSTART" not in component:
        raise Rejected(_("It has no start time (DTSTART)."))
    try:
        start_value = component.decoded("DTSTART")
        if "DTEND" in component:
            end_value = component.decoded("DTEND")
        elif "DURATION" in component:
            end_value = start_value + component.decoded("DURATION")
        else:
            end_value = start_value + (
                datetime.timedelta(days=1)
                if not isinstance(start_value, datetime.datetime)
                else datetime.timedelta(0)
            )
    except (ValueError, TypeError) as error:
        raise Rejected(_("Its time could not be read: %(error)s") % {"error": error}) from error
    all_day = not isinstance(start_value, datetime.datetime)
    start = _as_datetime(start_value)
    end = _as_datetime(end_value, end=True) if all_day else _as_datetime(end_value)
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
def _import_event(component, parent, event_type, user):
    uid = str(component.get("UID", "")).strip()[:255]
    if not uid:
        raise Rejected(_("It has no UID, so a later import could not update it."))
    fields = _fields(component, event_type)
    sequence = int(component.get("SEQUENCE", 0) or 0)
    last_modified = _last_modified(component)
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
    event = source.event.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(event, name, value)
    event.save_revision(user=user)
    source.sequence = max(sequence, source.sequence)
    source.last_modified = last_modified or source.last_modified
    source.save()
    return "updated", event


def _free_slug(parent, slug):
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
