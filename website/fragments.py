"""Rendered HTML shared between readers, and the per-reader holes in it.

``cached_html`` keeps fragments of our own templates in the cache, under keys that
carry the versions of what they show (see ``website.versions``).

HTML rendered once for many readers cannot hold a reader's CSRF token: it holds a
stand-in (``csrf_placeholder``), and every response gets its own token in its place
(``fill_csrf``).
"""

import functools

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac
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


@functools.cache
def _stand_in(name: str, secret: str) -> str:
    digest = salted_hmac("website.fragments.stand-in", name, secret=secret).hexdigest()
    return f"__{name}_{digest[:32]}__"


def csrf_placeholder() -> str:
    """The stand-in for the reader's CSRF token in shared HTML.

    Derived from ``SECRET_KEY``, so nobody can type it: shared HTML also holds what
    people wrote, and a known stand-in in a post (in a link, say) would be filled
    with every reader's token.
    """
    return _stand_in("csrf", settings.SECRET_KEY)


def csrf_token(request) -> str:
    """This response's masked CSRF token: masked once per request, as Django's own
    ``{% csrf_token %}`` is once per template, not once per form (each mask takes 32
    random draws). A token rotated during the request (login) is masked afresh."""
    memo = getattr(request, "_masked_csrf_token", None)
    if memo is not None and memo[0] == request.META.get("CSRF_COOKIE"):
        return memo[1]
    token = get_token(request)
    request._masked_csrf_token = (request.META.get("CSRF_COOKIE"), token)
    return token


def fill_csrf(request, html: str) -> str:
    """``html`` with this response's CSRF token in place of the stand-in."""
    return html.replace(csrf_placeholder(), csrf_token(request))
