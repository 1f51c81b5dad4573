"""Registrations react to changes of their event: publishing schedules the reminders,
a changed time, place or status tells the registrants."""

from django.dispatch import receiver

from wagtail.signals import page_published

from events import services, tasks
from events.models import EventPage
from events.signals import event_schedule_changed


@receiver(event_schedule_changed)
def tell_registrants(sender, event, sequence, **kwargs):
    tasks.notify_schedule_change.enqueue(event.pk, sequence)


@receiver(page_published)
def schedule_reminders(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        services.schedule_reminders(instance)
