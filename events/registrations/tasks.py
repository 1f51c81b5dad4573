"""Background tasks: thin wrappers over events.registrations.services, run by
`manage.py db_worker`. E-mails are sent by the outbox's own task (cms.outbox.tasks)."""

from django_tasks import default_task_backend, task

from events.registrations import services


@task()
def send_event_reminders(event_pk):
    services.send_due_reminders(event_pk=event_pk)


@task()
def notify_schedule_change(event_pk, sequence):
    event = services.notify_schedule_change(event_pk, sequence)
    if not event.is_cancelled:
        schedule_reminders(event)


def schedule_reminders(event):
    """Ask the worker to send the event's reminders when they fall due. Backends that
    cannot defer rely on the `send_event_reminders` command run from cron."""
    run_after = services.reminders_due_at(event)
    if run_after is not None and default_task_backend.supports_defer:
        send_event_reminders.using(run_after=run_after).enqueue(event.pk)
