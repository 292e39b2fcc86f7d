"""Enqueueing helpers shared by every app's tasks."""

import logging

from celery.exceptions import Retry
from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args) -> None:
    """Send ``task`` with ``args`` once the current transaction commits.

    A broker that is down must never undo the write that asked for the task:
    the failure is logged and the periodic sweep of that task's app finds the
    work still pending in PostgreSQL. Where tasks run in-process
    (``CELERY_TASK_ALWAYS_EAGER``, the embedded default) the error is the task's
    own, and no sweep runs there: it is logged with its traceback, and the work
    waits in PostgreSQL until the task runs again.
    """

    def send():
        try:
            task.delay(*args)
        except Exception as error:  # the broker's (or a task's) errors vary; none may escape
            if task.app.conf.task_always_eager:
                # A task asking to be retried raises Retry in-process (and is not retried):
                # what went wrong is the error it carries.
                cause = error.exc if isinstance(error, Retry) and error.exc else error
                logger.error(
                    "%s%r failed while running in-process and is not retried; its work "
                    "stays pending in the database until this task runs again (no periodic "
                    "sweep runs here)",
                    task.name,
                    args,
                    exc_info=cause,
                )
            else:
                logger.warning(
                    "Could not enqueue %s%r; left for the periodic sweep",
                    task.name,
                    args,
                    exc_info=True,
                )

    transaction.on_commit(send)
