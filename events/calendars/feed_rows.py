"""What a feed's VEVENTs read, loaded in a fixed number of queries however many events
there are: each page's words and its record's facts in one row (the facts become an
`Event`, so the feed reads the same properties as the event page), the themes chosen in
one more, the labels from the shared cache, and each address from its parent page's.

Loading 1,000 event pages as Wagtail page objects and routing each for its address cost
more than half a second; this costs a few dozen milliseconds."""

from collections import defaultdict

from wagtail.models import Page

from cms.links import page_url
from cms.models import Theme
from cms.request_memo import cached_rows
from events.models import Event, EventType

PAGE_FIELDS = ("pk", "title", "lead", "last_published_at", "slug", "path")
RECORD_FIELDS = tuple(field.attname for field in Event._meta.concrete_fields)


class FeedEvent:
    """One event as the serialiser reads it: the page's words, the record's facts."""

    def __init__(self, values, record, url, categories):
        self.title = values["title"]
        self.lead = values["lead"]
        self.last_published_at = values["last_published_at"]
        self.record = record
        self.url = url
        self.categories = categories

    def __getattr__(self, name):
        return getattr(self.record, name)


def feed_rows(events):
    """A FeedEvent for each page of the `events` queryset, in its order."""
    rows = events.values_list(*PAGE_FIELDS, *(f"event__{name}" for name in RECORD_FIELDS))
    pages, records = [], []
    for row in rows:
        pages.append(dict(zip(PAGE_FIELDS, row, strict=False)))
        records.append(Event.from_db(events.db, RECORD_FIELDS, row[len(PAGE_FIELDS) :]))
    categories = _categories(records, events.values("event_id"))
    urls = _addresses(pages)
    return [
        FeedEvent(values, record, urls[values["pk"]], categories[record.pk])
        for values, record in zip(pages, records, strict=True)
    ]


def _categories(records, record_ids):
    """Each record's event type and themes, in the active language."""
    types = {label.pk: str(label) for label in cached_rows(EventType)}
    themes = {label.pk: str(label) for label in cached_rows(Theme)}
    chosen = defaultdict(list)
    links = Event.themes.through.objects.filter(event_id__in=record_ids)
    for event_id, theme_id in links.order_by("theme__sort_order", "theme__name_fi").values_list(
        "event_id", "theme_id"
    ):
        chosen[event_id].append(themes[theme_id])
    return {record.pk: [types[record.event_type_id], *chosen[record.pk]] for record in records}


def _addresses(pages):
    """Each page's public address: its parent's (Wagtail routes the few parents) and
    its slug, as Wagtail builds every address from its parent's."""
    parent_paths = {values["path"][: -Page.steplen] for values in pages}
    parents = Page.objects.filter(path__in=parent_paths).select_related("locale")
    parent_urls = {parent.path: page_url(parent) for parent in parents}
    return {
        values["pk"]: _child_url(parent_urls[values["path"][: -Page.steplen]], values["slug"])
        for values in pages
    }


def _child_url(parent_url, slug):
    return f"{parent_url}{slug}/" if parent_url else ""
