"""Celery fixtures: a real worker on the Redis broker, and a broker that is down."""

import pytest
from celery.contrib.testing.worker import start_worker

from website.celery import app


@pytest.fixture
def celery_worker():
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as w:
            yield w
    finally:
        app.conf.task_always_eager = True


@pytest.fixture
def broker_down(monkeypatch):
    """Point the app at a port where no Redis listens, with fresh connection pools."""

    def reset_pools():
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.task_always_eager = False
    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:9/0")
    reset_pools()
    yield
    app.conf.task_always_eager = True
    monkeypatch.undo()
    reset_pools()
