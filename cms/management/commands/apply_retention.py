"""Anonymise or delete personal data that has outlived its retention period, in every
app that registered it in the personal-data registry (cms.privacy).

Run daily from cron (see docs/operations.md). It prints counts, never data."""

from django.core.management.base import BaseCommand

from cms import privacy


class Command(BaseCommand):
    help = "Apply every app's retention period to the personal data it holds."

    def handle(self, *args, **options):
        for label, count in privacy.apply_retention().items():
            self.stdout.write(f"{label}: {count}")
