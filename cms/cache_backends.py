"""The shared cache in production: Django's RedisCache, made to fail soft.

Django's RedisCache raises whenever Redis cannot be reached, so a stopped Redis would
turn every page into a 500: the page cache, the request memo and the feeds all read the
cache on each request. `ResilientRedisCache` answers as an empty cache instead: reads
miss, writes are dropped, `add` and `delete` say they did nothing. After a failure this
process does not try Redis again for `RETRY_AFTER` seconds (a closed circuit), so a
Redis that hangs rather than refuses costs one short timeout, not one per cache call.

`incr` is the exception: it raises `CacheUnavailable`, because a counter that silently
starts again from nothing is a rate limit that never refuses; `cms.ratelimit` catches it
and counts in the process instead (see docs/operations.md, "When Redis or the mail
service is down"). `available` says whether Redis is believed reachable right now.

Timeouts are short and redis-py does not retry: the cache is an optimisation, and a page
rendered without it is better than a page that waits: `cms.settings.base.redis_cache`
is what production uses.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Refused, timed out, a replica that went read-only, something else answering on the
# port: whatever redis-py raises, the page is rendered without the cache.
UNREACHABLE = RedisError


class CacheUnavailable(Exception):
    """The shared cache could not be reached; raised only where silence would mislead."""


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = options.pop("retry_after", 5)
        # redis-py may be told to retry; a cache that is down should be skipped instead.
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        options.setdefault("retry", Retry(NoBackoff(), 0))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0

    @property
    def available(self):
        return time.monotonic() >= self._down_until

    def _call(self, name, fallback, *args, **kwargs):
        if not self.available:
            return fallback
        try:
            return getattr(super(), name)(*args, **kwargs)
        except UNREACHABLE as error:
            self._went_down(error)
            return fallback

    def _went_down(self, error):
        if self.available:
            logger.warning(
                "Redis unreachable (%s); the cache is skipped for %s s.",
                error.__class__.__name__,
                self.retry_after,
            )
        self._down_until = time.monotonic() + self.retry_after

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)

    def incr(self, key, delta=1, version=None):
        if not self.available:
            raise CacheUnavailable
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            self._went_down(error)
            raise CacheUnavailable from error
