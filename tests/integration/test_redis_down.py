"""With Redis unreachable, learners still read, sign in and save progress."""

import pytest
from django.urls import reverse

from learning.models import StepProgress

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:9/0"  # the discard port: nothing answers there


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.5},
        },
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def test_pages_and_progress_survive_a_redis_outage(
    redis_down, client, learner_user, password, steps
):
    assert client.get("/leren/").status_code == 200
    assert client.get(steps[0].url).status_code == 200
    assert client.post(steps[0].url + "klaar/").status_code == 302

    response = client.post(
        reverse("account_login"), {"login": learner_user.username, "password": password}
    )
    assert response.status_code == 302
    assert client.post(steps[1].url + "klaar/").status_code == 302
    assert client.get(reverse("my_progress")).status_code == 200

    done = StepProgress.objects.filter(user=learner_user, completed_at__isnull=False)
    assert set(done.values_list("step_id", flat=True)) == {steps[0].pk, steps[1].pk}
    import core.cache

    assert core.cache._down_until > 0  # the outage was noticed (and logged)


def test_ready_reports_the_outage(redis_down, client):
    response = client.get("/ready/")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


@pytest.fixture(autouse=True)
def _forget_outages():
    """Each test starts believing Redis is up (the circuit breaker is per process)."""
    import core.cache

    core.cache._down_until = 0.0
    yield
    core.cache._down_until = 0.0


def test_forum_posts_survive_a_redis_outage(redis_down, client, forum):
    from forum.links import new_topic_url, reply_url, topic_url

    from ..factories import member, start_topic

    topic = start_topic(forum, member(trusted=True), subject="Wie weet het?")
    client.force_login(member(trusted=True))
    assert client.get("/forum/").status_code == 200
    assert client.get(topic_url(topic)).status_code == 200
    response = client.post(reply_url(topic), {"content": "Ik weet het wel"})
    assert response.status_code == 302  # rate limits fail open: nothing typed is lost
    response = client.post(new_topic_url(forum), {"subject": "Nog een", "content": "Vraag"})
    assert response.status_code == 302
    assert "Ik weet het wel" in client.get(topic_url(topic)).content.decode()
    assert topic.posts.filter(content="Ik weet het wel", approved=True).exists()
