"""Background tasks of the shared layer: thin wrappers over cms.outbox."""

from django_tasks import task

from cms import outbox


@task()
def send_outgoing_email(message_pk):
    """Send one stored message; a retry is scheduled by the outbox itself."""
    outbox.deliver(message_pk)
