"""Public iCalendar feeds and the .ics file of each event.

Every feed is one query for its version (ETag / Last-Modified, so calendar programs
polling every few hours mostly get a 304) and, when the shared cache lacks the bytes of
that version (`feed_cache`), a fixed handful for its events however many there are.
A feed covers the last 12 months and everything ahead, so cancelled events stay long
enough for subscribed calendars to drop them."""

import datetime
import hashlib
from urllib.parse import urlencode

from django.db.models import Count, Max, Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from cms.links import absolute_url
from events import lifecycle
from events.calendars import feed_cache, ical
from events.filtering import FEED_FILTERS, EventFilterForm
from events.models import EventPage, EventSeriesPage, ParticipationWeekPage

WINDOW = datetime.timedelta(days=365)
REFRESH_HOURS = 6
CONTENT_TYPE = "text/calendar; charset=utf-8"
SITE_NAME = "Osallisuusverkosto"


def feed_events(now=None):
    """Live public events in the feed window, and those withdrawn in the last
    `lifecycle.FEED_DAYS` (as cancelled), with what a VEVENT needs joined in."""
    since = (now or timezone.now()) - WINDOW
    return (
        EventPage.objects.with_record()
        .filter(Q(live=True) | lifecycle.feed_window_filter(now))
        .public()
        .filter(event__end__gte=since)
        .select_related("locale")
        .prefetch_related("event__themes")
        .order_by("event__start", "pk")
    )


def in_active_language(events):
    """Events in the visitor's language, plus default-language events not translated
    into it: one entry per event, whichever languages it exists in. A withdrawn event's
    pages are all unpublished, so "translated" means among the feed's own pages, not
    among live ones."""
    active = Locale.get_active()
    default = Locale.get_default()
    if active.pk == default.pk:
        return events.filter(locale=active)
    translated = events.filter(locale=active).values("event_id")
    return events.filter(Q(locale=active) | (Q(locale=default) & ~Q(event_id__in=translated)))


def feed_version(request, events, filters=()):
    """(ETag, last modified) of a feed, from one aggregate query. The ETag names the
    feed (path, language, `filters`), its events' state and the labels' generation, so
    it also keys the feed's bytes in the shared cache; an unknown query parameter
    changes neither."""
    summary = events.order_by().aggregate(
        count=Count("pk"),
        published=Max("last_published_at"),
        changed=Max("event__changed_at"),
        # Every schedule change raises a SEQUENCE: the version moves even when two
        # changes share a timestamp (clock skew between web servers).
        sequences=Sum("event__sequence"),
    )
    moments = [moment for moment in (summary["published"], summary["changed"]) if moment]
    # HTTP dates have whole seconds: a client sends back the truncated value it was
    # given, so the comparison must use that value too, or nothing is ever a 304.
    last_modified = max(moments).replace(microsecond=0) if moments else None
    key = "|".join(
        str(part)
        for part in (
            request.path,
            get_language(),
            *filters,
            feed_cache.generation(),
            summary["count"],
            summary["published"],
            summary["changed"],
            summary["sequences"],
            timezone.localdate(),
        )
    )
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"', last_modified


def categories_for(event):
    return [str(event.event_type), *(str(theme) for theme in event.themes.all())]


def calendar_response(request, events, *, name, filename, filters=()):
    """The feed as `text/calendar`, or 304 when the client already has this version.
    `filters` are what the query string chose (the path names everything else)."""
    etag, last_modified = feed_version(request, events, filters)
    timestamp = last_modified.timestamp() if last_modified else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if not_modified is not None:
        return _with_validators(not_modified, etag, timestamp)
    body = feed_cache.body(etag.strip('"'), lambda: serialise(request, events, name))
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return _with_validators(response, etag, timestamp)


def serialise(request, events, name):
    calendar = ical.new_calendar(name=name, refresh_hours=REFRESH_HOURS)
    for event in events:
        calendar.add_component(
            ical.event_component(
                event,
                url=event.get_full_url(request),
                sequence=event.sequence,
                categories=categories_for(event),
            )
        )
    return ical.to_ical(calendar)


def _with_validators(response, etag, timestamp):
    """ETag, Last-Modified and caching headers, on full and 304 responses alike."""
    response["ETag"] = etag
    if timestamp:
        response["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=3600)
    return response


def feed_name(*parts):
    return " – ".join([SITE_NAME, *(str(part) for part in parts if part)])


@require_safe
def all_events_feed(request):
    """All events, optionally narrowed by the feed builder's ?type=&region=&theme=."""
    form = EventFilterForm(request.GET, fields=FEED_FILTERS)
    if form.errors:
        return HttpResponse(
            _("Unknown calendar filter."), status=400, content_type="text/plain; charset=utf-8"
        )
    events = form.apply(in_active_language(feed_events()))
    return calendar_response(
        request,
        events,
        name=feed_name(_("Events"), *form.labels()),
        filename="tapahtumat",
        filters=[f"{name}={value}" for name, value in form.query().items()],
    )


@require_safe
def one_filter_feed(request, slug, *, name):
    """The feed of one event type, region or theme, at an address of its own."""
    form = EventFilterForm({name: slug}, fields=[name])
    if not form.is_filtered:
        raise Http404
    events = form.apply(in_active_language(feed_events()))
    return calendar_response(request, events, name=feed_name(*form.labels()), filename=slug)


def _live_page(model, page_id):
    page = model.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


@require_safe
def series_feed(request, page_id):
    series = _live_page(EventSeriesPage, page_id)
    events = feed_events().child_of(series)
    return calendar_response(request, events, name=feed_name(series.title), filename=series.slug)


@require_safe
def participation_week_feed(request, page_id):
    week = _live_page(ParticipationWeekPage, page_id)
    events = in_active_language(feed_events().below_translations_of(week))
    return calendar_response(request, events, name=feed_name(week.title), filename=week.slug)


@require_safe
def event_ics(request, page_id):
    """One event as a file to open in any calendar program, from its page in any
    language; a withdrawn event's pages give it as cancelled while feeds still do."""
    shown = Q(live=True) | lifecycle.feed_window_filter()
    event = EventPage.objects.with_record().filter(shown).public().filter(pk=page_id).first()
    if event is None:
        raise Http404
    events = feed_events(now=event.end if event.live else None).filter(pk=event.pk)
    response = calendar_response(request, events, name=feed_name(event.title), filename=event.slug)
    if response.status_code == 200:
        response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def feed_builder(request):
    """A small form: pick a type, region or theme and get a calendar address to subscribe to."""
    form = EventFilterForm(request.GET or None, fields=FEED_FILTERS)
    feed_url = None
    if form.is_bound and form.is_valid():
        query = urlencode(form.query())
        feed_url = absolute_url(reverse("events:feed"))
        if query:
            feed_url += "?" + query
    return render(request, "events/feed_builder.html", {"form": form, "feed_url": feed_url})
