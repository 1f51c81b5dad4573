"""Which event page an imported iCalendar event became, so a later import of the same
file updates that page instead of adding a second one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedEvent(models.Model):
    uid = models.CharField(_("UID"), max_length=255, unique=True)
    event = models.OneToOneField(
        "events.EventPage", on_delete=models.CASCADE, related_name="import_source"
    )
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    last_modified = models.DateTimeField(_("last modified"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported event")
        verbose_name_plural = _("imported events")

    def __str__(self):
        return self.uid
