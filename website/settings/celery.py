"""Celery: Redis as broker when REDIS_URL is set, otherwise tasks run eagerly in-process."""

import environ
from celery.schedules import crontab

env = environ.Env()

CELERY_BROKER_URL = env("REDIS_URL", default="") or "memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=not env("REDIS_URL", default="")
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
# A task is acknowledged only after it ran, and requeued if its worker dies.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Publishing must fail fast when Redis is down: the caller keeps the work in
# PostgreSQL and the periodic sweep picks it up later.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BEAT_SCHEDULE = {
    "send-pending-module-notifications": {
        "task": "learning.tasks.send_pending_module_notifications",
        "schedule": 300.0,
    },
    "sync-forum-tree": {"task": "forum.tasks.sync_forum_tree", "schedule": 3600.0},
    "send-pending-forum-notifications": {
        "task": "forum.tasks.send_pending_notifications",
        "schedule": 300.0,
    },
    "send-pending-peer-asks": {"task": "forum.tasks.send_pending_peer_asks", "schedule": 300.0},
    "send-pending-crisis-alerts": {
        "task": "forum.tasks.send_pending_crisis_alerts",
        "schedule": 120.0,
    },
    "rebuild-module-summaries": {
        "task": "learning.tasks.rebuild_module_summaries",
        "schedule": crontab(hour=3, minute=30),
    },
    "drain-search-outbox": {"task": "search.tasks.drain_search_outbox", "schedule": 60.0},
    "sweep-search-outbox": {
        "task": "search.tasks.sweep_search_outbox",
        "schedule": crontab(hour=4, minute=15),
    },
    "send-daily-forum-digests": {
        "task": "forum.tasks.send_daily_digests",
        "schedule": crontab(hour=17, minute=0),
    },
}
