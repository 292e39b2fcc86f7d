"""A search outbox entry that fails by itself never holds up the rest: its batch is
applied entry by entry, the failing one is counted and, after ``SEARCH_OUTBOX_ATTEMPTS``
tries, parked with its error (logged, and shown by ``search_status``). A backend that is
down is another matter: its entries wait, none of them counted as failing. And a task
run in-process that fails is logged with its own error, not as left for a sweep."""

import logging

import pytest
from django.core.management import call_command

from search.backends import SearchUnavailable, TextQuery, database_backend
from search.models import Kind, OutboxEntry
from search.services import outbox_drain

from ..factories import member, start_topic

pytestmark = pytest.mark.django_db


def found(text):
    return database_backend().search(Kind.POST, TextQuery(text=text)).total


def elasticsearch_down(backend):
    # A port nothing listens on: every call fails at once.
    backend.client = type(backend.client)("http://127.0.0.1:9", max_retries=0)


def test_a_failing_entry_is_parked_and_holds_up_no_one(forum, settings, caplog, capsys):
    caplog.set_level(logging.WARNING, logger="search.services")
    settings.SEARCH_OUTBOX_ATTEMPTS = 3
    OutboxEntry.objects.all().delete()
    # Written by a newer release during a rolling deploy: a scope this one does not know.
    poisoned = OutboxEntry.objects.create(kind=Kind.POST, object_id=1, scope="thema")
    start_topic(forum, member(trusted=True), subject="Huurtoeslag", content="Hoe vraag ik die?")

    assert outbox_drain() >= 1
    assert found("huurtoeslag") == 1
    poisoned.refresh_from_db()
    assert (poisoned.failures, poisoned.parked_at, poisoned.database_done_at) == (1, None, None)
    assert "KeyError" in poisoned.last_error
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)

    caplog.clear()
    outbox_drain()
    outbox_drain()
    poisoned.refresh_from_db()
    assert poisoned.failures == 3 and poisoned.parked_at is not None
    (parked,) = [r for r in caplog.records if "parked" in r.getMessage()]
    assert parked.levelno == logging.ERROR and "KeyError" in parked.getMessage()

    # Parked: not tried again, and nothing else waits.
    assert outbox_drain() == 0
    poisoned.refresh_from_db()
    assert poisoned.failures == 3
    call_command("search_status")
    out = capsys.readouterr().out
    assert "database: outbox 0 pending" in out
    assert "outbox 1 parked" in out and "post:thema1" in out and "KeyError" in out


def test_elasticsearch_down_parks_nothing(elasticsearch, settings, forum):
    settings.SEARCH_OUTBOX_ATTEMPTS = 1
    elasticsearch_down(elasticsearch)
    start_topic(forum, member(trusted=True), subject="Tijdens storing")
    for _ in range(3):
        with pytest.raises(SearchUnavailable):
            outbox_drain()
    waiting = OutboxEntry.objects.filter(elasticsearch_done_at__isnull=True)
    assert waiting.exists()
    assert not waiting.filter(parked_at__isnull=False).exists()
    assert not waiting.filter(failures__gt=0).exists()
    assert found("storing") == 1  # the database index did not wait


def test_an_in_process_task_that_fails_is_logged_with_its_error(
    elasticsearch, forum, caplog, django_capture_on_commit_callbacks
):
    # The embedded default runs tasks in-process (CELERY_TASK_ALWAYS_EAGER), no beat.
    caplog.set_level(logging.WARNING, logger="core.tasks")
    elasticsearch_down(elasticsearch)
    with django_capture_on_commit_callbacks(execute=True):
        start_topic(forum, member(trusted=True), subject="Storing")  # must not raise
    records = [r for r in caplog.records if r.name == "core.tasks"]
    assert records  # one per drain enqueued by the change
    for record in records:
        assert record.exc_info and issubclass(record.exc_info[0], SearchUnavailable)
        message = record.getMessage()
        assert "drain_search_outbox" in message and "left for the periodic sweep" not in message
        assert "not retried" in message and "stays pending" in message
    assert OutboxEntry.objects.filter(elasticsearch_done_at__isnull=True).exists()
