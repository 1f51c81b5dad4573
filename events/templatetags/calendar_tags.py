"""Where a page's calendar lives, and the links that add it to people's calendar programs."""

import datetime
from urllib.parse import quote, urlencode

from django import template
from django.urls import reverse

from cms.links import absolute_url
from events.models import EventIndexPage, EventPage, EventSeriesPage, ParticipationWeekPage

register = template.Library()

FEED_ROUTES = {
    EventSeriesPage: "events:series_feed",
    ParticipationWeekPage: "events:participation_week_feed",
    EventPage: "events:event_ics",
}


def feed_path(page):
    """The path of the calendar a page offers, or None for pages without one."""
    if isinstance(page, EventIndexPage):
        return reverse("events:feed")
    for page_class, route in FEED_ROUTES.items():
        if isinstance(page, page_class):
            return reverse(route, kwargs={"page_id": page.pk})
    return None


def subscription_links(url, name):
    """Links that subscribe to a feed in Apple/Outlook desktop, Google and Outlook.com."""
    webcal = "webcal://" + url.split("://", 1)[1]
    return {
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal}),
        "outlook": "https://outlook.live.com/calendar/0/addfromweb?"
        + urlencode({"url": url, "name": name}, quote_via=quote),
    }


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def add_event_links(event, page_url):
    """Links that add one event to Google Calendar and Outlook.com."""
    if event.all_day:
        first_day, day_after = event.calendar_dates
        google_dates = f"{first_day:%Y%m%d}/{day_after:%Y%m%d}"
        outlook_times = {
            "startdt": first_day.isoformat(),
            "enddt": day_after.isoformat(),
            "allday": "true",
        }
    else:
        google_dates = f"{_utc(event.start)}/{_utc(event.end)}"
        outlook_times = {"startdt": event.start.isoformat(), "enddt": event.end.isoformat()}
    details = f"{event.lead}\n\n{page_url}"
    google = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": google_dates,
        "details": details,
        "location": event.location_text,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "body": details,
        "location": event.location_text,
        **outlook_times,
    }
    return {
        "google": "https://calendar.google.com/calendar/render?" + urlencode(google),
        "outlook": "https://outlook.live.com/calendar/0/deeplink/compose?"
        + urlencode(outlook, quote_via=quote),
    }


@register.simple_tag(takes_context=True)
def calendar_feed(context, page):
    """The calendar of `page`: its absolute URL and the links to subscribe to or add it."""
    path = feed_path(page)
    if path is None:
        return None
    url = absolute_url(path)
    feed = {"url": url, "title": page.title, "is_event": isinstance(page, EventPage)}
    if feed["is_event"]:
        feed.update(add_event_links(page, page.get_full_url(context["request"])))
    else:
        feed.update(subscription_links(url, page.title))
    return feed


@register.simple_tag
def calendar_subscription(url):
    """Subscription links for a feed URL made by the feed builder."""
    return subscription_links(url, "Osallisuusverkosto")
