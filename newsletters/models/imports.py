"""A CSV import of subscribers, run by a background task, with its progress and report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

REJECTION_REASONS = {
    "invalid": _("Not a valid e-mail address."),
    "too_long": _("A value is too long."),
    "duplicate": _("The address appears twice in the file."),
    "language": _("Unknown language; use fi, sv or en."),
    "suppressed": _("Unsubscribed or undeliverable earlier; not subscribed again."),
    "unreadable": _(
        "The row could not be read: a quotation mark is not closed, or is misplaced. "
        "No row after it was merged into it."
    ),
}


class SubscriberImport(models.Model):
    """One uploaded file. The CSV text is kept only until the import has run: the
    report keeps row numbers and reasons, never addresses."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Importing")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    mailing_list = models.ForeignKey(
        "newsletters.MailingList",
        verbose_name=_("mailing list"),
        related_name="imports",
        on_delete=models.CASCADE,
    )
    consent_text = models.TextField(_("consent text"))
    content = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    rejected = models.JSONField(default=list)  # [[row number, reason code], …]
    error = models.CharField(max_length=500, blank=True)
    # Set when the task claims the job and after every batch; see fail_stalled_imports.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)

    # `error` when the worker stopped without ending the job (killed, machine restarted).
    WORKER_STOPPED = "worker stopped"

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscriber import")
        verbose_name_plural = _("subscriber imports")

    def __str__(self):
        return f"{self.mailing_list_id} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def done(self):
        return self.status in (self.Status.FINISHED, self.Status.FAILED)

    def error_display(self):
        """Why the import stopped, for the progress page."""
        if self.error == self.WORKER_STOPPED:
            return _("The import's worker stopped (it was restarted or ran out of memory).")
        return self.error

    def rejected_rows(self):
        """(row number, reason) for the report, in the reader's language."""
        return [(row, REJECTION_REASONS.get(code, code)) for row, code in self.rejected]
