from django import template

from events.formatting import event_when as format_event_when

register = template.Library()


@register.filter
def event_when(event):
    """The event's date and time in the active language."""
    return format_event_when(event)
