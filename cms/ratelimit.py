"""One rate limiter for every public form, counted in the shared cache.

Counts live in the default cache (Redis in production), so every web process sees the
same numbers. Each limit is a fixed window per key; the key is whatever the form needs
(the client's address, an e-mail address, an event), hashed so that the cache holds no
personal data.

When the shared cache cannot be reached (`cms.cache_backends.CacheUnavailable`), each
process counts in its own memory until it can: the limits still hold per process (at
most `limit` × the number of web processes), so the forms neither refuse everyone nor
accept anything (docs/operations.md, "When Redis or the mail service is down").
"""

import hashlib

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.cache_backends import CacheUnavailable

# This process's own counts, used only while the shared cache is unreachable.
_local = LocMemCache("ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def _shared_cache_up():
    return getattr(cache, "available", True)


class RateLimit:
    """At most ``limit`` attempts per ``window`` seconds for each key in ``scope``."""

    def __init__(self, scope, *, limit, window):
        self.scope = scope
        self.limit = limit
        self.window = window

    def _key(self, parts):
        joined = "\x1f".join(str(part).strip().lower() for part in parts)
        digest = hashlib.sha256(joined.encode()).hexdigest()[:40]
        return f"ratelimit:{self.scope}:{digest}"

    def hit(self, *parts):
        """Count one attempt; True when this attempt is over the limit."""
        key = self._key(parts)
        if _shared_cache_up():
            try:
                return self._count(cache, key) > self.limit
            except CacheUnavailable:
                pass
        return self._count(_local, key) > self.limit

    def _count(self, store, key):
        # add() then incr() is atomic on Redis and within one process on locmem.
        store.add(key, 0, self.window)
        try:
            return store.incr(key)
        except ValueError:  # expired between add() and incr()
            store.set(key, 1, self.window)
            return 1

    def exceeded(self, *parts):
        """True when the key has used up its attempts; counts nothing."""
        store = cache if _shared_cache_up() else _local
        return store.get(self._key(parts), 0) >= self.limit

    def reset(self, *parts):
        cache.delete(self._key(parts))
        _local.delete(self._key(parts))


def too_many_requests(request, message="", *, retry_after=600, status=429):
    """The shared answer to a visitor over a limit: a plain page, 429, Retry-After."""
    response = render(
        request,
        "cms/too_many_requests.html",
        {"message": message or _("Too many attempts. Please wait a few minutes and try again.")},
        status=status,
    )
    response["Retry-After"] = str(retry_after)
    return response
