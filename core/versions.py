"""Version counters in the cache: cached data carries the version in its key, and a change
bumps the version instead of hunting down every entry. The one implementation every cache
uses, the content version included.

A missing counter starts from the clock, so a counter lost with the cache can never
come back to an old value and revive stale entries. A bump counts now and again when the
transaction commits: a reader between the two saw the old rows and may have cached them
under the first new version.
"""

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction


def current(key: str) -> int:
    """The counter ``key``, started from the clock when it is missing (the value every
    process then reads: the first one to add it wins)."""
    return current_many(key)[0]


def current_many(*keys: str) -> list[int]:
    """``current`` for several counters in one cache round trip (two more for missing
    ones: add them, then read what won)."""
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, time.time_ns(), None)
        found.update(cache.get_many(missing))
    return [found.get(key) or time.time_ns() for key in keys]


def bump(key: str) -> None:
    bump_many([key])


def bump_many(keys: Iterable[str]) -> None:
    """Bump several counters, one cache round trip each time (now, and at commit)."""
    keys = list(keys)

    def set_all() -> None:
        cache.set_many(dict.fromkeys(keys, time.time_ns()), None)

    set_all()
    transaction.on_commit(set_all)


# The content version: every publish, unpublish, move or delete of a page, a topic edit,
# a site change or a view restriction bumps it (``core.receivers``, ``learning.receivers``);
# the catalog, routed pages, the anonymous page cache, the site memo and the gap view are
# cached under it. A request reads it once (``content_version_pinned``), so its several
# readers ask Redis once; a bump in the request unpins it.
CONTENT_VERSION_KEY = "content-version"
_pinned_content: ContextVar[int | None] = ContextVar("content_version", default=None)


def content_version() -> int:
    """The current content version (the request's, once pinned)."""
    pinned = _pinned_content.get()
    return pinned if pinned is not None else current(CONTENT_VERSION_KEY)


@contextmanager
def content_version_pinned() -> Iterator[int]:
    """Within this block ``content_version`` is read from the cache once."""
    token = _pinned_content.set(content_version())
    try:
        yield _pinned_content.get() or 0
    finally:
        _pinned_content.reset(token)


def bump_content_version() -> None:
    """Invalidate everything cached per content version, now and again at commit."""

    def unpin() -> None:
        _pinned_content.set(None)

    unpin()
    bump(CONTENT_VERSION_KEY)
    transaction.on_commit(unpin)
