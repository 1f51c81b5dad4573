"""The e-mails registrants get, in the language they registered in, as HTML and plain
text, with the calendar invitation attached where their calendar should change.

`render` returns the finished message as the keyword arguments of
`cms.outbox.queue_email`; every link in it is absolute from BASE_URL (`cms.links`)."""

from email.utils import parseaddr

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from cms.links import page_url
from events.calendars import ical
from events.formatting import event_when
from events.models import EmailDelivery
from events.registrations.links import manage_url

Kind = EmailDelivery.Kind

# Which invitation, if any, each kind of e-mail carries.
INVITATION_METHODS = {
    Kind.CONFIRMATION: "REQUEST",
    Kind.PROMOTED: "REQUEST",
    Kind.REMINDER: "REQUEST",
    Kind.CANCELLED: "CANCEL",
    Kind.EVENT_CANCELLED: "CANCEL",
}


def _subject_and_intro(kind, title, when, position, subject="", body=""):
    texts = {
        Kind.CONFIRMATION: (
            _("Registration confirmed: %(title)s"),
            _("Thank you for registering. Your seat is confirmed."),
        ),
        Kind.WAITING: (
            _("You are on the waiting list: %(title)s"),
            _(
                "The event is full, so you are on the waiting list in position %(position)s. "
                "If a seat frees up, it is yours and we will tell you by e-mail."
            ),
        ),
        Kind.PROMOTED: (
            _("A seat is now yours: %(title)s"),
            _("A seat freed up and you have moved from the waiting list to a confirmed seat."),
        ),
        Kind.LINK: (
            _("Your registration: %(title)s"),
            _("You are already registered for this event. Here is your personal link again."),
        ),
        Kind.CANCELLED: (
            _("Registration cancelled: %(title)s"),
            _("Your registration has been cancelled. You are welcome to register again."),
        ),
        Kind.REMINDER: (
            _("Reminder: %(title)s, %(when)s"),
            _("A reminder: the event you registered for starts soon."),
        ),
        Kind.UPDATE: (
            _("Changed: %(title)s"),
            _("The time or place of the event has changed. The details below are up to date."),
        ),
        Kind.EVENT_CANCELLED: (
            _("Cancelled: %(title)s"),
            _("We are sorry: the event has been cancelled."),
        ),
    }
    values = {"title": title, "when": when, "position": position}
    if kind == Kind.MESSAGE:
        return subject, body
    subject, intro = texts[kind]
    return subject % values, intro % values


def render(registration, kind, *, subject="", body=""):
    """The e-mail of `kind` to one registrant, rendered now in their language."""
    event = registration.event
    with override(registration.language):
        shown = registration.page
        when = event_when(event)
        subject, intro = _subject_and_intro(
            kind, shown.title, when, registration.waiting_position(), subject, body
        )
        show_join = (
            registration.is_confirmed
            and event.is_online
            and not event.is_cancelled
            and kind not in (Kind.CANCELLED, Kind.EVENT_CANCELLED, Kind.WAITING)
        )
        context = {
            "kind": kind,
            "registration": registration,
            "event": shown,
            "intro": intro,
            "when": when,
            "event_url": page_url(shown),
            "manage_url": manage_url(registration),
            "join_url": event.online_join_url if show_join else "",
        }
        text = render_to_string("events/emails/registration.txt", context)
        html = render_to_string("events/emails/registration.html", context)
        method = _invitation_method(kind, registration)
        attachments = [_invitation(event, shown, registration, method, context)] if method else []
    return {
        "to": registration.email,
        "subject": subject,
        "text": text,
        "html": html,
        "attachments": attachments,
        "language": registration.language,
    }


def _invitation_method(kind, registration):
    if kind in (Kind.LINK, Kind.UPDATE):
        # Only a seat goes in the calendar; the waiting list hears of changes in words.
        return "REQUEST" if registration.is_confirmed else None
    return INVITATION_METHODS.get(kind)


def _invitation(event, shown, registration, method, context):
    """The .ics as text/calendar with the iTIP method in the MIME parameters too, as
    Outlook and Gmail look there to offer "add to calendar"."""
    organizer = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    data = ical.invitation(
        shown,
        url=context["event_url"],
        sequence=event.sequence,
        attendee_email=registration.email,
        attendee_name=registration.name,
        organizer_email=organizer,
        join_url=context["join_url"],
        method=method,
    )
    return ("invite.ics", data.decode(), f"text/calendar; method={method}")
