"""Keeps each event's one calendar SEQUENCE in step with what calendar programs must know."""

import django.dispatch
from django.db import transaction
from django.db.models import F
from django.dispatch import receiver

from wagtail.signals import page_published

from events.models import Event, EventPage

# Sent after a published event's time, place, status or join link changed, or after it
# was withdrawn; receivers (the registrants' update or cancellation e-mail) get the
# event record and its new sequence.
event_schedule_changed = django.dispatch.Signal()


def bump_sequence(event, **changes):
    """Raise the event record's SEQUENCE (and store `changes` with it), then tell
    receivers once the transaction commits."""
    Event.objects.filter(pk=event.pk).update(sequence=F("sequence") + 1, **changes)
    sequence = Event.objects.values_list("sequence", flat=True).get(pk=event.pk)
    transaction.on_commit(
        lambda: event_schedule_changed.send(sender=Event, event=event, sequence=sequence)
    )
    return sequence


@receiver(page_published)
def track_calendar_changes(sender, instance, **kwargs):
    """Publishing any language's page may have changed the one record: when what
    calendars show changed, or a withdrawn event comes back, SEQUENCE rises once."""
    if not isinstance(instance, EventPage):
        return
    event = Event.objects.get(pk=instance.event_id)
    fingerprint = event.schedule_fingerprint()
    if not event.fingerprint:  # published for the first time: nobody to tell yet
        Event.objects.filter(pk=event.pk).update(fingerprint=fingerprint)
        return
    if event.fingerprint == fingerprint and event.withdrawn_at is None:
        return
    bump_sequence(event, fingerprint=fingerprint, withdrawn_at=None)
