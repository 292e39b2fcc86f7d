"""Fixtures shared by every test layer."""

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.utils import translation

from learning.learners import Learner

from .factories import PASSWORD, UserFactory, make_module, steps_of


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The cache is the real Redis under `make test`: tests must not see each
    # other's catalog, page cache or rate-limit counters.
    cache.clear()
    caches["fragments"].clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request leaves its language active in the thread (LocaleMiddleware does not reset
    # it): a test calling services directly must not inherit the previous test's English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def learner_user(db):
    return UserFactory()


@pytest.fixture
def module(db):
    return make_module(steps=3)


@pytest.fixture
def steps(module):
    return steps_of(module)


@pytest.fixture
def signed_in(client, learner_user):
    client.force_login(learner_user)
    return client


@pytest.fixture
def user_learner(learner_user):
    return Learner(user=learner_user, session=None)


@pytest.fixture
def session_learner(client):
    """An anonymous learner backed by a real (database or cache) session."""
    from importlib import import_module

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session.create()
    return Learner(user=None, session=session)


@pytest.fixture
def english_client(db):
    """A visitor who chose English with the language switch (the cookie it sets)."""
    from django.test import Client

    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return english


@pytest.fixture
def forum(module):
    """The forum of the ``module`` fixture."""
    from .factories import module_forum

    return module_forum(module)


# --- search backends -------------------------------------------------------------------


def _elasticsearch_settings(settings):
    """Point ``search`` at the real Elasticsearch of `make test`, under a prefix of this
    test's own; outside `make test` (no ELASTICSEARCH_URL) skip, but never under CI."""
    import os
    import uuid

    if not settings.SEARCH_ELASTICSEARCH_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but ELASTICSEARCH_URL is not set: run the suite via `make test`")
        pytest.skip("needs ELASTICSEARCH_URL (make test always sets it)")
    settings.SEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchBackend"
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def elasticsearch(settings):
    """The Elasticsearch backend on fresh indexes, deleted afterwards."""
    from search import backends
    from search.models import Kind

    _elasticsearch_settings(settings)
    backends._backends.clear()
    backend = backends.get_backend()
    working = backend.client  # tests may swap in a client that cannot connect
    yield backend
    backend.client = working
    for kind in Kind:
        backend.drop(kind)
    backends._backends.clear()


@pytest.fixture(params=["database", "database-words", "elasticsearch"])
def search_backend(request, db, monkeypatch):
    """Each backend in turn: the contract tests run on all. "database-words" is the
    database backend's word matching, which it uses on SQLite (``make run``)."""
    from search import backends
    from search.backends import database

    if request.param == "elasticsearch":
        return request.getfixturevalue("elasticsearch")
    if request.param == "database-words":
        monkeypatch.setattr(database, "_postgres", lambda: False)
    return backends.database_backend()


# --- Redis round trips -----------------------------------------------------------------


@pytest.fixture
def redis_commands(settings):
    """``with redis_commands() as counted:`` counts the commands the real Redis of
    `make test` answered in the block, by name, from the server's own statistics
    (CONFIG RESETSTAT before, INFO commandstats after). Skipped without REDIS_URL,
    never under CI."""
    import collections
    import os
    from contextlib import contextmanager

    import redis

    if not settings.REDIS_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but REDIS_URL is not set: run the suite via `make test`")
        pytest.skip("needs REDIS_URL (make test always sets it)")
    server = redis.Redis.from_url(settings.REDIS_URL)

    @contextmanager
    def counting():
        counted = collections.Counter()
        server.config_resetstat()
        yield counted
        for name, stats in server.info("commandstats").items():
            command = name.removeprefix("cmdstat_")
            if command not in ("config|resetstat", "info"):
                counted[command] = stats["calls"]

    yield counting
    server.close()
