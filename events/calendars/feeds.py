"""Public iCalendar feeds and the .ics file of each event.

Calendar programs poll every few hours and mostly get a 304: a feed's version (its ETag)
comes from the shared cache alone (`feed_cache.version`), so a conditional request is
answered before any form, query or page is built. Otherwise the bytes of that version
come from the cache, or are serialised from a fixed handful of queries however many
events there are (`feed_rows`). A feed covers the last 12 months and everything ahead,
so cancelled events stay long enough for subscribed calendars to drop them."""

import datetime
from urllib.parse import urlencode

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from cms.links import absolute_url
from events import lifecycle
from events.calendars import feed_cache, ical
from events.calendars.feed_rows import feed_rows
from events.filtering import FEED_FILTERS, EventFilterForm
from events.models import EventPage, EventSeriesPage, ParticipationWeekPage

WINDOW = datetime.timedelta(days=365)
REFRESH_HOURS = 6
CONTENT_TYPE = "text/calendar; charset=utf-8"
SITE_NAME = "Osallisuusverkosto"


class UnknownFilter(Exception):
    """The query string names a type, region or theme that does not exist."""


def feed_events(now=None):
    """Live public events in the feed window, and those withdrawn in the last
    `lifecycle.FEED_DAYS` (as cancelled)."""
    since = (now or timezone.now()) - WINDOW
    return (
        EventPage.objects.with_record()
        .filter(Q(live=True) | lifecycle.feed_window_filter(now))
        .public()
        .filter(event__end__gte=since)
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


def calendar_response(request, feed, *, attachment=False):
    """The feed as `text/calendar`, or 304 when the client already has this version.
    `feed()` gives (events, calendar name, file name); it runs only when the cache lacks
    the version's bytes, and raises Http404 or UnknownFilter for a feed that is not."""
    version = feed_cache.version(request)
    etag = f'"{version}"'
    modified = feed_cache.last_modified(version)
    not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
    if not_modified is not None:
        return _with_validators(not_modified, etag, modified)
    try:
        body, modified, filename = feed_cache.body(version, lambda: _build(feed))
    except UnknownFilter:
        return HttpResponse(
            _("Unknown calendar filter."), status=400, content_type="text/plain; charset=utf-8"
        )
    # A client that sent only If-Modified-Since before this version was stored.
    not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
    if not_modified is not None:
        return _with_validators(not_modified, etag, modified)
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.ics"'
    return _with_validators(response, etag, modified)


def _build(feed):
    events, name, filename = feed()
    return *serialise(events, name), filename


def serialise(events, name):
    """(bytes, last modified timestamp) of a feed of `events` (a queryset of pages)."""
    rows = feed_rows(events)
    vevents = [
        ical.vevent(row, url=row.url, sequence=row.sequence, categories=row.categories)
        for row in rows
    ]
    body = ical.calendar(vevents, name=name, refresh_hours=REFRESH_HOURS)
    return body, _last_modified(rows)


def _last_modified(rows):
    """The latest publication or record change, in whole seconds as HTTP dates have."""
    moments = [
        moment
        for row in rows
        for moment in (row.last_published_at, row.changed_at)
        if moment is not None
    ]
    return int(max(moments).timestamp()) if moments else None


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

    def feed():
        form = EventFilterForm(request.GET, fields=FEED_FILTERS)
        if form.errors:
            raise UnknownFilter
        events = form.apply(in_active_language(feed_events()))
        return events, feed_name(_("Events"), *form.labels()), "tapahtumat"

    return calendar_response(request, feed)


@require_safe
def one_filter_feed(request, slug, *, name):
    """The feed of one event type, region or theme, at an address of its own."""

    def feed():
        form = EventFilterForm({name: slug}, fields=[name])
        if not form.is_filtered:
            raise Http404
        events = form.apply(in_active_language(feed_events()))
        return events, feed_name(*form.labels()), slug

    return calendar_response(request, feed)


def _live_page(model, page_id):
    page = model.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


@require_safe
def series_feed(request, page_id):
    def feed():
        series = _live_page(EventSeriesPage, page_id)
        return feed_events().child_of(series), feed_name(series.title), series.slug

    return calendar_response(request, feed)


@require_safe
def participation_week_feed(request, page_id):
    def feed():
        week = _live_page(ParticipationWeekPage, page_id)
        events = in_active_language(feed_events().below_translations_of(week))
        return events, feed_name(week.title), week.slug

    return calendar_response(request, feed)


@require_safe
def event_ics(request, page_id):
    """One event as a file to open in any calendar program, from its page in any
    language; a withdrawn event's pages give it as cancelled while feeds still do."""

    def feed():
        shown = Q(live=True) | lifecycle.feed_window_filter()
        event = EventPage.objects.with_record().filter(shown).public().filter(pk=page_id).first()
        if event is None:
            raise Http404
        events = feed_events(now=event.end if event.live else None).filter(pk=event.pk)
        return events, feed_name(event.title), event.slug

    return calendar_response(request, feed, attachment=True)


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
