"""Writes of ``search``: draining the outbox into the backends, rebuilding an index
without downtime, and sweeping drained entries."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from learning.services import summary_versions_bump

from .backends import (
    SearchBackend,
    SearchConfigurationError,
    SearchUnavailable,
    backends_to_index,
    database_backend,
)
from .documents import DOCUMENTS, changed_ids
from .models import Kind, OutboxEntry

logger = logging.getLogger(__name__)

# Outbox entries applied per transaction, and documents per backend call.
DRAIN_BATCH = 500
DOC_BATCH = 500
# A rebuild replays entries from a little before it started: clocks of app servers differ.
REPLAY_MARGIN = timedelta(minutes=1)
# The errors of a backend that is down or set up wrongly: every entry would fail alike.
BACKEND_DOWN = (SearchUnavailable, SearchConfigurationError)


def _chunks(ids: list, size: int = DOC_BATCH) -> Iterator[list]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _done_field(backend: SearchBackend) -> str:
    return f"{backend.name}_done_at"


def documents_apply(backend: SearchBackend, kind: str, ids: list[int]) -> None:
    """Index the current documents for ``ids`` in ``backend`` and delete the ones that
    should no longer be found."""
    documents = DOCUMENTS[kind]
    for chunk in _chunks(ids):
        docs = documents.prepare(chunk)
        present = {doc["id"] for doc in docs}
        possible = (
            documents.all_doc_ids(chunk) if kind == Kind.PROGRESS else [str(pk) for pk in chunk]
        )
        backend.bulk(kind, docs, [doc_id for doc_id in possible if doc_id not in present])
        if kind == Kind.PROGRESS and backend is not database_backend():
            # Overviews cached under the clients' summary versions counted from the index:
            # now that it caught up, let them count again.
            summary_versions_bump(user_ids=chunk)


def _pending(backend: SearchBackend, *, skip: set[int]) -> QuerySet[OutboxEntry]:
    """The entries ``backend`` has yet to take in (not parked, not failed in this run),
    locked, skipping those another drain holds."""
    return (
        OutboxEntry.objects.select_for_update(skip_locked=True)
        .filter(**{f"{_done_field(backend)}__isnull": True}, parked_at__isnull=True)
        .exclude(pk__in=skip)
    )


def _entries_apply(backend: SearchBackend, entries: list[OutboxEntry]) -> None:
    for kind, ids in changed_ids(entries).items():
        documents_apply(backend, kind, ids)
    OutboxEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
        **{_done_field(backend): timezone.now()}
    )


def _entry_failed(backend: SearchBackend, pk: int, error: Exception) -> None:
    """Count a failure of entry ``pk`` itself; park it after ``SEARCH_OUTBOX_ATTEMPTS``."""
    reason = f"{backend.name}: {type(error).__name__}: {error}"
    OutboxEntry.objects.filter(pk=pk).update(
        attempts=F("attempts") + 1, failures=F("failures") + 1, last_error=reason
    )
    limit = settings.SEARCH_OUTBOX_ATTEMPTS
    if OutboxEntry.objects.filter(pk=pk, failures__gte=limit, parked_at__isnull=True).update(
        parked_at=timezone.now()
    ):
        logger.error("Search outbox entry %s parked after %d failed tries: %s", pk, limit, reason)


def _entries_apply_one_by_one(backend: SearchBackend, pks: list[int], *, failed: set[int]) -> int:
    """Apply the entries ``pks`` each in its own transaction, so one that fails (counted,
    logged, added to ``failed``) holds up no other. A backend that is down stops it."""
    applied = 0
    for position, pk in enumerate(pks):
        try:
            with transaction.atomic():
                entry = _pending(backend, skip=failed).filter(pk=pk).first()
                if entry is None:
                    continue  # taken in or locked by another drain meanwhile
                _entries_apply(backend, [entry])
            applied += 1
        except BACKEND_DOWN:
            OutboxEntry.objects.filter(pk__in=pks[position:]).update(attempts=F("attempts") + 1)
            raise
        except Exception as error:
            logger.exception("Search outbox entry %s failed in the %s index", pk, backend.name)
            failed.add(pk)
            _entry_failed(backend, pk, error)
    return applied


def _batch_drain(backend: SearchBackend, *, failed: set[int]) -> int | None:
    """Apply the next batch of pending entries to ``backend`` in one transaction; a batch
    that fails other than by the backend being down is applied entry by entry instead.
    Returns how many were applied, None when nothing is pending."""
    entries = []
    try:
        with transaction.atomic():
            entries = list(_pending(backend, skip=failed).order_by("pk")[:DRAIN_BATCH])
            if not entries:
                return None
            _entries_apply(backend, entries)
        return len(entries)
    except BACKEND_DOWN:
        OutboxEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
            attempts=F("attempts") + 1
        )
        raise
    except Exception:
        if not entries:
            raise  # the outbox itself could not be read: there is no entry to blame
        logger.warning(
            "A batch of %d search outbox entries failed in the %s index; applying them one by one",
            len(entries),
            backend.name,
            exc_info=True,
        )
        return _entries_apply_one_by_one(backend, [e.pk for e in entries], failed=failed)


def outbox_drain(*, max_batches: int = 20) -> int:
    """Apply pending outbox entries to every backend, oldest first, in batches; returns
    how many entries were applied. A backend that fails (``SearchUnavailable``) keeps
    its entries pending and the error propagates, so the task retries later; the other
    backends are not held up by it. An entry that fails by itself is tried once per
    backend and run, logged with its error, and parked after ``SEARCH_OUTBOX_ATTEMPTS``
    failures; the entries after it are applied all the same."""
    applied = 0
    failure = None
    for backend in backends_to_index():
        failed: set[int] = set()
        try:
            for _ in range(max_batches):
                count = _batch_drain(backend, failed=failed)
                if count is None:
                    break
                applied += count
        except BACKEND_DOWN as error:
            failure = error
    if failure is not None:
        raise failure
    return applied


def _all_documents(kind: str) -> Iterator[list[dict]]:
    documents = DOCUMENTS[kind]
    for chunk in _chunks(list(documents.all_ids())):
        yield documents.prepare(chunk)


def search_rebuild(
    *, kinds: Iterable[str] | None = None, backends: Iterable[SearchBackend] | None = None
) -> dict[tuple[str, str], int]:
    """Index everything of ``kinds`` afresh in ``backends`` (default: all), each kind
    swapped in whole, then replay what changed meanwhile. Returns counts per
    (backend, kind)."""
    counts = {}
    for backend in backends or backends_to_index():
        for kind in kinds or list(Kind):
            started = timezone.now()
            counts[backend.name, kind] = backend.rebuild(kind, _all_documents(kind))
            # Changes made while the rebuild read the database may be missing from
            # the new index: apply their entries to it once more.
            OutboxEntry.objects.filter(kind=kind, created_at__gte=started - REPLAY_MARGIN).update(
                **{_done_field(backend): None}
            )
    outbox_drain()
    return counts


def outbox_sweep() -> int:
    """Delete entries every backend took in more than ``SEARCH_OUTBOX_KEEP`` ago (kept
    that long so a rebuild can replay them)."""
    done = Q()
    for backend in backends_to_index():
        done &= Q(**{f"{_done_field(backend)}__isnull": False})
    cutoff = timezone.now() - settings.SEARCH_OUTBOX_KEEP
    deleted, _ = OutboxEntry.objects.filter(done, created_at__lt=cutoff).delete()
    return deleted
