"""Celery tasks for the forum. They take ids and call a service; running one twice is
harmless (see ``forum.notifications``), and sweeps pick up what a down broker dropped."""

from smtplib import SMTPException

from celery import shared_task

from . import notifications, services
from .models import CrisisSignal

RETRY = {"autoretry_for": (SMTPException, OSError), "retry_backoff": True, "max_retries": 8}


@shared_task
def sync_forum_tree() -> bool:
    """Bring the forum tree in step with the learning content (see ``forum_tree_sync``)."""
    return services.forum_tree_sync().changed


@shared_task(**RETRY)
def notify_followers(post_id: int) -> int:
    """Record the post for its followers and email those who want it right away."""
    immediate = notifications.post_followers_record(post_id=post_id)
    if not immediate:
        return 0
    return notifications.immediate_notifications_send(user_ids=immediate)


@shared_task(**RETRY)
def ask_peers(topic_id: int) -> int:
    """Email the peers asked to think along with the topic (``topic_peers_ask``)."""
    return notifications.peer_asks_send(topic_id=topic_id)


@shared_task(**RETRY)
def send_pending_peer_asks() -> int:
    """The sweep for asks whose task never ran."""
    return notifications.peer_asks_send()


@shared_task(**RETRY)
def send_pending_notifications() -> int:
    """The sweep for immediate notifications whose task never ran."""
    return notifications.immediate_notifications_send()


@shared_task(**RETRY)
def send_daily_digests() -> int:
    return notifications.daily_digests_send()


@shared_task(**RETRY)
def alert_moderators_of_crisis(signal_id: int) -> bool:
    return notifications.crisis_alert_send(signal_id=signal_id)


@shared_task
def send_pending_crisis_alerts() -> int:
    """The sweep for crisis alerts whose task never ran."""
    pending = CrisisSignal.objects.filter(alerted_at__isnull=True).values_list("pk", flat=True)
    return sum(notifications.crisis_alert_send(signal_id=pk) for pk in pending[:200])


@shared_task(**RETRY)
def send_warning(action_id: int) -> bool:
    return notifications.warning_send(action_id=action_id)
