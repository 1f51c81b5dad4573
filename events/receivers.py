"""Registrations react to changes of their event: publishing schedules the reminders
and gives added seats to the waiting list, a changed time, place or status tells the
registrants, unpublishing or deleting any language's page withdraws the event."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from events import lifecycle
from events.calendars.state import event_schedule_changed
from events.models import Event, EventPage, Registration
from events.registrations import services, tasks


@receiver(event_schedule_changed)
def tell_registrants(sender, event, sequence, **kwargs):
    tasks.notify_schedule_change.enqueue(event.pk, sequence)


@receiver(page_published)
def schedule_reminders(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        tasks.schedule_reminders(instance.record)


@receiver(page_unpublished)
def withdraw_event(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        _withdraw_everywhere(instance)


@receiver(pre_delete, sender=EventPage)
def withdraw_deleted_event(sender, instance, **kwargs):
    if instance.live:
        _withdraw_everywhere(instance)


def _withdraw_everywhere(page):
    """One language withdrawn is the event withdrawn: its other pages go offline too
    (a past event's page is only archived, its own)."""
    if page.record.has_ended:
        return
    lifecycle.withdraw(page)
    for translation in lifecycle.other_languages(page):
        translation.unpublish()


@receiver(post_delete, sender=EventPage)
def forget_unused_record(sender, instance, **kwargs):
    """The record goes with its last page, unless something still points at it."""
    event = Event.objects.filter(pk=instance.event_id).first()
    if event is None or event.pages.exists():
        return
    if not (event.registrations.exists() or event.survey_answers.exists()):
        event.delete()


@receiver(page_published)
def promote_into_added_seats(sender, instance, **kwargs):
    """A raised capacity gives its new seats to the waiting list first, in order."""
    if isinstance(instance, EventPage):
        services.promote_waiting(instance.event_id)


@receiver(post_delete, sender=Registration)
def promote_into_freed_seat(sender, instance, **kwargs):
    """Staff deleting a confirmed registration frees its seat for the waiting list."""
    if instance.status == Registration.Status.CONFIRMED:
        event_pk = instance.event_id
        transaction.on_commit(lambda: services.promote_waiting(event_pk))
