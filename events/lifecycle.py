"""What happens to an event that editors unpublish or try to delete.

Unpublishing the page that owns an event's facts withdraws the event: its one
calendar state records when, its SEQUENCE rises, every registrant (confirmed or
waiting) is sent a cancellation with METHOD:CANCEL, and the feeds keep it as
STATUS:CANCELLED for FEED_DAYS so subscribed calendars drop it. Its registrations
stay: `Registration.event` protects them, and the admin offers to withdraw an event
with registrations instead of deleting it."""

import datetime

from django.utils import timezone

from events.calendars.state import bump_sequence
from events.models import CalendarState, EventPage, Registration

FEED_DAYS = 30


def active_registrations(page):
    """Registrations with a seat or a queue place on this event, in any language."""
    return Registration.objects.active().filter(event__translation_key=page.translation_key)


def registrations_below(page):
    """Registrations of the events at or below `page` (deleting it deletes them)."""
    events = EventPage.objects.filter(path__startswith=page.path)
    return Registration.objects.filter(event__translation_key__in=events.values("translation_key"))


def withdraw(event, now=None):
    """Mark the event cancelled for calendars and tell its registrants, once."""
    if event.has_ended or not event.is_fact_owner():
        return None
    state, _ = CalendarState.objects.get_or_create(translation_key=event.translation_key)
    if state.withdrawn_at is not None:
        return None
    now = now or timezone.now()
    if event.status == EventPage.Status.CANCELLED:
        # Registrants and calendars already heard of the cancellation: no second one.
        CalendarState.objects.filter(pk=state.pk).update(withdrawn_at=now)
        return state.sequence
    return bump_sequence(event, withdrawn_at=now)


def feed_window_filter(now=None):
    """Which pages feeds list besides live ones: those withdrawn in the last FEED_DAYS."""
    since = (now or timezone.now()) - datetime.timedelta(days=FEED_DAYS)
    return {"state_withdrawn_at__gte": since}
