"""Background tasks of the shared layer: thin wrappers over cms.outbox."""

from django.utils import timezone

from django_tasks import default_task_backend, task

from cms import outbox


@task()
def send_outgoing_email(message_pk):
    retry_in = outbox.deliver(message_pk)
    if retry_in is not None and default_task_backend.supports_defer:
        send_outgoing_email.using(run_after=timezone.now() + retry_in).enqueue(message_pk)
