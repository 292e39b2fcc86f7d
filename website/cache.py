"""A Redis cache that degrades to "nothing cached" while Redis is unreachable.

Everything we put in the cache can be rebuilt from PostgreSQL (the catalog,
whole pages, sessions under ``cached_db``), so a Redis outage should cost
speed, never a server error or a locked-out learner. Rate limits kept in the
cache fail open while Redis is down (``add`` reports success, so allauth's
lock does not wait and refuse). After a failure the process skips Redis for
``RETRY_AFTER`` seconds instead of paying a timeout on every call; failures
are logged so the outage is visible (and ``/ready/`` reports it).
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
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


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client builds a new ``redis.Redis`` for every cache call, and each one
    fills a table of some 150 response callbacks (about 0.3 ms, several times per page).
    One ``redis.Redis`` per connection pool does the same job: it is thread-safe and
    takes a pooled connection per command."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    get = _degrade(_missing)(RedisCache.get)
    get_many = _degrade(_no_values)(RedisCache.get_many)
    has_key = _degrade(_not_stored)(RedisCache.has_key)
    add = _degrade(_as_if_stored)(RedisCache.add)
    set = _degrade(_nothing)(RedisCache.set)
    set_many = _degrade(lambda data, *a, **k: list(data))(RedisCache.set_many)
    touch = _degrade(_not_stored)(RedisCache.touch)
    delete = _degrade(_not_stored)(RedisCache.delete)
    delete_many = _degrade(_nothing)(RedisCache.delete_many)
    incr = _degrade(_cannot_count)(RedisCache.incr)
    clear = _degrade(_not_stored)(RedisCache.clear)
