"""The anonymous page cache: whole page responses kept in the shared cache.

Wagtail pages are the same for every visitor who is not signed in, so their rendered
responses are kept in the default cache (Redis in production, this process's memory in the
embedded default) and served to the next such visitor without touching the database.
`policy` decides which requests and responses qualify, `middleware` fetches and stores,
and this module owns the one thing every change needs: `invalidate()`.

Invalidation is by generation rather than by URL: every cache key carries the current
generation, and any change that can alter a page (a page published, unpublished, moved or
deleted; a registration that changes free seats; a snippet shown on pages) replaces it, so
every page is rendered afresh on its next request. Pages list other pages, events, seats and
snippets in too many ways to track which URLs show what; a site edited a few times an hour
loses little by starting over, and an entry nobody asks for expires after
`PAGE_CACHE_SECONDS`. Apps register the models whose changes show on pages with
`invalidate_on(...)` in their `AppConfig.ready()`, so `cms` imports none of them.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from cms.page_cache import frontend

GENERATION_KEY = "pagecache:generation"


def generation():
    """The current generation; a new one if the cache has lost it (evicted, flushed)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _after_commit():
    # Again after the commit: a page another process rendered while this transaction was
    # still open shows the data as it was before, yet may be stored under the generation
    # set at the start of the change; a new generation drops it.
    _new_generation()
    frontend.purge_site()


def invalidate(*args, **kwargs):
    """Forget every cached page now and again once the current transaction commits; then
    purge the HTTP cache in front, if there is one (a task, so a slow or unreachable cache
    never holds up the request). Takes any arguments, so that it can be connected to a
    signal directly."""
    _new_generation()
    transaction.on_commit(_after_commit)


def invalidate_on(*models):
    """Invalidate the page cache whenever a row of one of `models` is saved or deleted."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page_cache.save.{label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page_cache.delete.{label}")
