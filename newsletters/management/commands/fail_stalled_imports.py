"""End as failed the subscriber imports whose worker died, dropping their uploaded file.

Run by `manage.py run_scheduled_jobs` (settings.SCHEDULED_JOBS); the import's progress
page does the same when it is looked at.
"""

from django.core.management.base import BaseCommand

from newsletters.services.csv_io import fail_stalled_imports


class Command(BaseCommand):
    help = "Mark subscriber imports whose worker stopped as failed."

    def handle(self, *args, **options):
        self.stdout.write(f"Stalled subscriber imports ended: {fail_stalled_imports()}")
