"""Whole-page cache for first-time anonymous visitors.

A learning page looks the same for every visitor without a session, so the
rendered HTML is cached per path and language. Views opt in by setting
``response.anonymous_cacheable = True``. The CSRF token is the one per-visitor
part: while such a request renders, ``{% csrf_input %}`` writes a placeholder,
and every response (fresh or cached) gets its own token in its place, so the
forms on the page keep working. The cache key carries a content version that
is bumped on every publish, unpublish, move or delete (``core.receivers``).
"""

import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

from .fragments import csrf_placeholder, fill_csrf

CONTENT_VERSION_KEY = "anon-page-cache:version"


def _fresh_version() -> int:
    # Starts from the clock, not 1: after the cache is flushed, a process that
    # remembers an old version must not mistake the new one for it.
    return time.time_ns() // 1000


# The version read at the start of a request (``ContentVersionMiddleware``), so
# the several readers in one request ask Redis once. A bump in the request unpins it.
_pinned_version: ContextVar[int | None] = ContextVar("content_version", default=None)


def content_version() -> int:
    """The current content version; changes whenever published content changes."""
    pinned = _pinned_version.get()
    if pinned is not None:
        return pinned
    return cache.get_or_set(CONTENT_VERSION_KEY, _fresh_version, timeout=None)


class ContentVersionMiddleware:
    """Read the content version once per request, for every cache keyed by it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _pinned_version.set(content_version())
        try:
            return self.get_response(request)
        finally:
            _pinned_version.reset(token)


def _incr_content_version() -> None:
    _pinned_version.set(None)
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # not set yet: nothing cached can be stale
        cache.set(CONTENT_VERSION_KEY, _fresh_version(), timeout=None)


def bump_content_version() -> None:
    """Invalidate everything cached per content version, now and again at commit.

    The second bump matters: a request that rebuilt a cache between the first
    bump and the commit saw the old content and must not keep it.
    """
    _incr_content_version()
    transaction.on_commit(_incr_content_version)


def _is_first_time_anonymous(request) -> bool:
    return (
        request.method == "GET"
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_first_time_anonymous(request):
            return self.get_response(request)

        key = f"anon-page:{content_version()}:{request.LANGUAGE_CODE}:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            body, content_type = cached
            response = HttpResponse(fill_csrf(request, body), content_type=content_type)
            response["Vary"] = "Cookie"
            return response

        request.csrf_placeholder = placeholder = csrf_placeholder()
        response = self.get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        body = response.content.decode(response.charset)
        if placeholder not in body and not getattr(response, "anonymous_cacheable", False):
            return response
        if (
            getattr(response, "anonymous_cacheable", False)
            and response.status_code == 200
            and not response.cookies.keys() - {settings.CSRF_COOKIE_NAME}
        ):
            cache.set(key, (body, response["Content-Type"]), settings.ANONYMOUS_PAGE_CACHE_SECONDS)
        response.content = fill_csrf(request, body)
        return response
