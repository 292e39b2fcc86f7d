"""No reader's page carries another reader's data, whatever the caches hold.

Every page that shares cached data between readers (whole pages, shared fragments with
holes, a topic page's posts, the catalog, the gap view) is rendered for reader B
twice: once with every cache empty, and once after reader A (with votes, follows, progress,
another role or language, another caseload) filled them. The two must be the same page,
CSRF tokens aside, and A's token must not be in it. This does not list what a page shows:
a field added to a page that a cache forgets to vary on makes B's two pages differ.
"""

import re

import pytest
from django.core.cache import cache, caches
from django.test import Client

from accounts import roles
from forum.links import forum_url, topic_url
from forum.services import follow_set, post_mark_helpful
from learning.learners import Learner
from learning.services import step_complete, step_set_checklist

from ..factories import (
    complete_steps,
    make_module,
    member,
    reply,
    start_topic,
    steps_of,
    team_link,
    worker,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]+)(")')


def _empty_caches():
    cache.clear()
    caches["fragments"].clear()


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def _without_tokens(html: str) -> str:
    return TOKEN.sub(r"\1…\3", html)


def _reader(user=None, *, language: str | None = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    if language:
        client.cookies["django_language"] = language
    return client


def _assert_nothing_crosses(urls, reader_a: Client, reader_b: Client) -> None:
    for url in urls:
        _empty_caches()
        cold = _page(reader_b, url)
        _empty_caches()
        a_html = _page(reader_a, url)
        warm = _page(reader_b, url)
        assert _without_tokens(warm) == _without_tokens(cold), url
        a_tokens = {token for _, token, _ in TOKEN.findall(a_html)}
        assert not any(token in warm for token in a_tokens), url


@pytest.fixture
def world(module, forum):
    steps = steps_of(module)
    asker = member(trusted=True, display_name="Vrager")
    topic = start_topic(forum, asker, subject="Hoe vraag ik toeslag aan?")
    answer = reply(topic, member(trusted=True, display_name="Helper"), "Probeer dit eens.")
    return {"module": module, "steps": steps, "forum": forum, "topic": topic, "answer": answer}


def _urls(world) -> list[str]:
    module, steps = world["module"], world["steps"]
    return [
        "/",
        "/leren/",
        module.url,
        steps[0].url,
        steps[1].url,
        "/forum/",
        forum_url(world["forum"]),
        topic_url(world["topic"]),
        "/forum/help-iemand/",
        "/zoeken/?q=toeslag",
    ]


def _active_reader(world, **fields):
    """A member who voted, follows the topic, ticked and finished steps."""
    user = member(trusted=True, display_name="Annemarie", **fields)
    post_mark_helpful(post=world["answer"], user=user)
    follow_set(user=user, target=world["topic"], on=True)
    learner = Learner(user=user, session=None)
    step_set_checklist(
        learner=learner, step=world["steps"][1], block_id="checklist-2", item_ids=["item-2-a"]
    )
    step_complete(learner=learner, step=world["steps"][0])
    return user


def test_a_member_after_another_member(world):
    reader_b = _reader(member(display_name="Bram"))
    _assert_nothing_crosses(_urls(world), _reader(_active_reader(world)), reader_b)


def test_a_visitor_after_a_member(world):
    _assert_nothing_crosses(_urls(world), _reader(_active_reader(world)), _reader())


def test_a_member_after_a_moderator(world):
    moderator = _active_reader(world, groups=[roles.MODERATOR])
    _assert_nothing_crosses(_urls(world), _reader(moderator), _reader(member()))


def test_a_member_after_the_writer_of_the_answer(world):
    # The writer may edit their own post and gets no vote or report button on it.
    writer = _reader(world["answer"].poster)
    _assert_nothing_crosses(_urls(world), writer, _reader(member()))


def test_a_dutch_reader_after_an_english_one(world):
    english = _reader(_active_reader(world), language="en")
    _assert_nothing_crosses(_urls(world), english, _reader(member()))
    _assert_nothing_crosses(_urls(world), _reader(language="en"), _reader())


def test_a_worker_after_another_worker(world):
    """The gap view and the client list are cached per worker and caseload."""
    other_module = make_module(slug="ander")
    worker_a, worker_b = worker(display_name="Wendy"), worker(display_name="Willem")
    client_a, client_b = member(display_name="Cliënt Ada"), member(display_name="Cliënt Bob")
    team_link(client_a, worker_a)
    team_link(client_b, worker_b)
    complete_steps(client_a, world["steps"])
    complete_steps(client_b, steps_of(other_module)[:1])
    urls = ["/team/clienten/", "/team/overzicht/"]
    _assert_nothing_crosses(urls, _reader(worker_a), _reader(worker_b))
