"""Reads of ``search``: what the search pages, the worker's client search and the team
overviews ask. Each falls back to the database backend when the configured one does
not answer, and says so (``degraded``), so a page shows a notice instead of an error."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from django.utils import timezone

from learning.selectors import ModuleInfo, TopicInfo, catalog
from nearby.selectors import area_of

from .backends import (
    ClientMatches,
    ClientQuery,
    ProgressCounts,
    SearchBackend,
    SearchConfigurationError,
    SearchUnavailable,
    database_backend,
    get_backend,
)
from .backends.base import MAX_QUERY_LENGTH, TextQuery, clean_text
from .models import Kind, SearchSynonyms
from .synonyms import groups_in, parse_groups

if TYPE_CHECKING:
    from accounts.models import User
    from team.models import Team

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Results per page when one group is paged; the overview shows the first few of each.
PAGE_SIZE = 10
PREVIEW_SIZE = 5
# Elasticsearch pages no deeper than 10,000 results; nobody reads that far.
MAX_PAGES = 10_000 // PAGE_SIZE


def _answered(ask: Callable[[SearchBackend], T]) -> tuple[T, bool]:
    """``ask(backend)`` on the configured backend, or on the database backend when that
    one is unavailable or set up wrongly; and whether it fell back."""
    backend = get_backend()
    try:
        return ask(backend), False
    except (SearchUnavailable, SearchConfigurationError) as error:
        if backend is database_backend():
            raise
        logger.warning("Search fell back to the database: %s", error)
        return ask(database_backend()), True


@dataclass(frozen=True)
class CleanQuery:
    """What a person typed, made safe to search: control characters gone, whitespace
    collapsed, at most ``MAX_QUERY_LENGTH`` characters (``shortened`` says it was cut)."""

    text: str
    shortened: bool

    @classmethod
    def of(cls, raw: str | None) -> CleanQuery:
        text = clean_text(raw or "")
        return cls(text=text[:MAX_QUERY_LENGTH].strip(), shortened=len(text) > MAX_QUERY_LENGTH)


@dataclass
class ResultPage:
    """One page of one group of results."""

    hits: list[dict]
    total: int
    number: int
    num_pages: int
    more: bool = False  # ``total`` is a lower bound
    partial: bool = False  # as in ``TextHits``: no hit has the whole query
    corrected: str = ""
    suggestion: str = ""

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def _page_number(raw: Any) -> int:  # whatever the query string held
    try:
        return min(max(int(raw), 1), MAX_PAGES)
    except (TypeError, ValueError):
        return 1


def _result_page(kind: str, query: TextQuery, number: int, size: int) -> tuple[ResultPage, bool]:
    def ask(backend: SearchBackend) -> ResultPage:
        found = backend.search(kind, _at(query, number, size))
        num_pages = min(max(1, math.ceil(found.total / size)), MAX_PAGES)
        shown = number
        if shown > num_pages:
            # Past the end: the last page rather than an empty one.
            shown = num_pages
            found = backend.search(kind, _at(query, shown, size))
        return ResultPage(
            found.hits,
            found.total,
            shown,
            num_pages,
            found.more,
            partial=found.partial,
            corrected=found.corrected,
            suggestion=found.suggestion,
        )

    return _answered(ask)


def _at(query: TextQuery, number: int, size: int) -> TextQuery:
    return replace(query, offset=(number - 1) * size, limit=size)


# A four-digit postcode among the words ("voedselbank 3511"), with its letters or not.
POSTCODE_WORD = re.compile(r"(?<!\w)([1-9][0-9]{3})(?:\s?[A-Za-z]{2})?(?!\w)")
# The most initiatives ``initiative_ids`` returns: more than any list page shows.
MAX_INITIATIVES = 500


def initiative_query(
    text: str, *, synonyms: tuple[tuple[str, ...], ...] | None = None, limit: int = PAGE_SIZE
) -> TextQuery:
    """The query for initiatives of ``text``: a postcode in it becomes the area to look
    in (``nearby.selectors.area_of``: its first two digits), the rest the words, with
    their ``synonyms`` (read from the setting when not given)."""
    match = POSTCODE_WORD.search(text)
    area = area_of(match.group(1)) if match else ""
    words = clean_text(POSTCODE_WORD.sub(" ", text, count=1)) if match else text
    if synonyms is None:
        synonyms = query_synonyms(text=words)
    return TextQuery(text=words, area=area, synonyms=synonyms, limit=limit)


def initiative_ids(*, text: str) -> tuple[list[int], bool]:
    """The published initiatives whose words match all of ``text`` (a postcode in it:
    in its area), best first, at most ``MAX_INITIATIVES``; and whether the fallback
    answered. The list page of ``nearby`` filters with it (``nearby.finder``): only
    documents with every word, never the "part of it" answers."""
    query = initiative_query(CleanQuery.of(text).text, limit=MAX_INITIATIVES)
    if not query.text:
        return [], False
    found, degraded = _answered(lambda backend: backend.search(Kind.INITIATIVE, query))
    if found.partial:
        return [], degraded
    return [int(hit["id"]) for hit in found.hits], degraded


def query_synonyms(*, text: str) -> tuple[tuple[str, ...], ...]:
    """The editors' synonym groups that ``text`` uses, as ``TextQuery.synonyms`` wants
    them. Read from the setting on every search (one row; not cached: a cache would
    cost the same round trip to Redis)."""
    return groups_in(text, parse_groups(SearchSynonyms.load().groups))


@dataclass
class SiteResults:
    """The search page: results per group ("Leren", "Forum"), or modules to suggest."""

    query: CleanQuery
    groups: dict[str, ResultPage] = field(default_factory=dict)
    degraded: bool = False
    suggestions: list[tuple[TopicInfo, list[ModuleInfo]]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups.values())

    @property
    def corrected(self) -> str:
        """The corrected text the results are for, when the typed words found nothing."""
        return next((group.corrected for group in self.groups.values() if group.corrected), "")

    @property
    def suggestion(self) -> str:
        """A correction to offer ("Bedoelde je …?"), when nothing was searched instead."""
        if self.corrected:
            return ""
        return next((g.suggestion for g in self.groups.values() if g.suggestion), "")

    @property
    def unsure(self) -> bool:
        """Nothing, or only part of the query, was found: the page offers other ways on."""
        return not any(g.total and not g.partial for g in self.groups.values())

    @property
    def ask_module_id(self) -> int | None:
        """The module of the best result, whose forum a question would go to."""
        for group in self.groups.values():
            for hit in group.hits:
                if hit.get("module_id"):
                    return int(hit["module_id"])
        return None


def suggestions(topic_id: int | None = None) -> list[tuple[TopicInfo, list[ModuleInfo]]]:
    """The modules per topic (only ``topic_id``'s when given), to offer when nothing
    was found or nothing was asked."""
    live = catalog()
    return [
        (topic, [live.modules[pk] for pk in topic.module_ids])
        for topic in live.topics
        if topic.module_ids and (topic_id is None or topic.id == topic_id)
    ]


def site_search(
    *,
    text: str | None,
    topic_id: int | None = None,
    forum_id: int | None = None,
    only: str | None = None,
    page: str | int | None = 1,
) -> SiteResults:
    """Search pages, posts and initiatives (or only one ``Kind``, paged). Only what
    anyone may read is in the index, so anonymous visitors and members see the same
    results. Initiatives are searched without a topic or forum filter only (they have
    several topics; ``/in-de-buurt/`` filters them by topic), a postcode in the words
    as their area (``initiative_query``)."""
    query = CleanQuery.of(text)
    results = SiteResults(query=query)
    if query.text:
        kinds = [only] if only else [Kind.PAGE, Kind.POST, Kind.INITIATIVE]
        size = PAGE_SIZE if only else PREVIEW_SIZE
        number = _page_number(page) if only else 1
        base = TextQuery(
            text=query.text,
            topic_id=topic_id,
            forum_id=forum_id,
            synonyms=query_synonyms(text=query.text),
        )
        for kind in kinds:
            if kind == Kind.PAGE and forum_id is not None:
                continue  # a forum's search is about its posts
            asked = base
            if kind == Kind.INITIATIVE:
                if topic_id is not None or forum_id is not None:
                    continue
                asked = initiative_query(query.text, synonyms=base.synonyms)
                if not asked.text:
                    continue  # only a postcode: the list "In de buurt" is the place
            results.groups[kind], degraded = _result_page(kind, asked, number, size)
            results.degraded |= degraded
    if not results.total:
        results.suggestions = suggestions(topic_id)
    return results


# --- progress -----------------------------------------------------------------------------


INACTIVE_DAYS = 30


def client_matches(
    *,
    worker: User,
    not_started_topic_id: int | None = None,
    inactive: bool = False,
    statement_id: int | None = None,
    started_topic_id: int | None = None,
) -> tuple[ClientMatches, bool]:
    """The worker's linked clients meeting every condition, each within the link's
    scope (the backend filters by the worker's id), with per-topic facets."""
    query = ClientQuery(
        worker_id=worker.pk,
        not_started_topic_id=not_started_topic_id,
        active_since=timezone.now() - timedelta(days=INACTIVE_DAYS) if inactive else None,
        statement_id=statement_id,
        started_topic_id=started_topic_id,
    )
    return _answered(lambda backend: backend.clients(query))


def progress_counts(
    *, viewer: User | None = None, teams: Iterable[Team] | None = None
) -> tuple[ProgressCounts, bool]:
    """Counts over a worker's (``viewer``) or the ``teams``' clients, from Elasticsearch
    aggregations when configured, else from the database."""
    if viewer is not None:
        return _answered(lambda backend: backend.aggregate(viewer_id=viewer.pk))
    team_ids = [team.pk for team in teams]  # type: ignore[union-attr]  # one of the two is given
    return _answered(lambda backend: backend.aggregate(team_ids=team_ids))
