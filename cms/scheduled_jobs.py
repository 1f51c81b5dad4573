"""The periodic jobs of settings.SCHEDULED_JOBS, each started at most once per interval.

`manage.py run_scheduled_jobs` runs every minute (cron or a systemd timer) on any number
of machines. Claiming a job is one conditional UPDATE, so two overlapping runs never
start the same job twice within its interval, and a daily job costs one query on the
other 1,439 minutes of the day.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from cms.models import ScheduledJobRun

logger = logging.getLogger(__name__)


def claim(name, every_seconds, now):
    """True when this run may start ``name``: it has not started within its interval.
    Returns the previous start too, to give the claim back if the job fails."""
    run, _ = ScheduledJobRun.objects.get_or_create(name=name)
    not_since = now - timedelta(seconds=every_seconds) + timedelta(seconds=5)
    claimed = (
        ScheduledJobRun.objects.filter(pk=run.pk)
        .filter(Q(last_started_at__isnull=True) | Q(last_started_at__lt=not_since))
        .update(last_started_at=now)
    )
    return bool(claimed), run.last_started_at


def run_due_jobs(stdout, jobs=None):
    """Run every job that is due; one failing job does not stop the others.
    Returns the names of the jobs that failed."""
    failed = []
    for name, every_seconds in jobs or settings.SCHEDULED_JOBS:
        now = timezone.now()
        claimed, previous = claim(name, every_seconds, now)
        if not claimed:
            continue
        try:
            call_command(name, stdout=stdout)
        except Exception:
            logger.exception("Scheduled job %s failed", name)
            # Due again on the next run rather than after a whole interval.
            ScheduledJobRun.objects.filter(name=name, last_started_at=now).update(
                last_started_at=previous
            )
            failed.append(name)
    return failed
