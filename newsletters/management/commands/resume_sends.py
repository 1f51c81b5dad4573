"""Enqueue scheduled sends that are due and sends whose worker died mid-send.

Run it from cron every minute beside `manage.py db_worker`, or keep it running with
`--every 15` so that a dead worker's send is resumed within a minute; see
docs/newsletters.md.
"""

import time

from django.core.management.base import BaseCommand

from newsletters.services.sending import resume_stalled_sends


class Command(BaseCommand):
    help = "Enqueue due scheduled newsletter sends and resume stalled ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running, checking every SECONDS (default: check once and exit).",
        )

    def handle(self, *args, **options):
        while True:
            count = resume_stalled_sends()
            self.stdout.write(f"Newsletter sends enqueued: {count}")
            if not options["every"]:
                return
            time.sleep(options["every"])
