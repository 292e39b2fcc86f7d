"""Celery tasks for learning. They take ids and call a service; running one twice is harmless."""

from smtplib import SMTPException

from celery import shared_task

from .models import ModuleCompletion
from .services import module_completion_notify, module_summaries_rebuild


@shared_task(
    autoretry_for=(SMTPException, OSError),
    retry_backoff=True,
    max_retries=8,
)
def notify_module_completed(completion_id: int) -> bool:
    return module_completion_notify(completion_id=completion_id)


@shared_task
def send_pending_module_notifications() -> int:
    """The sweep: congratulations whose task never ran (e.g. Redis was down)."""
    pending = ModuleCompletion.objects.filter(
        notified_at__isnull=True, notification_skipped=False
    ).values_list("pk", flat=True)[:500]
    return sum(module_completion_notify(completion_id=pk) for pk in pending)


@shared_task
def rebuild_module_summaries(module_id: int | None = None) -> int:
    """Reports' summaries after a module's steps changed (None: every module, nightly,
    which also heals a rebuild lost while Redis was down)."""
    return module_summaries_rebuild(module_id=module_id)
