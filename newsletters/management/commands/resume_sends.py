"""Enqueue scheduled sends that are due and sends whose worker died mid-send.

Run it from cron every few minutes beside `manage.py db_worker`; see docs/newsletters.md.
"""

from django.core.management.base import BaseCommand

from newsletters.services.sending import resume_stalled_sends


class Command(BaseCommand):
    help = "Enqueue due scheduled newsletter sends and resume stalled ones."

    def handle(self, *args, **options):
        count = resume_stalled_sends()
        self.stdout.write(f"Newsletter sends enqueued: {count}")
