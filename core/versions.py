"""Version counters in the cache: cached data carries the version in its key, and a change
bumps the version instead of hunting down every entry.

A missing counter starts from the clock, so a counter lost with the cache can never
come back to an old value and revive stale entries. A bump counts now and again when the
transaction commits: a reader between the two saw the old rows and may have cached them
under the first new version.
"""

import time

from django.core.cache import cache
from django.db import transaction


def current(key: str) -> int:
    version = cache.get(key)
    if version is None:
        version = time.time_ns()
        cache.add(key, version, None)
    return version


def current_many(*keys: str) -> list[int]:
    """``current`` for several counters in one cache round trip."""
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            found[key] = time.time_ns()
            cache.add(key, found[key], None)
    return [found[key] for key in keys]


def bump(key: str) -> None:
    bump_many([key])


def bump_many(keys) -> None:
    """Bump several counters, one cache round trip each time (now, and at commit)."""
    keys = list(keys)

    def set_all():
        cache.set_many(dict.fromkeys(keys, time.time_ns()), None)

    set_all()
    transaction.on_commit(set_all)
