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

# Within ``read_once`` (every request, ``core.middleware.VersionsMiddleware``), each counter
# is read from the cache once; its several readers (permission checks, fragments, pages)
# share that read. A bump in the scope forgets the counter, so the request sees its own
# change at once.
_read: ContextVar[dict[str, int] | None] = ContextVar("versions_read", default=None)


@contextmanager
def read_once() -> Iterator[None]:
    """Within this block every counter is read from the cache at most once (until bumped)."""
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)


def current(key: str) -> int:
    """The counter ``key``, started from the clock when it is missing (the value every
    process then reads: the first one to add it wins)."""
    return current_many(key)[0]


def current_many(*keys: str) -> list[int]:
    """``current`` for several counters in one cache round trip (two more for missing
    ones: add them, then read what won)."""
    seen = _read.get()
    known = {key: seen[key] for key in keys if key in seen} if seen else {}
    wanted = [key for key in keys if key not in known]
    if wanted:
        found = cache.get_many(wanted)
        missing = [key for key in wanted if key not in found]
        if missing:
            for key in missing:
                cache.add(key, time.time_ns(), None)
            found.update(cache.get_many(missing))
        for key in wanted:
            known[key] = found.get(key) or time.time_ns()
        if seen is not None:
            seen.update((key, known[key]) for key in wanted)
    return [known[key] for key in keys]


def bump(key: str) -> None:
    bump_many([key])


def bump_many(keys: Iterable[str]) -> None:
    """Bump several counters, one cache round trip each time (now, and at commit)."""
    keys = list(keys)

    def set_all() -> None:
        seen = _read.get()
        if seen:
            for key in keys:
                seen.pop(key, None)
        cache.set_many(dict.fromkeys(keys, time.time_ns()), None)

    set_all()
    transaction.on_commit(set_all)


# The content version: every publish, unpublish, move or delete of a page, a topic edit,
# a site change or a view restriction bumps it (``core.receivers``, ``learning.receivers``);
# the catalog, routed pages, the anonymous page cache, the site memo and the gap view are
# cached under it.
CONTENT_VERSION_KEY = "content-version"


def content_version() -> int:
    return current(CONTENT_VERSION_KEY)


def bump_content_version() -> None:
    """Invalidate everything cached per content version, now and again at commit."""
    bump(CONTENT_VERSION_KEY)


# The whole-page cache of first-time anonymous visitors (``core.middleware``) also carries
# this counter: an app that shows on those pages something that is not content (the forum's
# count of peers who think along) bumps it when that changes.
ANONYMOUS_PAGES_VERSION_KEY = "anon-pages-version"


def anonymous_pages_versions() -> tuple[int, int]:
    """The content version and the anonymous pages' own version, in one round trip."""
    content, pages = current_many(CONTENT_VERSION_KEY, ANONYMOUS_PAGES_VERSION_KEY)
    return content, pages


def bump_anonymous_pages() -> None:
    """Drop every whole page cached for first-time anonymous visitors, now and at commit."""
    bump(ANONYMOUS_PAGES_VERSION_KEY)
