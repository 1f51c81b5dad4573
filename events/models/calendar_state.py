"""Calendar bookkeeping kept outside page revisions.

SEQUENCE must only ever rise. A value stored on the page would be overwritten by
whatever an older revision held when an editor publishes it, so it lives here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarState(models.Model):
    event = models.OneToOneField(
        "events.EventPage", on_delete=models.CASCADE, related_name="calendar_state"
    )
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar state")
        verbose_name_plural = _("calendar states")

    def __str__(self):
        return f"{self.event_id}: {self.sequence}"
