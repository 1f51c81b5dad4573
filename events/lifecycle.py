"""What happens to an event that editors unpublish or try to delete.

Withdrawing is one act for the whole event: unpublishing (or deleting) the page of any
language records the withdrawal on the event's one record, unpublishes its other
languages, raises its SEQUENCE, sends every registrant (confirmed or waiting) a
cancellation with METHOD:CANCEL, and keeps the event in feeds as STATUS:CANCELLED for
FEED_DAYS so subscribed calendars drop it. The pages keep answering, saying that the
event was cancelled, so links in e-mails and calendars still lead somewhere.
Registrations stay: they point at the record, which no page deletion removes."""

import datetime

from django.db.models import Q
from django.utils import timezone

from events.calendars.state import bump_sequence
from events.models import Event, EventPage, Registration
from events.registrations import services

FEED_DAYS = 30


def active_registrations(page):
    """The people withdrawing this event tells, in any language (the registrants'
    change notice: services.change_recipients)."""
    return services.change_recipients(page.event_id)


def registrations_below(page):
    """Registrations of the events at or below `page`."""
    events = EventPage.objects.filter(path__startswith=page.path).values("event_id")
    return Registration.objects.filter(event_id__in=events)


def other_languages(page):
    """The event's other live pages, which withdrawing it unpublishes too."""
    return EventPage.objects.live().filter(event_id=page.event_id).exclude(pk=page.pk)


def withdraw(page, now=None):
    """Mark the event cancelled for calendars and tell its registrants, once; returns
    the new SEQUENCE, or None when there was nothing to do."""
    event = Event.objects.get(pk=page.event_id)
    if event.has_ended or event.withdrawn_at is not None:
        return None
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        # Registrants and calendars already heard of the cancellation: no second one.
        Event.objects.filter(pk=event.pk).update(withdrawn_at=now)
        return event.sequence
    return bump_sequence(event, withdrawn_at=now)


def feed_window_filter(now=None):
    """Which pages feeds list besides live ones: those withdrawn in the last FEED_DAYS."""
    since = (now or timezone.now()) - datetime.timedelta(days=FEED_DAYS)
    return Q(event__withdrawn_at__gte=since)
