"""Keeps each event's calendar SEQUENCE in step with what calendar programs must know."""

import django.dispatch
from django.db import transaction
from django.db.models import F
from django.dispatch import receiver

from wagtail.signals import page_published

from events.models import CalendarState, EventPage

# Sent after a published event's time, place, status or join link changed; receivers
# (for example the registrants' update e-mail) get the event and its new sequence.
event_schedule_changed = django.dispatch.Signal()


@receiver(page_published)
def track_calendar_changes(sender, instance, **kwargs):
    if not isinstance(instance, EventPage):
        return
    fingerprint = instance.schedule_fingerprint()
    state, created = CalendarState.objects.get_or_create(
        event=instance, defaults={"fingerprint": fingerprint}
    )
    if created or state.fingerprint == fingerprint:
        return
    CalendarState.objects.filter(pk=state.pk).update(
        sequence=F("sequence") + 1, fingerprint=fingerprint
    )
    state.refresh_from_db()
    transaction.on_commit(
        lambda: event_schedule_changed.send(
            sender=EventPage, event=instance, sequence=state.sequence
        )
    )
