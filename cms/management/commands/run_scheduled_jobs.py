from django.core.management.base import BaseCommand, CommandError

from cms.scheduled_jobs import run_due_jobs


class Command(BaseCommand):
    help = (
        "Run the periodic jobs that are due (settings.SCHEDULED_JOBS): queued e-mail, "
        "event reminders, scheduled newsletter sends, the daily retention job. Run it every "
        "minute from cron or the systemd timer in deploy/; running it twice is harmless."
    )

    def handle(self, *args, **options):
        failed = run_due_jobs(self.stdout)
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (see the log above).")
