"""Tags for the Wagtail admin templates that events override."""

from django import template

from events import lifecycle
from events.models import EventPage

register = template.Library()


@register.simple_tag
def registrants_told_on_unpublish(page):
    """How many people unpublishing `page` sends a cancellation to: the active
    registrations of its event, in any language (0 for any other page)."""
    if not isinstance(page, EventPage):
        return 0
    return lifecycle.active_registrations(page).count()
