"""The mechanisms ``bench/ablate.py`` switches off one at a time, and how (issue 14).

Every speed-up must pay for itself. ``ABLATIONS`` names each one (a cache, a memo, a
trick of the server) with the scenarios it serves (keys of ``bench.scenarios.RUNS``) and
a function that switches it off in this process: it patches the production code to its
plain equivalent (what the code does without the mechanism) onto an ``ExitStack``, whose
closing restores everything, and returns a check that tells, once the scenarios were
served, whether the mechanism really was off. Production code has no switch for any of
this: gunicorn loads ``bench/ablated_wsgi.py``, which calls ``serve_without``.

Three helpers make most entries one line:

- ``forget(stack, module, *prefixes)``: the module's ``cache`` becomes one that never
  finds nor keeps keys of those families (the cache map in ``docs/architecture.md``), so
  the code works out, every time, what it would have cached. Checked: the code asked for
  such keys, and none is in Redis.
- ``replace(stack, owner, name, plain)``: a function (in every module that imported it by
  name) or a method replaced by its plain equivalent. Checked: the replacement ran.
- ``absent(*prefixes)``: a check that no key of those families is in Redis.

Adding a mechanism is an entry such as ``"board-html": Ablation(("h",), lambda stack:
forget(stack, core.fragments, "html:forum.fragments.BoardIndex:"))`` (``CachedHtml`` keeps
its HTML through ``core.fragments``' cache, under its class's name).
"""

import contextlib
import functools
import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from unittest import mock

import redis
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.template import engines
from django.urls import get_resolver

import core.cache
import core.fragments
import forum.permissions
import forum.selectors
import learning.selectors
import team.selectors
from core import sites
from core.middleware import AnonymousPageCacheMiddleware, VersionsMiddleware
from forum.machina_apps.forum_permission import checker as forum_permission_checker

Check = Callable[[], str | None]  # what shows the mechanism was not off, or None


@dataclass(frozen=True)
class Ablation:
    scenarios: tuple[str, ...]  # the scenarios it serves, keys of bench.scenarios.RUNS
    switch_off: Callable[[ExitStack], Check]


# --- the helpers ---


def load_project() -> None:
    """Import every module a request may use: the URLconf (and with it every view) and the
    template tag libraries, so ``replace`` finds every module that imported a function."""
    get_resolver().url_patterns  # noqa: B018 - importing the URLconf is the point
    engines.all()


def all_of(*checks: Check) -> Check:
    """A check that reports the first problem of ``checks``."""
    return lambda: next((problem for check in checks if (problem := check())), None)


def replace(stack: ExitStack, owner: type | ModuleType, name: str, plain: Callable) -> Check:
    """Replace ``owner.name`` with ``plain`` until ``stack`` closes: a method on its class,
    a module's function in every loaded module that holds it (under any name)."""
    original = getattr(owner, name)
    calls = [0]

    @functools.wraps(original)
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1  # a lost count under threads is harmless: only "never" matters
        return plain(*args, **kwargs)

    holders = [owner] if isinstance(owner, type) else _modules_holding(original)
    for holder in holders:
        for attribute, value in list(vars(holder).items()):
            if value is original:
                stack.enter_context(mock.patch.object(holder, attribute, counted))
    where = f"{owner.__name__}.{name}"
    return lambda: None if calls[0] else f"the plain {where} never ran"


def _modules_holding(value: object) -> list[ModuleType]:
    return [
        module
        for module in list(sys.modules.values())
        if isinstance(module, ModuleType) and any(v is value for v in vars(module).values())
    ]


def absent(*prefixes: str) -> Check:
    """A check that Redis holds no key of the families starting with ``prefixes``."""

    def check() -> str | None:
        client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
        for prefix in prefixes:
            for key in client.scan_iter(match=cache.make_key(prefix) + "*", count=1000):
                return f"{key.decode()!r} is in Redis while switched off"
        return None

    return check


class ForgetfulCache:
    """The cache, except that keys starting with ``prefixes`` are never found nor kept:
    the code around it then computes them every time, as it would without caching them."""

    def __init__(self, backend: Any, prefixes: tuple[str, ...]) -> None:
        self._backend = backend
        self.prefixes = prefixes
        self.asked = 0  # reads and writes of forgotten keys

    def _forgets(self, key: str) -> bool:
        if key.startswith(self.prefixes):
            self.asked += 1
            return True
        return False

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        return default if self._forgets(key) else self._backend.get(key, default, version)

    def get_many(self, keys: Iterable[str], version: int | None = None) -> dict:
        kept = [key for key in keys if not self._forgets(key)]
        return self._backend.get_many(kept, version) if kept else {}

    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        if not self._forgets(key):
            self._backend.set(key, value, timeout, version)

    def set_many(
        self, data: dict, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list:
        kept = {key: value for key, value in data.items() if not self._forgets(key)}
        return self._backend.set_many(kept, timeout, version) if kept else []

    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return True if self._forgets(key) else self._backend.add(key, value, timeout, version)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._backend, name)


def forget(stack: ExitStack, module: ModuleType, *prefixes: str) -> Check:
    """Give ``module`` a ``cache`` that forgets the key families ``prefixes`` until
    ``stack`` closes."""
    forgetful = ForgetfulCache(module.cache, prefixes)
    stack.enter_context(mock.patch.object(module, "cache", forgetful))

    def asked() -> str | None:
        return None if forgetful.asked else f"nothing asked {module.__name__} for {prefixes}"

    return all_of(asked, absent(*prefixes))


