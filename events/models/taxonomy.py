from django.utils.translation import gettext_lazy as _

from cms.models.taxonomy import LocalizedName


class EventType(LocalizedName):
    """Webinar, café, workshop, working meeting, seminar, meet-up; editors add more."""

    class Meta(LocalizedName.Meta):
        verbose_name = _("event type")
        verbose_name_plural = _("event types")
