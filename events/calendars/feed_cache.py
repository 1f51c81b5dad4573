"""The serialised bytes of each calendar feed, kept in the shared cache.

Serialising the feed of 1,000 events costs about two seconds of CPU (most of it in
icalendar's line folding), while the feed's version costs one query. So the bytes are
stored under the version (the same value as the ETag): every web process serialises a
feed once per change of its events, and a new version simply misses the cache.

What a feed shows but its version query cannot see gets a "generation" token here: the
names of event types, themes and regions (categories, the calendar's name) and the event
addresses, which change when an ancestor page is moved or renamed. Saving or deleting one
of those replaces the token, and the token is part of the version. A token the cache has
lost is replaced by a new one, so a lost token only costs a fresh serialisation, never a
stale feed."""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_slug_changed, post_page_move

from cms.models import Region, Theme
from events.models import EventType

GENERATION_KEY = "events:feed-generation"
BODY_TIMEOUT = 24 * 60 * 60  # the version holds the date, so older bodies are unreachable


def generation():
    """The current token; made (once, whichever process comes first) when missing."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    return token


def body(version, serialise):
    """The bytes of the feed at `version`, serialised only when the cache lacks them."""
    key = f"events:feed:{version}"
    data = cache.get(key)
    if data is None:
        data = serialise()
        cache.set(key, data, BODY_TIMEOUT)
    return data


def new_generation(**kwargs):
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


for label in (EventType, Region, Theme):
    post_save.connect(new_generation, sender=label, dispatch_uid=f"feed-{label.__name__}-saved")
    post_delete.connect(new_generation, sender=label, dispatch_uid=f"feed-{label.__name__}-gone")


@receiver(page_slug_changed)
@receiver(post_page_move)
def addresses_changed(sender, **kwargs):
    """A moved or renamed page may hold events: their URLs in the feeds changed."""
    new_generation()
