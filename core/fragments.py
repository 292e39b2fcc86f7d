"""Rendered HTML shared between readers, and the per-reader holes in it.

``CachedHtml`` is one cached piece of a page (a topic's posts, the forum index, the gap
view): a frozen dataclass whose fields are everything the HTML depends on, versions
included (see ``core.versions``). Its key is derived from all its fields by one
function, and its template is rendered from the fields and what ``load`` reads, without
the request, so nothing about a reader can reach shared HTML except through a field.

``shared_fragment`` (the ``{% shared_fragment %}`` tag) keeps the page chrome (header,
menus) that depends only on the code, the language and a few facts about the reader
(signed in, moderator) in each process's memory: it is the same on every page, and
rendering it anew cost a fifth of a forum page's time.

HTML rendered once for many readers cannot hold a reader's CSRF token or the address
they asked for: it holds stand-ins (``csrf_placeholder``, ``path_placeholder``), and
every response gets its own values in their place (``fill_csrf``, ``fill_holes``).
"""

import dataclasses
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db.models import Model
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.safestring import mark_safe

# Short enough that a version bump lost to a Redis outage heals by itself.
FRAGMENT_CACHE_SECONDS = 300


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


def csrf_token(request: HttpRequest) -> str:
    """This response's masked CSRF token: masked once per request, as Django's own
    ``{% csrf_token %}`` is once per template, not once per form (each mask takes 32
    random draws). A token rotated during the request (login) is masked afresh."""
    memo = getattr(request, "_masked_csrf_token", None)
    if memo is not None and memo[0] == request.META.get("CSRF_COOKIE"):
        return memo[1]
    token = get_token(request)
    request._masked_csrf_token = (request.META.get("CSRF_COOKIE"), token)  # type: ignore[attr-defined]
    return token


def fill_csrf(request: HttpRequest, html: str) -> str:
    """``html`` with this response's CSRF token in place of the stand-in."""
    return html.replace(csrf_placeholder(), csrf_token(request))


@contextmanager
def holes(request: HttpRequest) -> Iterator[None]:
    """While rendering HTML for many readers: ``{% csrf_input %}`` and
    ``{% current_path %}`` write stand-ins instead of this reader's values."""
    saved = {
        name: getattr(request, name, None) for name in ("csrf_placeholder", "path_placeholder")
    }
    # A whole-page cache around this render (core.middleware) fills the token itself.
    request.csrf_placeholder = saved["csrf_placeholder"] or csrf_placeholder()  # type: ignore[attr-defined]
    request.path_placeholder = path_placeholder()  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                delattr(request, name)
            else:
                setattr(request, name, value)


def fill_holes(request: HttpRequest, html: str) -> str:
    """``html`` rendered under ``holes`` with this request's values in place. Inside
    an outer ``holes`` (shared HTML within shared HTML, or the whole-page cache) the
    stand-ins stay, for the outer one to fill."""
    path = path_placeholder()
    if getattr(request, "path_placeholder", None) is None and path in html:
        html = html.replace(path, escape(request.get_full_path()))
    if getattr(request, "csrf_placeholder", None) is None and csrf_placeholder() in html:
        html = fill_csrf(request, html)
    return html


def shared_fragment(
    request: HttpRequest, name: str, vary_on: Iterable[Any], render_fragment: Callable[[], str]
) -> str:
    """The chrome fragment ``name`` for readers alike in ``vary_on`` (and the active
    language), from this process's memory or ``render_fragment()`` rendered now with
    holes; filled for this request."""
    facts = repr((translation.get_language(), *vary_on)).encode()
    key = f"{name}:{hashlib.sha256(facts).hexdigest()[:32]}"
    store = caches["fragments"]
    html = store.get(key)
    if html is None:
        with holes(request):
            html = str(render_fragment())
        store.set(key, html, FRAGMENT_CACHE_SECONDS)
    return mark_safe(fill_holes(request, html))  # noqa: S308 (our own template output)


def _fact(value: Any) -> Any:
    """A field's value as it goes into a key: a model instance by its identity (its
    content is covered by a version field beside it), a set in a fixed order."""
    if isinstance(value, Model):
        return (value._meta.label, value.pk)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(value))
    return value


@dataclasses.dataclass(frozen=True)
class CachedHtml:
    """A piece of a page kept in the cache for every reader alike in its fields.

    Subclasses are frozen dataclasses naming their ``template``; every field is an input
    of the HTML (the versions it depends on among them), and ``load`` reads the data to
    render on a miss. A field declared ``compare=False`` is not in the key: data read
    together with a version in the key (the same version, the same data), carried so
    that ``load`` need not read it again. The template gets the object as ``fragment``
    and what ``load`` returns, never the request: forms in it write ``{% csrf_input %}``
    and links ``{% current_path %}``, stand-ins filled per response."""

    template: ClassVar[str]
    timeout: ClassVar[int] = FRAGMENT_CACHE_SECONDS

    def key(self) -> str:
        """Derived from the class, the active language and every field (but one declared
        ``compare=False``), so a field that changes the HTML cannot be left out of the key."""
        facts = [
            _fact(getattr(self, field.name)) for field in dataclasses.fields(self) if field.compare
        ]
        digest = hashlib.sha256(repr((translation.get_language(), facts)).encode()).hexdigest()
        return f"html:{type(self).__module__}.{type(self).__qualname__}:{digest[:32]}"

    def load(self) -> Mapping[str, Any]:
        """The data the template shows besides the fields (read on a cache miss)."""
        return {}

    def keep(self, context: Mapping[str, Any]) -> bool:
        """Whether HTML rendered from ``context`` may be kept (not when it shows an outage)."""
        return True

    def html(self, request: HttpRequest) -> str:
        """The HTML for this request: from the cache, or rendered now and kept."""
        key = self.key()
        html = cache.get(key)
        if html is None:
            context = {"fragment": self, **self.load()}
            html = render_to_string(self.template, context)
            if self.keep(context):
                cache.set(key, html, self.timeout)
        return mark_safe(fill_holes(request, html))  # noqa: S308 (our own template output)
