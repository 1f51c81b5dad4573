"""When an event takes place, as people in each language write it (see `cms.dates`):
fi "ma 5.2.2024 klo 13.00–15.00", sv "mån 5.2.2024 kl. 13.00–15.00",
en "Mon 5 February 2024, 13:00–15:00"."""

from cms.dates import format_span


def event_when(event):
    return format_span(event.start, event.end, all_day=event.all_day)
