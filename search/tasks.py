"""Celery tasks of ``search``: take no arguments, call a service, are safe to run twice."""

from celery import shared_task

from .backends import SearchUnavailable
from .services import outbox_drain, outbox_sweep


@shared_task(
    autoretry_for=(SearchUnavailable,),
    retry_backoff=5,
    retry_backoff_max=600,
    max_retries=6,
    retry_jitter=True,
)
def drain_search_outbox() -> int:
    """Bring the indexes up to date with the outbox (on commit, and every minute by beat)."""
    return outbox_drain()


@shared_task
def sweep_search_outbox() -> int:
    return outbox_sweep()
