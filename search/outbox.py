"""Writing to the indexing outbox: called from signal receivers inside the transaction
that made the change, so the entry commits (or rolls back) with it."""

from collections.abc import Iterable

from core.tasks import enqueue_on_commit

from .models import OutboxEntry


def outbox_record(kind: str, object_ids: Iterable[int], *, scope: str = "") -> None:
    """Note that the documents of ``kind`` for ``object_ids`` (or, with ``scope``, all
    posts of those topics / writers / forums) must be indexed again, and drain the
    outbox once the transaction commits (beat drains it too, should that fail)."""
    entries = [OutboxEntry(kind=kind, object_id=pk, scope=scope) for pk in set(object_ids)]
    if not entries:
        return
    OutboxEntry.objects.bulk_create(entries)
    from .tasks import drain_search_outbox

    enqueue_on_commit(drain_search_outbox)
