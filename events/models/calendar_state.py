"""Calendar bookkeeping of an event, one row whatever languages the event has.

SEQUENCE must only ever rise. A value stored on the page would be overwritten by
whatever an older revision held when an editor publishes it, and each translation
would hold its own, so it lives here, keyed by the pages' shared translation key:
one UID, one SEQUENCE and one withdrawal state per event.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarState(models.Model):
    translation_key = models.UUIDField(_("translation key"), unique=True)
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)
    withdrawn_at = models.DateTimeField(
        _("withdrawn"),
        null=True,
        blank=True,
        help_text=_("When the event was unpublished with people registered: cancelled."),
    )

    class Meta:
        verbose_name = _("calendar state")
        verbose_name_plural = _("calendar states")

    def __str__(self):
        return f"{self.translation_key}: {self.sequence}"
