"""Background tasks: thin wrappers over events.services, run by `manage.py db_worker`."""

from django_tasks import task

from events import services


@task()
def deliver_email(delivery_pk):
    services.deliver(delivery_pk)


@task()
def send_event_reminders(event_pk):
    services.send_due_reminders(event_pk=event_pk)


@task()
def notify_schedule_change(event_pk, sequence):
    services.notify_schedule_change(event_pk, sequence)
