"""Keeps each event's one calendar SEQUENCE in step with what calendar programs must know."""

import django.dispatch
from django.db import transaction
from django.db.models import F
from django.dispatch import receiver

from wagtail.signals import page_published

from events.models import CalendarState, EventPage

# Sent after a published event's time, place, status or join link changed, or after it
# was withdrawn; receivers (the registrants' update or cancellation e-mail) get the
# event and its new sequence.
event_schedule_changed = django.dispatch.Signal()


def bump_sequence(event, **changes):
    """Raise the event's SEQUENCE (and store `changes` with it), then tell receivers
    once the transaction commits."""
    state, _ = CalendarState.objects.get_or_create(translation_key=event.translation_key)
    CalendarState.objects.filter(pk=state.pk).update(sequence=F("sequence") + 1, **changes)
    state.refresh_from_db()
    transaction.on_commit(
        lambda: event_schedule_changed.send(sender=EventPage, event=event, sequence=state.sequence)
    )
    return state.sequence


@receiver(page_published)
def track_calendar_changes(sender, instance, **kwargs):
    if not isinstance(instance, EventPage) or not instance.is_fact_owner():
        return
    fingerprint = instance.schedule_fingerprint()
    state, created = CalendarState.objects.get_or_create(
        translation_key=instance.translation_key, defaults={"fingerprint": fingerprint}
    )
    if created or (state.fingerprint == fingerprint and state.withdrawn_at is None):
        return
    bump_sequence(instance, fingerprint=fingerprint, withdrawn_at=None)
