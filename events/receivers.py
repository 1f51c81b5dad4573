"""Registrations react to changes of their event: publishing schedules the reminders
and gives added seats to the waiting list, a changed time, place or status tells the
registrants, unpublishing withdraws the event."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from events import lifecycle
from events.calendars.state import event_schedule_changed
from events.models import EventPage, Registration
from events.registrations import services, tasks


@receiver(event_schedule_changed)
def tell_registrants(sender, event, sequence, **kwargs):
    tasks.notify_schedule_change.enqueue(event.pk, sequence)


@receiver(page_published)
def schedule_reminders(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        tasks.schedule_reminders(instance)


@receiver(page_unpublished)
def withdraw_event(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        lifecycle.withdraw(instance)


@receiver(page_published)
def promote_into_added_seats(sender, instance, **kwargs):
    """A raised capacity gives its new seats to the waiting list first, in order."""
    if isinstance(instance, EventPage) and instance.is_fact_owner():
        services.promote_waiting(instance.pk)


@receiver(post_delete, sender=Registration)
def promote_into_freed_seat(sender, instance, **kwargs):
    """Staff deleting a confirmed registration frees its seat for the waiting list."""
    if instance.status == Registration.Status.CONFIRMED:
        event_pk = instance.event_id
        transaction.on_commit(lambda: services.promote_waiting(event_pk))
