"""The backend contract: what every search backend promises (``tests/.../test_search_
contract.py`` runs the same tests on each)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

# Highlight markers: private-use characters that never occur in indexed text
# (``clean_text`` removes them), turned into <mark> after the rest is escaped.
MARK_START = "\ue000"
MARK_END = "\ue001"
# Longest query taken; anything longer is cut (and the person is told).
MAX_QUERY_LENGTH = 200


class SearchUnavailable(Exception):
    """The backend cannot be reached or answered with an error; the caller falls back."""


class SearchConfigurationError(Exception):
    """The backend is reachable but set up wrongly (e.g. an analyzer it does not have)."""


def clean_text(text: str) -> str:
    """Text as indexed or searched: no control characters (PostgreSQL refuses NUL), no
    highlight markers, whitespace collapsed."""
    text = re.sub(r"[\x00-\x1f\x7f\ue000\ue001]", " ", text or "")
    return " ".join(text.split())


def safe_snippet(marked: str) -> str:
    """HTML for a snippet with markers: everything escaped, the markers made <mark>."""
    escaped = html.escape(marked)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


@dataclass(frozen=True)
class TextQuery:
    """A search in pages, posts or initiatives. ``text`` is what the person typed,
    already cleaned and at most ``MAX_QUERY_LENGTH`` long; filters are ids, and ``area``
    the first digits of a postcode (initiatives whose postcode starts with them).
    ``synonyms``: per phrase of ``text`` that has synonyms, a tuple: the phrase as found
    in the text first, then the phrases that mean the same (from the editors' setting).
    A document that matches any phrase of a group matches that part of the query."""

    text: str
    topic_id: int | None = None
    forum_id: int | None = None
    area: str = ""
    offset: int = 0
    limit: int = 10
    synonyms: tuple[tuple[str, ...], ...] = ()


@dataclass
class TextHits:
    """One page of results and how many there are in all (``more``: at least that many,
    the backend stopped counting). Each hit is the document as prepared plus
    ``title_html`` and ``snippet_html`` (safe HTML with <mark>). ``partial``: no document
    matched the whole query; these match part of it, the most first. ``corrected``: the
    text searched instead of the typed one (typos corrected), because the typed words
    found nothing together; ``suggestion``: a correction to offer ("Bedoelde je …?")."""

    total: int
    hits: list[dict]
    more: bool = False
    partial: bool = False
    corrected: str = ""
    suggestion: str = ""


@dataclass(frozen=True)
class ClientQuery:
    """A worker's search over their own linked clients; every condition is met within
    the link's scope. ``client_ids`` limits the search to those clients (the worker's
    caseload, read from the database)."""

    worker_id: int
    not_started_topic_id: int | None = None
    active_since: datetime | None = None  # None: no condition; else inactive since then
    statement_id: int | None = None
    started_topic_id: int | None = None


@dataclass
class ClientMatches:
    """The matching client ids, and per topic how many of them started it."""

    client_ids: set[int]
    started_per_topic: dict[int, int] = field(default_factory=dict)


@dataclass
class ProgressCounts:
    """Counts over the clients a worker (``viewer``) or teams may see, each client once:
    per topic the clients who have it in scope; per module who started and completed
    it; per can-do statement who achieved it."""

    clients_per_topic: dict[int, int]
    started_per_module: dict[int, int]
    completed_per_module: dict[int, int]
    achieved_per_statement: dict[int, int]


class SearchBackend:
    """The surface every backend offers. Documents are the dicts of ``search.documents``."""

    name = "base"

    def index(self, kind: str, docs: list[dict]) -> None:
        """Add or replace ``docs`` (by their ``id``)."""
        self.bulk(kind, docs, [])

    def delete(self, kind: str, doc_ids: Iterable[str]) -> None:
        """Remove the documents; ids that are not there are fine."""
        self.bulk(kind, [], list(doc_ids))

    def bulk(self, kind: str, docs: list[dict], deleted_ids: list[str]) -> None:
        """Index ``docs`` and delete ``deleted_ids`` in one go; idempotent."""
        raise NotImplementedError

    def rebuild(self, kind: str, batches: Iterable[list[dict]]) -> int:
        """Replace the whole index of ``kind`` with the documents in ``batches``, without
        a moment where searches find nothing; returns how many were indexed."""
        raise NotImplementedError

    def count(self, kind: str) -> int:
        """How many documents of ``kind`` the index holds."""
        raise NotImplementedError

    def search(self, kind: str, query: TextQuery) -> TextHits:
        """Pages or posts matching ``query``, best first, typos tolerated where the
        backend can."""
        raise NotImplementedError

    def clients(self, query: ClientQuery) -> ClientMatches:
        """The worker's linked clients meeting every condition, within scope."""
        raise NotImplementedError

    def aggregate(
        self, *, viewer_id: int | None = None, team_ids: list[int] | None = None
    ) -> ProgressCounts:
        """Progress counts over a worker's clients (``viewer_id``) or the clients of the
        workers of ``team_ids``, each within its link's scope."""
        raise NotImplementedError
