import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from cms.scheduled_jobs import run_due_jobs


class Command(BaseCommand):
    help = (
        "Run the periodic jobs that are due (settings.SCHEDULED_JOBS): queued e-mail, "
        "event reminders, scheduled newsletter sends, the daily retention job. Run it every "
        "minute from cron or the systemd timer in deploy/, or keep it running with --every "
        "60 (make run, the Procfile); running it twice is harmless."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            metavar="SECONDS",
            help="Keep running: look for due jobs every SECONDS until stopped.",
        )

    def handle(self, *args, every=None, **options):
        if every is None:
            self._run_once()
            return
        while True:
            self._run_once(keep_going=True)
            close_old_connections()  # a long-lived process must not hold a stale one
            time.sleep(every)

    def _run_once(self, keep_going=False):
        """One pass; a failed job fails a single run (cron's exit code) but only logs
        when the command keeps running, so the next pass retries it."""
        failed = run_due_jobs(self.stdout)
        if failed and not keep_going:
            raise CommandError(f"Failed: {', '.join(failed)} (see the log above).")
