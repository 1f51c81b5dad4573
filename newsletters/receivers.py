"""Signal receivers, connected in NewslettersConfig.ready: the only module that
turns the services' signals into tasks (services never import the tasks that wrap
them)."""

from newsletters import tasks
from newsletters.services.tracking import record_event


def on_tracking(sender, event, esp_name, **kwargs):
    record_event(event, esp_name)


def start_send(sender, send, run_after=None, **kwargs):
    """Run a send now, or at its scheduled time where the task backend can wait (else
    the send's task finds it scheduled and the resume job starts it when due)."""
    task = tasks.send_issue
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    task.enqueue(send.pk)
