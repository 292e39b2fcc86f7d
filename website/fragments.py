"""Rendered fragments of our own templates kept in the cache, under keys that carry the
versions of what they show (see ``website.versions``)."""

from django.core.cache import cache
from django.utils.safestring import mark_safe

# Short enough that a version bump lost to a Redis outage heals by itself.
FRAGMENT_CACHE_SECONDS = 300


def cached_html(key: str, render_fragment):
    """The fragment under ``key``, or ``render_fragment()`` rendered now and kept."""
    html = cache.get(key)
    if html is None:
        html = render_fragment()
        cache.set(key, html, FRAGMENT_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 (our own template output)
