"""The calendar feed's CPU at 1,000 events, on its own: `python bench/feed_cpu.py`.

Builds (once) a SQLite database of 1,000 published events under var/feed-bench/, then
prints the CPU (time.process_time) of serialising the feed whose bytes are not cached,
of a whole uncached request, of a request answered from the cached bytes and of a 304.
Figures are for a person to read, never asserted."""

import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVENTS = 1_000
ROUNDS = 5


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ.setdefault("VAR_DIR", str(ROOT / "var" / "feed-bench"))
    os.environ.setdefault("BASE_URL", "http://testserver")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # no query log, as in production
    call_command("migrate", verbosity=0)


def build():
    """EVENTS published events of every kind under a Finnish index, unless already there."""
    from django.utils import timezone

    from cms.factories import make_site
    from cms.models import Theme
    from events.models import EventPage
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    if EventPage.objects.count() >= EVENTS:
        return
    index = EventIndexPageFactory(parent=make_site())
    theme = Theme.objects.create(name_fi="Aktivointi", slug="aktivointi")
    first = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n in range(EVENTS):
        start = first + datetime.timedelta(days=n - EVENTS // 3, hours=n % 5)
        extra = {}
        if n % 3 == 0:
            extra = {"attendance_mode": EventPage.AttendanceMode.ONSITE, "venue_name": "Sali"}
        page = EventPageFactory(
            parent=index, start=start, end=start + datetime.timedelta(hours=2), **extra
        )
        if n % 2:
            page.record.themes.add(theme)
        page.save_revision().publish()


def out(line):
    sys.stdout.write(line + "\n")


def cpu_ms(function, rounds=ROUNDS):
    """The least CPU of `rounds` calls, in milliseconds."""
    best = None
    for _ in range(rounds):
        began = time.process_time()
        function()
        spent = (time.process_time() - began) * 1000
        best = spent if best is None else min(best, spent)
    return best


def measure():
    from django.core.cache import cache
    from django.test import RequestFactory
    from django.utils import translation

    from events.calendars import feeds

    factory = RequestFactory()

    def uncached():
        cache.clear()
        return feeds.all_events_feed(factory.get("/kalenteri/tapahtumat.ics"))

    with translation.override("fi"):
        first = uncached()
        count = first.content.count(b"BEGIN:VEVENT")
        out(f"events in the feed: {count}, {len(first.content)} bytes")
        serialise = cpu_ms(lambda: feeds.serialise(feeds.feed_events(), "bench"))
        out(f"serialise (queries included): {serialise:.0f} ms")
        out(f"whole request, bytes not cached: {cpu_ms(uncached):.0f} ms")
        etag = feeds.all_events_feed(factory.get("/kalenteri/tapahtumat.ics"))["ETag"]
        cached = cpu_ms(lambda: feeds.all_events_feed(factory.get("/kalenteri/tapahtumat.ics")))
        out(f"whole request, bytes cached: {cached:.1f} ms")
        conditional = factory.get("/kalenteri/tapahtumat.ics", HTTP_IF_NONE_MATCH=etag)
        assert feeds.all_events_feed(conditional).status_code == 304  # noqa: S101
        out(f"304: {cpu_ms(lambda: feeds.all_events_feed(conditional), 50):.2f} ms")


if __name__ == "__main__":
    setup()
    build()
    measure()
