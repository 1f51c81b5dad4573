"""The version of each calendar feed, and its serialised bytes in the shared cache.

Calendar programs poll every few hours, so most feed requests should cost next to
nothing: a feed's version (its ETag, and the key of its bytes here) is a hash of the
request's address, language and filters, the date, and a "generation" token that every
change a feed can show replaces. Answering a 304 then reads the cache only, never the
database, and every web process serialises a feed once per change.

What replaces the token: saving or deleting an event record, an event page, a series or
participation week (their titles name feeds), a privacy restriction or a label (event
type, theme, region: categories and feed names), publishing or unpublishing any page,
moving or renaming a page (event addresses). The record updates that bypass `save()`
(SEQUENCE, withdrawal) run only inside a page's publishing, unpublishing or deletion, so
those signals cover them. The token changes at once and again when the transaction
commits, so a feed serialised from the old rows is never served after it.
A token the cache has lost is replaced by a new one: a lost token only costs a fresh
serialisation, never a stale feed."""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.models import Region, Theme
from events.filtering import FEED_FILTERS
from events.models import Event, EventPage, EventSeriesPage, EventType, ParticipationWeekPage

GENERATION_KEY = "events:feed-generation"
BODY_TIMEOUT = 24 * 60 * 60  # the version holds the date, so older bodies are unreachable


def generation():
    """The current token; made (once, whichever process comes first) when missing."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    return token


def version(request):
    """The version of the feed `request` asks for, without reading the database. Only
    the filters' raw values count, so an unknown query parameter changes nothing."""
    filters = sorted((name, value) for name in FEED_FILTERS for value in request.GET.getlist(name))
    parts = (request.path, get_language(), filters, generation(), timezone.localdate())
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def last_modified(version):
    """When the feed at `version` last changed (a POSIX timestamp), if it was built."""
    return cache.get(f"events:feed-modified:{version}")


def body(version, serialise):
    """(bytes, last modified, file name) of the feed at `version`, serialised only when
    the cache lacks them; `serialise` returns the same three."""
    key = f"events:feed:{version}"
    stored = cache.get(key)
    if stored is None:
        stored = serialise()
        modified_key = f"events:feed-modified:{version}"
        cache.set_many({key: stored, modified_key: stored[1]}, BODY_TIMEOUT)
    return stored


def new_generation(**kwargs):
    """Replace the token now, and again once the transaction commits: a request that
    read the old rows under the first new token may have stored a feed that the commit
    makes stale, and the second token leaves it unreachable."""
    _replace()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_replace)


def _replace():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


_SAVED = (Event, EventPage, EventSeriesPage, ParticipationWeekPage, PageViewRestriction)
for model in (*_SAVED, EventType, Region, Theme):
    post_save.connect(new_generation, sender=model, dispatch_uid=f"feed-{model.__name__}-saved")
    post_delete.connect(new_generation, sender=model, dispatch_uid=f"feed-{model.__name__}-gone")
m2m_changed.connect(new_generation, sender=Event.themes.through, dispatch_uid="feed-themes")
_PAGE_SIGNALS = {
    "published": page_published,
    "unpublished": page_unpublished,
    "renamed": page_slug_changed,
    "moved": post_page_move,
}
for name, signal in _PAGE_SIGNALS.items():
    signal.connect(new_generation, dispatch_uid=f"feed-page-{name}")
