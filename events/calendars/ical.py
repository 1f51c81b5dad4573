"""The one module that builds iCalendar (RFC 5545) data: public feeds, the .ics file on
each event page and the invitations e-mailed to registrants all come from here, so an
event has the same UID and SEQUENCE wherever a calendar program meets it."""

import datetime

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from icalendar import Calendar, Event, vText

PRODID = "-//Sokra//Osallisuusverkosto//FI"
TIMEZONE = "Europe/Helsinki"


def new_calendar(*, method="PUBLISH", name=None, refresh_hours=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-timezone", TIMEZONE)
    if name:
        calendar.add("x-wr-calname", name)
    if refresh_hours:
        # RFC 7986 requires the VALUE=DURATION parameter on REFRESH-INTERVAL.
        calendar.add(
            "refresh-interval",
            datetime.timedelta(hours=refresh_hours),
            parameters={"VALUE": "DURATION"},
        )
        calendar.add("x-published-ttl", f"PT{refresh_hours}H")
    return calendar


def event_component(event, *, url, sequence=0, join_url="", status=None, categories=()):
    """A VEVENT for `event`. `join_url` is added only when the caller passes it: public
    feeds never do, registrants' invitations do."""
    component = Event()
    component.add("uid", event.calendar_uid)
    component.add("dtstamp", timezone.now())
    component.add("sequence", sequence)
    component.add("summary", event.title)
    if event.all_day:
        first_day, day_after = event.calendar_dates
        component.add("dtstart", first_day)
        component.add("dtend", day_after)
    else:
        component.add("dtstart", event.local_start)
        component.add("dtend", event.local_end)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    component.add("status", status or ("CANCELLED" if event.is_cancelled else "CONFIRMED"))
    component.add("url", url)
    component.add("description", _description(event, url, join_url))
    location = join_url if join_url and not event.is_onsite else event.location_text
    if location:
        component.add("location", vText(location))
    if categories:
        component.add("categories", list(categories))
    return component


def _description(event, url, join_url):
    lines = [strip_tags(event.lead)]
    if join_url:
        lines.append(_("Join online: %(url)s") % {"url": join_url})
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


def to_ical(calendar):
    """Bytes with CRLF line endings, folded lines and the VTIMEZONE the events use."""
    calendar.add_missing_timezones()
    return calendar.to_ical()


def invitation(
    event,
    *,
    url,
    sequence,
    attendee_email,
    attendee_name,
    organizer_email,
    join_url="",
    method="REQUEST",
):
    """An iTIP message (RFC 5546) for one registrant: METHOD:REQUEST adds or updates the
    event in their calendar, METHOD:CANCEL removes it. UID and SEQUENCE are the public
    feeds' own, so the calendar program treats it as the same event."""
    from icalendar import vCalAddress

    calendar = new_calendar(method=method)
    status = "CANCELLED" if method == "CANCEL" or event.is_cancelled else None
    component = event_component(event, url=url, sequence=sequence, join_url=join_url, status=status)
    organizer = vCalAddress(f"mailto:{organizer_email}")
    organizer.params["cn"] = vText(_("Osallisuusverkosto"))
    component.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{attendee_email}")
    attendee.params["cn"] = vText(attendee_name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("ACCEPTED" if method == "REQUEST" else "DECLINED")
    attendee.params["rsvp"] = vText("FALSE")
    component.add("attendee", attendee, encode=0)
    calendar.add_component(component)
    return to_ical(calendar)
