from django.core.management.base import BaseCommand

from cms import outbox
from cms.tasks import send_outgoing_email


class Command(BaseCommand):
    help = (
        "Queue a send for every stored e-mail that is due: retries after their back-off, "
        "lost tasks, and messages a dead worker left half sent. Run every minute from cron."
    )

    def handle(self, *args, **options):
        released = outbox.release_stalled()
        due = outbox.due()
        for message_pk in due:
            send_outgoing_email.enqueue(message_pk)
        self.stdout.write(f"{len(due)} e-mail(s) queued for sending, {released} released.")
