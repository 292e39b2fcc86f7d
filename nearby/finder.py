"""The hook through which ``/in-de-buurt/`` searches initiatives by their words.

Initiatives are a document kind of the search app (both backends, the outbox), which
sits above this app in the layers: this app does not import it. Search registers its
finder here when it starts (``search.apps``), and ``selectors.initiatives_found`` asks
``finder()``, so the list's words are searched exactly as on ``/zoeken/``.
"""

from __future__ import annotations

from typing import Protocol

from django.core.exceptions import ImproperlyConfigured


class InitiativeFinder(Protocol):
    def initiative_ids(self, *, text: str) -> tuple[list[int], bool]:
        """The ids of the published initiatives matching ``text``, best first (at most a
        few hundred), and whether the answer came from the fallback backend."""


_finder: InitiativeFinder | None = None


def register(finder: InitiativeFinder) -> None:
    """Make ``finder`` the one this app asks (the search app does, once it is ready)."""
    global _finder
    _finder = finder


def finder() -> InitiativeFinder:
    """The registered finder; the search app must be installed."""
    if _finder is None:
        raise ImproperlyConfigured("No initiative finder registered: is 'search' installed?")
    return _finder
