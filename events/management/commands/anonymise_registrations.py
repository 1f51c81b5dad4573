"""Blank the personal data of registrations whose event ended long enough ago.

Run daily from cron (see docs/operations.md); the counts of each event stay."""

from django.core.management.base import BaseCommand

from events.registrations import services


class Command(BaseCommand):
    help = "Anonymise registrations whose event ended more than --days days ago (default 90)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=services.DEFAULT_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        if days < 1:
            self.stderr.write("--days must be at least 1.")
            return
        count = services.anonymise_registrations(days)
        self.stdout.write(f"Anonymised {count} registration(s) of events older than {days} days.")
