"""Search backends, picked by ``settings.SEARCH_BACKEND`` (a dotted class path), the way
Django picks a cache. Views and selectors never ask which one is active."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import (
    ClientMatches,
    ClientQuery,
    ProgressCounts,
    SearchBackend,
    SearchConfigurationError,
    SearchUnavailable,
    TextHits,
    TextQuery,
)

_backends: dict[str, SearchBackend] = {}


def get_backend(path: str | None = None) -> SearchBackend:
    """The configured backend (or the one at ``path``), one instance per process."""
    path = path or settings.SEARCH_BACKEND
    if path not in _backends:
        _backends[path] = import_string(path)()
    return _backends[path]


def database_backend() -> SearchBackend:
    """The database backend: always current, so it can stand in for Elasticsearch."""
    return get_backend("search.backends.database.DatabaseBackend")


def backends_to_index() -> list[SearchBackend]:
    """Every backend the outbox feeds: the database's own index always, and the
    configured one when it is another."""
    backends = [database_backend()]
    if get_backend() is not backends[0]:
        backends.append(get_backend())
    return backends


__all__ = [
    "ClientMatches",
    "ClientQuery",
    "ProgressCounts",
    "SearchBackend",
    "SearchConfigurationError",
    "SearchUnavailable",
    "TextHits",
    "TextQuery",
    "backends_to_index",
    "database_backend",
    "get_backend",
]
