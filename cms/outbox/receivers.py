"""Turn the outbox's "this message is due" into the task that sends it, once the
transaction that stored or retried the message has committed."""

from functools import partial

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from cms.outbox import message_due
from cms.outbox.tasks import send_outgoing_email


@receiver(message_due, dispatch_uid="cms.send_due_email")
def send_due_email(sender, message_pk, at=None, **kwargs):
    task = send_outgoing_email
    if at is not None and at > timezone.now():
        if not task.get_backend().supports_defer:
            return  # manage.py send_queued_email (cron) sends it once it is due
        task = task.using(run_after=at)
    transaction.on_commit(partial(task.enqueue, message_pk))
