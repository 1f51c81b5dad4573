"""The e-mails registrants get, in the language they registered in, as HTML and plain
text, with the calendar invitation attached where their calendar should change."""

from email.mime.text import MIMEText
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from cms.links import page_url
from events import ical
from events.formatting import event_when
from events.links import manage_url
from events.models import CalendarState, EmailDelivery

Kind = EmailDelivery.Kind

# Which invitation, if any, each kind of e-mail carries.
INVITATION_METHODS = {
    Kind.CONFIRMATION: "REQUEST",
    Kind.PROMOTED: "REQUEST",
    Kind.REMINDER: "REQUEST",
    Kind.UPDATE: "REQUEST",
    Kind.CANCELLED: "CANCEL",
    Kind.EVENT_CANCELLED: "CANCEL",
}


def _subject_and_intro(delivery, title, when, position):
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
    if delivery.kind == Kind.MESSAGE:
        return delivery.subject, delivery.body
    subject, intro = texts[delivery.kind]
    return subject % values, intro % values


def calendar_sequence(event):
    state = CalendarState.objects.filter(event=event).first()
    return state.sequence if state else 0


def build_message(delivery):
    registration = delivery.registration
    event = registration.event.specific
    with override(registration.language):
        shown = event.in_language(registration.language)
        when = event_when(event)
        subject, intro = _subject_and_intro(
            delivery, shown.title, when, registration.waiting_position()
        )
        show_join = (
            registration.is_confirmed
            and event.is_online
            and not event.is_cancelled
            and delivery.kind not in (Kind.CANCELLED, Kind.EVENT_CANCELLED, Kind.WAITING)
        )
        context = {
            "delivery": delivery,
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
        method = INVITATION_METHODS.get(delivery.kind)
        if delivery.kind == Kind.LINK and registration.is_confirmed:
            method = "REQUEST"
        invitation = (
            _invitation_part(event, shown, registration, method, context) if method else None
        )
    message = EmailMultiAlternatives(subject, text, to=[registration.email])
    message.attach_alternative(html, "text/html")
    if invitation:
        message.attach(invitation)
    return message


def _invitation_part(event, shown, registration, method, context):
    """The .ics as text/calendar with the iTIP method in the MIME parameters too, as
    Outlook and Gmail look there to offer "add to calendar"."""
    organizer = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    data = ical.invitation(
        shown,
        url=context["event_url"],
        sequence=calendar_sequence(event),
        attendee_email=registration.email,
        attendee_name=registration.name,
        organizer_email=organizer,
        join_url=context["join_url"],
        method=method,
    )
    part = MIMEText(data.decode(), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="invite.ics")
    return part
