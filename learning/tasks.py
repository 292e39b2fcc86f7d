"""Celery tasks for learning. They take ids and call a service; running one twice is harmless."""

from smtplib import SMTPException

from celery import shared_task

from .models import ModuleCompletion
from .services import module_completion_notify


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
