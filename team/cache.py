"""Team's cache: the keys of a worker's cached overviews, the versions they depend on,
and how those are invalidated. Listed in the cache map in ``docs/architecture.md``.

A worker's overview is cached under everything it is computed from: the catalog (the
content version), the caseload (its version: links made, ended, rescoped or deleted, and
clients' names; bumped by ``team.receivers``) and each client's summaries
(``learning.selectors.summary_versions``). Short-lived all the same, so a version bump
lost to a Redis outage heals by itself.
"""

from collections.abc import Iterable

from core import versions

GAP_CACHE_SECONDS = 300


def _caseload_version_key(worker_id: int) -> str:
    return f"team:caseload-version:{worker_id}"


def caseload_version(worker_id: int) -> int:
    return versions.current(_caseload_version_key(worker_id))


def bump_caseload_versions(*, worker_ids: Iterable[int]) -> None:
    versions.bump_many(_caseload_version_key(pk) for pk in worker_ids)


def caseload_key(worker_id: int, version: int) -> str:
    """The worker's clients and their scopes."""
    return f"team:caseload:{worker_id}:{version}"


def gap_key(
    *,
    worker_id: int,
    caseload: int,
    content: int,
    summaries: str,
    topic_id: int | None,
    sort: str,
    page: int | str,
) -> str:
    """One gap view (the data): ``summaries`` is a digest of the clients and their
    summary versions; ``page`` the real page number, or "all"."""
    return f"team:gap:{worker_id}:{caseload}:{content}:{summaries}:{topic_id}:{sort}:{page}"


def gap_html_key(gap: str, language: str) -> str:
    """The rendered gap view: the data's key (``gap_key``) and the language. Kept as well
    as the data: without it the gap view served 47% fewer requests in ``make bench``
    (87.6 against 166.5 req/s at 50 connections) and missed its target."""
    return f"{gap}:html:{language}"
