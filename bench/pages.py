"""The benchmark's pages, and what one request to each costs in-process: SQL queries
(django.test.utils.CaptureQueriesContext against the benchmark's own database, DEBUG
off, as the server runs) and bytes. The feed's serialisation CPU is measured here too.

Run inside the benchmark's environment (bench/run.py sets it): prints one JSON object."""

import itertools
import json
import sys
import time

HOST = "127.0.0.1"
FEED_EVENTS = 1_000
PAGE_CACHE_SETTING = "PAGE_CACHE"  # the anonymous page cache's switch, where it exists


def urls():
    """(label, path) of every page the load tool visits."""
    from cms.models import NewsIndexPage, NewsPage
    from events.models import EventIndexPage, EventPage, EventType
    from network.models import ProjectDirectoryPage

    finnish = {"locale__language_code": "fi"}
    news = NewsPage.objects.live().filter(**finnish).order_by("-date", "-pk").first()
    event = EventPage.objects.live().filter(**finnish).upcoming().first()
    event_type = EventType.objects.order_by("pk").first()
    directory = ProjectDirectoryPage.objects.live().filter(**finnish).first()
    return [
        ("home", "/"),
        ("news index", NewsIndexPage.objects.live().filter(**finnish).first().url),
        ("news page", news.url),
        (
            "event index ?type",
            EventIndexPage.objects.live().filter(**finnish).first().url
            + f"?type={event_type.slug}",
        ),
        ("event page", event.url),
        ("projects 2 facets", directory.url + "?region=pohjois-pohjanmaa&theme=aktivointi"),
        ("feed (all events)", "/kalenteri/tapahtumat.ics"),
        ("search", "/haku/?q=osallisuus"),
    ]


def cost(client, path):
    """Queries and bytes of a repeat request (the first warms renditions and caches)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return {"status": response.status_code, "queries": len(queries), "bytes": len(response.content)}


def feed_cpu_ms():
    """CPU of serialising FEED_EVENTS events (the feed's events, repeated if fewer),
    and of a whole feed request once its bytes are cached."""
    from django.test import RequestFactory
    from django.utils import translation

    from events.calendars import feeds

    request = RequestFactory().get("/kalenteri/tapahtumat.ics", HTTP_HOST=HOST)
    with translation.override("fi"):
        events = list(feeds.feed_events())
        many = list(itertools.islice(itertools.cycle(events), FEED_EVENTS))
        began = time.process_time()
        feeds.serialise(request, many, "bench")
        serialise_ms = (time.process_time() - began) * 1000
        feeds.all_events_feed(request)  # fills the cache
        began = time.process_time()
        feeds.all_events_feed(request)
        cached_ms = (time.process_time() - began) * 1000
    return {"events": len(many), "serialise_ms": serialise_ms, "cached_request_ms": cached_ms}


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")
    pages = [{"label": label, "path": path, **cost(client, path)} for label, path in urls()]
    page_cache = hasattr(settings, PAGE_CACHE_SETTING)
    json.dump({"pages": pages, "feed": feed_cpu_ms(), "page_cache_setting": page_cache}, sys.stdout)


if __name__ == "__main__":
    main()
