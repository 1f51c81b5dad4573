"""The participation week's programme on its page (events/participation_week/programme.py)."""

from django import template

from events.participation_week.programme import programme

register = template.Library()


@register.simple_tag(takes_context=True)
def week_programme(context, week):
    """The filter form, days, and counts of `week`'s programme for this request."""
    return programme(context["request"], week)
