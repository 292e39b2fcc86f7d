"""The outbox through Celery: drained by a real worker on the Redis broker after commit;
with the broker down the post is saved, its entry waits, and beat's drain indexes it."""

import logging

import pytest
from django.core.management import call_command

from search.backends import SearchConfigurationError, TextQuery, database_backend
from search.models import Kind, OutboxEntry
from search.tasks import drain_search_outbox

from ..factories import member, start_topic
from .waiting import needs_redis, wait_for


def found(text):
    return database_backend().search(Kind.POST, TextQuery(text=text)).total


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_a_post_is_indexed_by_the_worker_after_commit(celery_worker, forum):
    start_topic(forum, member(trusted=True), subject="Huurachterstand", content="Wat nu?")
    assert wait_for(lambda: found("huurachterstand") == 1), "the worker never drained"
    assert not OutboxEntry.objects.filter(database_done_at__isnull=True).exists()


@pytest.mark.django_db(transaction=True)
def test_broker_down_the_post_waits_in_the_outbox(forum, broker_down, caplog):
    caplog.set_level(logging.WARNING, logger="core.tasks")
    topic = start_topic(forum, member(trusted=True), subject="Energietoeslag", content="Hoe?")
    assert topic.pk and "left for the periodic sweep" in caplog.text
    assert found("energietoeslag") == 0
    assert OutboxEntry.objects.filter(database_done_at__isnull=True).exists()
    assert drain_search_outbox() >= 1  # what beat runs every minute
    assert found("energietoeslag") == 1


def test_a_missing_analyzer_is_named(elasticsearch, settings):
    settings.SEARCH_ELASTICSEARCH_ANALYZER = "dutch"  # the test cluster has no analysis-common
    with pytest.raises(SearchConfigurationError, match="no analyzer 'dutch'"):
        elasticsearch.ensure_index(Kind.PAGE)
    assert not elasticsearch.client.indices.exists_alias(name=elasticsearch.alias(Kind.PAGE))


@pytest.mark.django_db
def test_rebuild_and_status_commands(elasticsearch, forum, capsys):
    start_topic(forum, member(trusted=True), subject="Schulden", content="Waar begin ik?")
    call_command("search_rebuild", "--kind", "post")
    out = capsys.readouterr().out
    assert "elasticsearch  post" in out and "database       post" in out
    call_command("search_status")
    out = capsys.readouterr().out
    assert "elasticsearch: outbox 0 pending" in out
    assert "post" in out and "1 documents" in out
