"""Scaled demo data for the page benchmark: news items, events, projects (through the
directory's own CSV import) and newsletter subscribers, added beside the demo content.

Pages are created live without revisions (editors' history is not what is measured),
so 1,000 news items take seconds rather than minutes. Idempotent: pages whose slugs
exist are skipped, and the projects' re-import writes nothing."""

import datetime
import itertools
import random
from pathlib import Path

from django.utils import timezone

CSV_SAMPLE = Path(__file__).resolve().parent.parent / "network/demo_data/hankkeet_470.csv"
WORDS = [
    "osallisuus",
    "yhteisö",
    "kokemusasiantuntija",
    "hanke",
    "verkosto",
    "kahvila",
    "työllisyys",
    "nuoret",
    "ikääntyvät",
    "järjestö",
    "hyvinvointialue",
    "kunta",
    "tutkimus",
    "toimintamalli",
    "vaikuttaminen",
]


def sentence(chance, words=12):
    return " ".join(chance.choice(WORDS) for _ in range(words)).capitalize() + "."


def live_child(parent, page):
    now = timezone.now()
    page.live = True
    page.first_published_at = page.last_published_at = now
    parent.add_child(instance=page)


def add_news(count):
    from wagtail.rich_text import RichText

    from cms.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.get(locale__language_code="fi")
    existing = set(index.get_children().values_list("slug", flat=True))
    chance = random.Random("bench-news")  # noqa: S311 (benchmark data)
    today = timezone.localdate()
    for n in range(count):
        slug = f"bench-uutinen-{n}"
        if slug in existing:
            continue
        body = "".join(f"<p>{sentence(chance, 40)}</p>" for _ in range(4))
        page = NewsPage(
            title=f"{sentence(chance, 5)[:-1]} {n}",
            slug=slug,
            date=today - datetime.timedelta(days=n // 3),
            lead=sentence(chance, 25),
            body=[("paragraph", RichText(body))],
        )
        live_child(index, page)


def add_events(count):
    from events.models import EventIndexPage, EventPage, EventType

    index = EventIndexPage.objects.get(locale__language_code="fi")
    existing = set(index.get_children().values_list("slug", flat=True))
    types = itertools.cycle(EventType.objects.order_by("pk"))
    chance = random.Random("bench-events")  # noqa: S311 (benchmark data)
    first = timezone.now().replace(hour=7, minute=30, second=0, microsecond=0)
    for n in range(count):
        slug = f"bench-tapahtuma-{n}"
        event_type = next(types)
        if slug in existing:
            continue
        # A third in the past year, the rest ahead: both are in the feed.
        start = first + datetime.timedelta(days=n - count // 3, hours=n % 5)
        page = EventPage(
            title=f"{sentence(chance, 4)[:-1]} {n}",
            slug=slug,
            lead=sentence(chance, 20),
            event_type=event_type,
            start=start,
            end=start + datetime.timedelta(hours=2),
            attendance_mode=EventPage.AttendanceMode.ONLINE,
            online_platform="Teams",
        )
        live_child(index, page)


def import_projects():
    """The 470-row sample through the import the admin uses; returns its report."""
    from cms.spreadsheets import csv_table, decode
    from network.importing import import_rows

    rows = csv_table(decode(CSV_SAMPLE.read_bytes())).checked_rows()
    return import_rows("projects", rows)


def add_subscribers(count):
    from newsletters.models import MailingList, Subscriber, Subscription

    mailing_list = MailingList.objects.order_by("pk").first()
    have = Subscriber.objects.filter(email__startswith="bench-").count()
    Subscriber.objects.bulk_create(
        Subscriber(email=f"bench-{n}@example.org", name=f"Lukija {n}") for n in range(have, count)
    )
    if mailing_list is not None:
        Subscription.objects.bulk_create(
            (
                Subscription(subscriber=subscriber, mailing_list=mailing_list, status="active")
                for subscriber in Subscriber.objects.filter(email__startswith="bench-")
            ),
            ignore_conflicts=True,
        )


def load(*, news, events, subscribers):
    add_news(news)
    add_events(events)
    report = import_projects()
    add_subscribers(subscribers)
    return report


def main():
    import argparse

    import django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=1_000)
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args()
    django.setup()
    report = load(news=args.news, events=args.events, subscribers=args.subscribers)
    print(  # noqa: T201
        f"scaled data: {args.news} news, {args.events} events, {args.subscribers} subscribers;"
        f" project import: {len(report.created)} created, {len(report.updated)} updated,"
        f" {len(report.rejected)} rejected"
    )


if __name__ == "__main__":
    main()
