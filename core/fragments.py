"""Rendered HTML shared between readers, and the per-reader holes in it.

``cached_html`` keeps fragments of our own templates in the cache, under keys that
carry the versions of what they show (see ``core.versions``).

``shared_fragment`` (the ``{% shared_fragment %}`` tag) keeps the page chrome (header,
menus) that depends only on the code, the language and a few facts about the reader
(signed in, moderator) in each process's memory: it is the same on every page, and
rendering it anew cost a fifth of a forum page's time.

HTML rendered once for many readers cannot hold a reader's CSRF token or the address
they asked for: it holds stand-ins (``csrf_placeholder``, ``path_placeholder``), and
every response gets its own values in their place (``fill_csrf``, ``fill_holes``).
"""

import functools
import hashlib
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache, caches
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.html import escape
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
    # The salt keeps this module's name from before it moved to ``core``: stand-ins in HTML
    # already cached are then still found and filled.
    digest = salted_hmac("website.fragments.stand-in", name, secret=secret).hexdigest()
    return f"__{name}_{digest[:32]}__"


def csrf_placeholder() -> str:
    """The stand-in for the reader's CSRF token in shared HTML.

    Derived from ``SECRET_KEY``, so nobody can type it: shared HTML also holds what
    people wrote, and a known stand-in in a post (in a link, say) would be filled
    with every reader's token.
    """
    return _stand_in("csrf", settings.SECRET_KEY)


def path_placeholder() -> str:
    """The stand-in for the address of this request (path and query) in shared HTML."""
    return _stand_in("path", settings.SECRET_KEY)


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


@contextmanager
def holes(request):
    """While rendering HTML for many readers: ``{% csrf_input %}`` and
    ``{% current_path %}`` write stand-ins instead of this reader's values."""
    saved = {
        name: getattr(request, name, None) for name in ("csrf_placeholder", "path_placeholder")
    }
    # A whole-page cache around this render (core.middleware) fills the token itself.
    request.csrf_placeholder = saved["csrf_placeholder"] or csrf_placeholder()
    request.path_placeholder = path_placeholder()
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                delattr(request, name)
            else:
                setattr(request, name, value)


def fill_holes(request, html: str) -> str:
    """``html`` rendered under ``holes`` with this request's values in place. Inside
    an outer ``holes`` (shared HTML within shared HTML, or the whole-page cache) the
    stand-ins stay, for the outer one to fill."""
    path = path_placeholder()
    if getattr(request, "path_placeholder", None) is None and path in html:
        html = html.replace(path, escape(request.get_full_path()))
    if getattr(request, "csrf_placeholder", None) is None and csrf_placeholder() in html:
        html = fill_csrf(request, html)
    return html


def _shared(request, store, key: str, render_fragment) -> str:
    html = store.get(key)
    if html is None:
        with holes(request):
            html = str(render_fragment())
        store.set(key, html, FRAGMENT_CACHE_SECONDS)
    return mark_safe(fill_holes(request, html))  # noqa: S308 (our own template output)


def cached_shared_html(request, key: str, render_fragment) -> str:
    """``cached_html`` for HTML shown to many readers: rendered with holes, kept in the
    cache under ``key`` (which must hold everything it shows), filled for this request."""
    return _shared(request, cache, key, render_fragment)


def shared_fragment(request, name: str, vary_on, render_fragment) -> str:
    """The chrome fragment ``name`` for readers alike in ``vary_on`` (and the active
    language), from this process's memory or ``render_fragment()`` rendered now with
    holes; filled for this request."""
    facts = repr((translation.get_language(), *vary_on)).encode()
    key = f"{name}:{hashlib.sha256(facts).hexdigest()[:32]}"
    return _shared(request, caches["fragments"], key, render_fragment)
