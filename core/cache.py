"""A Redis cache that degrades to "nothing cached" while Redis is unreachable.

Everything we put in the cache can be rebuilt from PostgreSQL (the catalog,
whole pages, sessions under ``cached_db``), so a Redis outage should cost
speed, never a server error or a locked-out learner. Rate limits kept in the
cache fail open while Redis is down (``add`` reports success, so allauth's
lock does not wait and refuse). After a failure the process skips Redis for
``RETRY_AFTER`` seconds instead of paying a timeout on every call; failures
are logged so the outage is visible (and ``/ready/`` reports it).

Every cache round trip costs 0.1-0.2 ms of system calls (measured here), so a page that
knows the keys it is about to read fetches them together (``reading_ahead`` and
``read_ahead``) and its code reads them one by one as usual. Measured with ``make bench``
on 2026-12-06: without it the topic page served 18% fewer requests (page 1: 371.5 against
453.7 req/s; page 20: 382.3 against 473.4), more than the 15% a mechanism must buy to stay.
"""

import functools
import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


RETRY_AFTER = 5.0
_down_until = 0.0  # monotonic time before which this process does not try Redis


def _degrade(fallback):
    """Wrap a cache method: on a Redis error, log and return ``fallback(*args, **kwargs)``."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            global _down_until
            if time.monotonic() < _down_until:
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                _down_until = time.monotonic() + RETRY_AFTER
                logger.warning("Redis unavailable for cache.%s: %s", method.__name__, error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorator


def _missing(key, default=None, version=None):
    return default


def _not_stored(*args, **kwargs):
    return False


def _as_if_stored(*args, **kwargs):
    return True


def _nothing(*args, **kwargs):
    return None


def _no_values(*args, **kwargs):
    return {}


def _cannot_count(key, delta=1, version=None):
    raise ValueError(f"Key {key!r} not found (Redis unavailable)")


# What ``read_ahead`` fetched in the current ``reading_ahead`` scope, by full cache key
# (absent keys as _ABSENT), kept for the first read of each key only (``ResilientRedisCache``).
_read_ahead: ContextVar[dict | None] = ContextVar("cache_read_ahead", default=None)
_ABSENT = object()


@contextmanager
def reading_ahead():
    """A scope (one request's page) in which ``read_ahead`` remembers what it fetched.

    The first ``get`` or ``get_many`` of a key read ahead is answered from memory; later
    reads, and reads after a write to the key, go to the cache as usual, so code in the
    scope sees what it would have seen without it, read a moment earlier."""
    token = _read_ahead.set({})
    try:
        yield
    finally:
        _read_ahead.reset(token)


def read_ahead(keys) -> dict:
    """Fetch ``keys`` from the default cache in one round trip and return what was found.
    The in-memory cache of development has no round trips to save and only reads."""
    fetch = getattr(cache, "read_ahead", cache.get_many)
    return fetch(keys)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that degrades while Redis is down and answers the first read of
    each key read ahead (``reading_ahead``) from memory; every write forgets what was read
    ahead of the keys it touches. Only public methods of Django's cache are overridden.

    (Until 2026-12-06 it also kept one ``redis.Redis`` per connection pool through two
    private hooks of Django's client. Switched off in ``bench/ablate.py`` the topic page
    and the forum index kept their share of the baseline (-1.6% and +7.8%), so it went.)"""

    def _forget(self, keys, version) -> None:
        memo = _read_ahead.get()
        if memo:
            for key in keys:
                memo.pop(self.make_and_validate_key(key, version=version), None)

    @_degrade(_no_values)
    def read_ahead(self, keys, version=None):
        """``get_many``, remembered for the reads that follow (see ``reading_ahead``)."""
        found = super().get_many(keys, version=version)
        memo = _read_ahead.get()
        if memo is not None:
            for key in keys:
                memo[self.make_and_validate_key(key, version=version)] = found.get(key, _ABSENT)
        return found

    @_degrade(_missing)
    def get(self, key, default=None, version=None):
        memo = _read_ahead.get()
        if memo:
            full = self.make_and_validate_key(key, version=version)
            if full in memo:
                value = memo.pop(full)
                return default if value is _ABSENT else value
        return super().get(key, default, version)

    @_degrade(_no_values)
    def get_many(self, keys, version=None):
        memo = _read_ahead.get()
        if not memo:
            return super().get_many(keys, version=version)
        found, rest = {}, []
        for key in keys:
            full = self.make_and_validate_key(key, version=version)
            if full not in memo:
                rest.append(key)
            elif (value := memo.pop(full)) is not _ABSENT:
                found[key] = value
        if rest:
            found.update(super().get_many(rest, version=version))
        return found

    @_degrade(_as_if_stored)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget([key], version)
        return super().add(key, value, timeout, version)

    @_degrade(_nothing)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget([key], version)
        return super().set(key, value, timeout, version)

    @_degrade(_not_stored)
    def delete(self, key, version=None):
        self._forget([key], version)
        return super().delete(key, version)

    @_degrade(_cannot_count)
    def incr(self, key, delta=1, version=None):
        self._forget([key], version)
        return super().incr(key, delta, version)

    @_degrade(lambda data, *args, **kwargs: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget(data, version)
        return super().set_many(data, timeout, version)

    @_degrade(_nothing)
    def delete_many(self, keys, version=None):
        self._forget(keys, version)
        return super().delete_many(keys, version)

    @_degrade(_not_stored)
    def clear(self):
        if memo := _read_ahead.get():
            memo.clear()
        return super().clear()

    has_key = _degrade(_not_stored)(RedisCache.has_key)
    touch = _degrade(_not_stored)(RedisCache.touch)
