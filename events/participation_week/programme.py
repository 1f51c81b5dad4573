"""A participation week's programme: its published events once each, day by day, with
the filters and counts its page shows. The week's page reads it through the
`week_programme` template tag, so the page model imports nothing above the models."""

import itertools

from django.db.models import Count
from django.utils import timezone

from events.filtering import EventFilterForm
from events.listing import live_events_in_language

# A week's programme is a few dozen events: no theme filter, which few submitters set.
PROGRAMME_FILTERS = ("q", "type", "region", "format", "language")


def week_events(week):
    """The week's published events once each, in the page's language where translated
    (otherwise as submitted), soonest first, ready for cards and counts."""
    weeks = week.get_translations(inclusive=True)
    return (
        live_events_in_language(week.language_code, within=weeks)
        .select_related("event__region", "event__organiser", "locale")
        .order_by("event__start", "title")
    )


def programme(request, week):
    """What the week's page shows below its introduction: the filter form, the events it
    lets through grouped by day and the week's totals; one query for the events."""
    all_events = week_events(week)
    form = EventFilterForm(request.GET, fields=PROGRAMME_FILTERS)
    events = list(form.apply(all_events))
    days = [
        (day, list(group))
        for day, group in itertools.groupby(
            events, key=lambda event: timezone.localtime(event.start).date()
        )
    ]
    totals = all_events.order_by().aggregate(
        events=Count("pk"), organisers=Count("event__organiser", distinct=True)
    )
    return {
        "filter_form": form,
        "days": days,
        "shown_count": len(events),
        "event_count": totals["events"],
        "organiser_count": totals["organisers"],
    }
