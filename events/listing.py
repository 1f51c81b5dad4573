"""What the event index lists: every live event once in the reader's language, the
filters readers narrow it with, pagination and the month view."""

import calendar
import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.models import Region, Theme
from cms.request_memo import cached_rows
from events.models import EventPage, EventType
from events.registrations.seats import with_seats

PAGE_SIZE = 12
SEARCH_MAX = 100


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
    return events.filter(chosen).with_calendar_state()


@dataclass
class Filters:
    """The reader's choices from the query string, each checked against what exists;
    anything unknown is ignored rather than failing the page."""

    event_type: EventType | None = None
    region: Region | None = None
    theme: Theme | None = None
    language: str = ""
    attendance: str = ""
    query: str = ""
    past: bool = False
    active: list = field(default_factory=list)

    @classmethod
    def from_request(cls, params):
        filters = cls()
        filters.event_type = _by_slug(EventType, params.get("type", ""))
        filters.region = _by_slug(Region, params.get("region", ""))
        filters.theme = _by_slug(Theme, params.get("theme", ""))
        language = params.get("language", "")
        filters.language = language if language in EventPage.Language.values else ""
        attendance = params.get("format", "")
        filters.attendance = attendance if attendance in ("online", "onsite") else ""
        filters.query = " ".join(params.get("q", "").split())[:SEARCH_MAX]
        filters.past = params.get("when") == "past"
        return filters

    @property
    def any(self):
        return any(
            (self.event_type, self.region, self.theme, self.language, self.attendance, self.query)
        )

    def apply(self, events):
        if self.event_type:
            events = events.filter(event_type=self.event_type)
        if self.region:
            events = events.filter(region=self.region)
        if self.theme:
            events = events.filter(themes=self.theme)
        if self.language:
            events = events.filter(language=self.language)
        if self.attendance == "online":
            events = events.exclude(attendance_mode=EventPage.AttendanceMode.ONSITE)
        elif self.attendance == "onsite":
            events = events.exclude(attendance_mode=EventPage.AttendanceMode.ONLINE)
        for word in self.query.split():
            events = events.filter(
                Q(title__icontains=word)
                | Q(lead__icontains=word)
                | Q(venue_name__icontains=word)
                | Q(municipality__icontains=word)
                | Q(speakers__name__icontains=word)
            )
        return events.distinct()


def _by_slug(model, slug):
    """The row with `slug` among the cached rows the filter offers, or None."""
    return next((row for row in cached_rows(model) if slug and row.slug == slug), None)


def filter_choices():
    return {
        "types": cached_rows(EventType),
        "regions": cached_rows(Region),
        "themes": cached_rows(Theme),
        "languages": EventPage.Language.choices,
        "formats": [("online", _("Online")), ("onsite", _("On site"))],
    }


def event_list(events, filters, page_number, now=None):
    events = filters.apply(events)
    events = events.past(now=now) if filters.past else events.upcoming(now=now)
    page = Paginator(events.select_related("event_type"), PAGE_SIZE).get_page(page_number)
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
    events = filters.apply(events).filter(start__lt=end, end__gte=start).order_by("start")
    by_day = {}
    for event in with_seats(events.select_related("event_type")):
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
