"""The hook through which team's overviews count over many clients.

Counting over a caseload (clients per topic, starts and completions per module, who
matches a filter) is the job of the search app's progress index: Elasticsearch
aggregations when configured, the learning summaries otherwise, and the database when
Elasticsearch does not answer (the second value of each answer: ``degraded``). Search
sits above team in the apps' layers (it indexes team's links and reads its scope rules,
``team.permissions``), so team does not import it: search registers its readers here
when it starts (``search.apps``), and team's selectors and views ask ``progress_index()``.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured


class ProgressIndex(Protocol):
    def progress_counts(self, *, viewer=None, teams=None) -> tuple[Any, bool]:
        """Counts over a worker's (``viewer``) or the ``teams``' clients, each within the
        links' scopes, and whether they came from the fallback."""

    def client_matches(
        self,
        *,
        worker,
        not_started_topic_id: int | None = None,
        inactive: bool = False,
        statement_id: int | None = None,
        started_topic_id: int | None = None,
    ) -> tuple[Any, bool]:
        """The worker's linked clients meeting every condition, with per-topic facets,
        and whether they came from the fallback."""


_index: ProgressIndex | None = None


def register(index: ProgressIndex) -> None:
    """Make ``index`` the one team asks (the search app does, once it is ready)."""
    global _index
    _index = index


def progress_index() -> ProgressIndex:
    """The registered progress index; the search app must be installed."""
    if _index is None:
        raise ImproperlyConfigured("No progress index registered: is 'search' installed?")
    return _index
