"""Writes of ``search``: draining the outbox into the backends, rebuilding an index
without downtime, and sweeping drained entries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from learning.selectors import summary_version_key
from website import versions

from .backends import (
    SearchBackend,
    SearchConfigurationError,
    SearchUnavailable,
    backends_to_index,
    database_backend,
)
from .documents import DOCUMENTS, changed_ids
from .models import Kind, OutboxEntry

# Outbox entries applied per transaction, and documents per backend call.
DRAIN_BATCH = 500
DOC_BATCH = 500
# A rebuild replays entries from a little before it started: clocks of app servers differ.
REPLAY_MARGIN = timedelta(minutes=1)


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
            versions.bump_many(summary_version_key(pk) for pk in chunk)


def outbox_drain(*, max_batches: int = 20) -> int:
    """Apply pending outbox entries to every backend, oldest first, in batches; returns
    how many entries were applied. A backend that fails (``SearchUnavailable``) keeps
    its entries pending and the error propagates, so the task retries later; the other
    backends are not held up by it."""
    applied = 0
    failure = None
    for backend in backends_to_index():
        pending = {f"{_done_field(backend)}__isnull": True}
        for _ in range(max_batches):
            entries = []
            try:
                with transaction.atomic():
                    entries = list(
                        OutboxEntry.objects.select_for_update(skip_locked=True)
                        .filter(**pending)
                        .order_by("pk")[:DRAIN_BATCH]
                    )
                    if not entries:
                        break
                    for kind, ids in changed_ids(entries).items():
                        documents_apply(backend, kind, ids)
                    OutboxEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
                        **{_done_field(backend): timezone.now()}
                    )
                    applied += len(entries)
            except (SearchUnavailable, SearchConfigurationError) as error:
                failure = error
                OutboxEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
                    attempts=F("attempts") + 1
                )
                break
    if failure is not None:
        raise failure
    return applied


def _all_documents(kind: str) -> Iterator[list[dict]]:
    documents = DOCUMENTS[kind]
    for chunk in _chunks(list(documents.all_ids())):
        yield documents.prepare(chunk)


def search_rebuild(*, kinds=None, backends=None) -> dict[tuple[str, str], int]:
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
