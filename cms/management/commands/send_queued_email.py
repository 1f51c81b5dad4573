from django.core.management.base import BaseCommand

from cms import outbox


class Command(BaseCommand):
    help = (
        "Queue a send for every stored e-mail that is due: retries after their back-off, "
        "lost tasks, and messages a dead worker left half sent. Run every minute from cron."
    )

    def handle(self, *args, **options):
        released = outbox.release_stalled()
        queued = outbox.send_due()
        self.stdout.write(f"{queued} e-mail(s) queued for sending, {released} released.")
