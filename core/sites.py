"""Resolve the Wagtail Site once per host and content version, not on every request.

Wagtail looks the Site up with a database query per request and caches the
answer on ``request._wagtail_site`` (documented in ``Site.find_for_request``).
This middleware fills that cache from a per-process memo, so the Site and its
root page (whose ``.specific`` instance Wagtail's router uses) are loaded once
per content version. Publishing any page, or saving or deleting a Site, bumps
the version (``core.receivers``), which empties the memo.
"""

from wagtail.models import Site

from .versions import content_version

_memo: dict[tuple[str, str], Site | None] = {}
_memo_version: int | None = None


class SiteMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _memo_version
        version = content_version()
        if version != _memo_version:
            _memo.clear()
            _memo_version = version
        key = (request.get_host(), request.get_port())
        if key in _memo:
            request._wagtail_site = _memo[key]
        else:
            site = Site.find_for_request(request)
            if site is not None:
                site.root_page.specific  # noqa: B018 - load once; Wagtail's router reuses it
            _memo[key] = site
        return self.get_response(request)
