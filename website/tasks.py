"""Enqueueing helpers shared by every app's tasks."""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args) -> None:
    """Send ``task`` with ``args`` once the current transaction commits.

    A broker that is down must never undo the write that asked for the task:
    the failure is logged and the periodic sweep of that task's app finds the
    work still pending in PostgreSQL.
    """

    def send():
        try:
            task.delay(*args)
        except Exception:  # the broker's errors vary by transport; none may escape
            logger.warning("Could not enqueue %s%r; left for the periodic sweep", task.name, args)

    transaction.on_commit(send)
