"""Whole-page cache for first-time anonymous visitors.

A learning page looks the same for every visitor without a session, so the
rendered HTML is cached per path, language and low-data mode (``core.lowdata``). Views
opt in by setting ``response.anonymous_cacheable = True``. The CSRF token is the one per-visitor
part: while such a request renders, ``{% csrf_input %}`` writes a placeholder,
and every response (fresh or cached) gets its own token in its place, so the
forms on the page keep working. The cache key carries a content version that
is bumped on every publish, unpublish, move or delete, and the anonymous pages' own
version, bumped by what else these pages show (``core.versions``).
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from .fragments import csrf_placeholder, fill_csrf
from .versions import anonymous_pages_versions, read_once


class VersionsMiddleware:
    """Read each version counter once per request, however many caches are keyed by it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with read_once():
            return self.get_response(request)


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

        variant = "weinig-data" if request.low_data else "gewoon"
        content, pages = anonymous_pages_versions()
        key = f"anon-page:{content}.{pages}:{request.LANGUAGE_CODE}:{variant}:{request.path}"
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
