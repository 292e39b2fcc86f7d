"""Version counters in the cache: cached forum data carries the version in its key, and
a change bumps the version instead of hunting down every entry.

A missing counter starts from the clock, so a counter lost with the cache can never
come back to an old value and revive stale entries.
"""

import time

from django.core.cache import cache


def current(key: str) -> int:
    version = cache.get(key)
    if version is None:
        version = time.time_ns()
        cache.add(key, version, None)
    return version


def bump(key: str) -> None:
    cache.set(key, time.time_ns(), None)
