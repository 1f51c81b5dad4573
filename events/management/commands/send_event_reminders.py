"""Queue the reminders that are due. The worker also runs this per event when the
reminder time comes; running it from cron as well (every 15 minutes) is safe because
each registrant gets each event's reminder once."""

from django.core.management.base import BaseCommand

from events.registrations import services


class Command(BaseCommand):
    help = (
        "Queue every event reminder that is due; safe to run as often as you like. "
        "E-mails stuck in the queue are send_queued_email's job."
    )

    def handle(self, *args, **options):
        count = services.send_due_reminders()
        self.stdout.write(f"Queued {count} reminder(s).")
