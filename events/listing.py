"""What the event index lists: every live event once in the reader's language,
pagination and the month view. The filters are events.filtering's."""

import calendar
import datetime
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from events.models import EventPage
from events.models.seats import with_seats

PAGE_SIZE = 12


def live_events_in_language(language=None, within=()):
    """Every live, public event once: in `language` when translated into it, otherwise
    in Finnish, otherwise in whichever language it exists (events are often only in
    Finnish, and the Swedish and English indexes must still list them)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    default = settings.LANGUAGE_CODE
    events = EventPage.objects.live().public()
    if within:
        events = events.filter(reduce(or_, [Q(path__startswith=page.path) for page in within]))
    in_language = events.filter(locale__language_code=language).values("translation_key")
    in_default = events.filter(locale__language_code=default).values("translation_key")
    chosen = Q(locale__language_code=language)
    if language != default:
        chosen |= Q(locale__language_code=default) & ~Q(translation_key__in=in_language)
    chosen |= (
        ~Q(locale__language_code__in=[language, default])
        & ~Q(translation_key__in=in_language)
        & ~Q(translation_key__in=in_default)
    )
    return events.filter(chosen).with_record()


def event_list(events, filters, page_number, *, past=False, now=None):
    """One page of the events `filters` (an EventFilterForm) lets through, upcoming or
    past, with their free seats from one query."""
    events = filters.apply(events)
    events = events.past(now=now) if past else events.upcoming(now=now)
    page = Paginator(events, PAGE_SIZE).get_page(page_number)
    page.object_list = with_seats(page.object_list)
    return page


def parse_month(value, today):
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return datetime.date(year, month, 1)
    except (ValueError, TypeError):
        return today.replace(day=1)


@dataclass
class MonthView:
    first_day: datetime.date
    weeks: list
    previous_month: datetime.date
    next_month: datetime.date
    has_events: bool


def month_view(events, filters, month_param, today=None):
    """Weeks of (day, events on that day) for the month a reader chose."""
    today = today or timezone.localdate()
    first_day = parse_month(month_param, today)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first_day.year, first_day.month)
    start = timezone.make_aware(datetime.datetime.combine(weeks[0][0], datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(weeks[-1][-1] + datetime.timedelta(days=1), datetime.time.min)
    )
    events = filters.apply(events).filter(event__start__lt=end, event__end__gte=start)
    by_day = {}
    for event in with_seats(events.order_by("event__start")):
        day = event.local_start.date()
        last_day = max(event.local_end.date(), day)
        while day <= last_day:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    rows = [
        [(day, day.month == first_day.month, by_day.get(day, [])) for day in week] for week in weeks
    ]
    previous_month = (first_day - datetime.timedelta(days=1)).replace(day=1)
    next_month = (first_day + datetime.timedelta(days=32)).replace(day=1)
    has_events = any(day.month == first_day.month for day in by_day)
    return MonthView(first_day, rows, previous_month, next_month, has_events)