# --- the mechanisms ---


def _without_permission_cache(stack: ExitStack) -> Check:
    return all_of(
        forget(stack, forum_permission_checker, "forum:perms:"),
        forget(stack, forum.permissions, "forum:readable:", "forum:moderator:"),
    )


def _pass_through(middleware: Any, request: Any) -> Any:
    return middleware.get_response(request)


def _without_anonymous_page_cache(stack: ExitStack) -> Check:
    # The check's own request passes the middleware too: the keys' absence is the proof.
    replace(stack, AnonymousPageCacheMiddleware, "__call__", _pass_through)
    return absent("anon-page:")


def _without_shared_fragments(stack: ExitStack) -> Check:
    def render_every_time(request: Any, name: str, vary_on: Any, render_fragment: Callable) -> Any:
        return render_fragment()

    return replace(stack, core.fragments, "shared_fragment", render_every_time)


def _without_site_memo(stack: ExitStack) -> Check:
    # Wagtail then finds the Site with a query on every request (Site.find_for_request).
    replace(stack, sites.SiteMemoMiddleware, "__call__", _pass_through)
    return lambda: "the site memo holds a site" if sites._memo else None


def _without_catalog_memo(stack: ExitStack) -> Check:
    memoised = learning.selectors.catalog

    def catalog_from_the_cache() -> Any:
        try:
            return memoised()
        finally:  # forgotten at once: every call reads the shared cache
            learning.selectors._process_catalog = None

    return replace(stack, learning.selectors, "catalog", catalog_from_the_cache)


def _without_gc_freeze(stack: ExitStack) -> Check:
    # website.wsgi froze what start-up loaded: thaw it, and make a later freeze do nothing.
    # Leaving freezes again what is loaded then, as website.wsgi would have.
    if gc.get_freeze_count():
        stack.callback(gc.freeze)
    gc.unfreeze()
    stack.enter_context(mock.patch.object(gc, "freeze", lambda: None))
    return lambda: f"{count} objects frozen" if (count := gc.get_freeze_count()) else None


def _without_read_ahead(stack: ExitStack) -> Check:
    return all_of(
        replace(stack, core.cache, "read_ahead", lambda keys: {}),
        replace(stack, core.cache, "reading_ahead", contextlib.nullcontext),
    )


def _forget_html(stack: ExitStack, app: str, name: str) -> Check:
    # CachedHtml keys start with the class's dotted name (core.fragments.CachedHtml.key).
    return forget(stack, core.fragments, f"html:{app}.fragments.{name}:")


ABLATIONS: dict[str, Ablation] = {
    "anon-page-cache": Ablation(("b",), _without_anonymous_page_cache),
    # Every counter read from Redis each time it is asked for, not once per request. No
    # throughput of its own (ablate-20261206T095709Z: (c) +0.2%, (f) +7.1% without it), but
    # without it a warm topic page asks Redis 7 times instead of the 5 that
    # tests/functional/test_forum_query_counts.py allows, so it stays.
    "versions-read-once": Ablation(
        ("c", "f"), lambda stack: replace(stack, VersionsMiddleware, "__call__", _pass_through)
    ),
    "shared-fragments": Ablation(("c", "f", "h"), _without_shared_fragments),
    "routed-page": Ablation(
        ("c",), lambda stack: forget(stack, learning.selectors, "learning-page:")
    ),
    "site-memo": Ablation(("c", "f"), _without_site_memo),
    "catalog-memo": Ablation(("c", "d"), _without_catalog_memo),
    "caseload-cache": Ablation(
        ("j",), lambda stack: forget(stack, team.selectors, "team:caseload:")
    ),
    "gc-freeze": Ablation(("f", "g"), _without_gc_freeze),
    # Machina's own checker, asked anew on every request (it remembers per request).
    "permission-cache": Ablation(("f", "h"), _without_permission_cache),
    "topic-rows-cache": Ablation(
        ("f", "g"),
        lambda stack: forget(
            stack, forum.selectors, "forum:topic:", "forum:topic-rows:", "forum:topic-votes:"
        ),
    ),
    "read-ahead": Ablation(("f", "g"), _without_read_ahead),
    "board-html": Ablation(("h",), lambda stack: _forget_html(stack, "forum", "BoardIndex")),
    "topic-posts-html": Ablation(
        ("f", "g"), lambda stack: _forget_html(stack, "forum", "TopicPosts")
    ),
    "gap-html": Ablation(("j",), lambda stack: _forget_html(stack, "team", "GapBody")),
}


# --- in a serving process ---

_serving_without: tuple[str, Check] | None = None
_serving_stack = ExitStack()  # never closed while the process serves


@contextlib.contextmanager
def switched_off(name: str) -> Iterator[Check]:
    """Mechanism ``name`` off in this process within the block; yields its check."""
    ablation = ABLATIONS[name]
    load_project()
    with ExitStack() as stack:
        yield ablation.switch_off(stack)


def serve_without(name: str) -> None:
    """Switch mechanism ``name`` off for the rest of this process's life."""
    global _serving_without
    _serving_without = (name, _serving_stack.enter_context(switched_off(name)))


def state() -> dict[str, str | None]:
    """The mechanism this process serves without (None: all on) and, if any, what shows
    it was not off after all (None: it was)."""
    if _serving_without is None:
        return {"ablation": None, "problem": None}
    name, check = _serving_without
    return {"ablation": name, "problem": check()}
