from django.db import models


class ScheduledJobRun(models.Model):
    """When each periodic job last started, so that `run_scheduled_jobs` can run every
    minute and still start a daily job once a day, whichever machine runs it."""

    name = models.CharField(max_length=100, unique=True)
    last_started_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.name
