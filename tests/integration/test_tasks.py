"""Celery tasks through the real Redis broker, with a worker started by the fixture."""

import logging
import time

import pytest
from django.core import mail

from learning.learners import Learner
from learning.models import ModuleCompletion
from learning.services import step_complete
from learning.tasks import notify_module_completed, send_pending_module_notifications

from ..factories import UserFactory
from .waiting import needs_redis, wait_for


def _finish_module(user, steps):
    learner = Learner(user=user, session=None)
    for step in steps:
        step_complete(learner=learner, step=step)


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_completion_email_goes_through_broker_and_worker_once(celery_worker, steps):
    user = UserFactory(email="leerling@example.org", email_progress=True)
    _finish_module(user, steps)  # on commit: the task is published to Redis
    assert wait_for(lambda: len(mail.outbox) == 1), "the worker never sent the email"
    completion = ModuleCompletion.objects.get(user=user)
    assert completion.notified_at is not None
    assert "Goed gedaan" in mail.outbox[0].body

    # Delivered twice (a retry, a duplicate): still one email.
    notify_module_completed.delay(completion.pk)
    time.sleep(1)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_learner_without_email_or_consent_gets_none(steps, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for user in (UserFactory(), UserFactory(email="a@example.org", email_progress=False)):
            _finish_module(user, steps)
    assert mail.outbox == []
    assert ModuleCompletion.objects.filter(notification_skipped=True).count() == 2


@pytest.mark.django_db(transaction=True)
def test_broker_down_loses_nothing_and_the_sweep_sends_later(steps, broker_down, caplog):
    # A test worker started earlier leaves the root logger at ERROR; look at this logger.
    caplog.set_level(logging.WARNING, logger="core.tasks")
    user = UserFactory(email="leerling@example.org", email_progress=True)
    _finish_module(user, steps)  # must not raise although the broker is unreachable
    assert "left for the periodic sweep" in caplog.text
    completion = ModuleCompletion.objects.get(user=user)
    assert completion.notified_at is None
    assert mail.outbox == []
    assert send_pending_module_notifications() == 1
    assert send_pending_module_notifications() == 0
    assert len(mail.outbox) == 1
