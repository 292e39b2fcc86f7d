"""Team's cache: a worker's caseload and the versions a worker's overviews depend on, and
how those are invalidated. Listed in the cache map in ``docs/architecture.md``; the gap
view's HTML is ``team.fragments.GapBody``.

The caseload version changes with links made, ended, rescoped or deleted, and clients'
names (bumped by ``team.receivers``). Entries are short-lived all the same, so a version
bump lost to a Redis outage heals by itself.
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
