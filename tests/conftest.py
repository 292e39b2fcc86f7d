"""Fixtures shared by every test layer."""

import pytest
from django.core.cache import cache

from learning.learners import Learner

from .factories import PASSWORD, UserFactory, make_module, steps_of


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The cache is the real Redis under `make test`: tests must not see each
    # other's catalog, page cache or rate-limit counters.
    cache.clear()
    yield
    cache.clear()


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

    from django.conf import settings

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session.create()
    return Learner(user=None, session=session)


@pytest.fixture
def english_client(db):
    """A visitor who chose English with the language switch (the cookie it sets)."""
    from django.conf import settings
    from django.test import Client

    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return english


@pytest.fixture
def forum(module):
    """The forum of the ``module`` fixture."""
    from .factories import module_forum

    return module_forum(module)
