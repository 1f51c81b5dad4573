"""The benchmark's pages, and what one request to each costs in-process: SQL queries
(django.test.utils.CaptureQueriesContext against the benchmark's own database, DEBUG
off, as the server runs) and bytes. The feed's serialisation CPU is measured here too.

Run inside the benchmark's environment (bench/run.py sets it): prints one JSON object."""

import json
import sys
import time

HOST = "127.0.0.1"
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


def best_cpu_ms(function, rounds=3):
    """The least CPU of `rounds` calls (the first in a process also pays for imports
    and a full garbage collection), in milliseconds."""
    spent = []
    for _ in range(rounds):
        began = time.process_time()
        function()
        spent.append((time.process_time() - began) * 1000)
    return min(spent)


def feed_cpu_ms():
    """CPU of the feed of all events (bench/run.py has 1,000 of them built, the demo
    adds a few): serialising it when its bytes are not cached, queries included; a
    request for its cached bytes; a conditional request answered 304."""
    from django.test import RequestFactory
    from django.utils import translation

    from events.calendars import feeds

    def request(**headers):
        return RequestFactory().get("/kalenteri/tapahtumat.ics", HTTP_HOST=HOST, **headers)

    def serialise():
        return feeds.serialise(feeds.in_active_language(feeds.feed_events()), "bench")

    with translation.override("fi"):
        body, _ = serialise()
        etag = feeds.all_events_feed(request())["ETag"]  # fills the cache
        conditional = request(HTTP_IF_NONE_MATCH=etag)
        assert feeds.all_events_feed(conditional).status_code == 304  # noqa: S101
        return {
            "events": body.count(b"BEGIN:VEVENT"),
            "serialise_ms": best_cpu_ms(serialise),
            "cached_request_ms": best_cpu_ms(lambda: feeds.all_events_feed(request())),
            "not_modified_ms": best_cpu_ms(lambda: feeds.all_events_feed(conditional)),
        }


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
