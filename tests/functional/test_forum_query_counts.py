"""Forum pages cost a fixed number of queries, whatever the number of posts, participants,
experts, votes, topics or forums (``forum.selectors`` promises this; here it is measured).

Big data is set up fast: machina's posts are bulk-created (``bulk_create`` sends no
``pre_save``, so machina's ``MarkupTextField`` does not fill ``_content_rendered``: it is set
here with the same renderer) and the topic's trackers are updated once.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from machina.core.db.models import get_model

from accounts import roles
from forum.links import forum_url, topic_url
from forum.markup import render
from forum.models import HelpfulVote, ModuleForum, PostMeta, TopicMeta
from forum.services import forum_tree_sync

from ..factories import TopicFactory, UserFactory, make_module, member, start_topic

pytestmark = pytest.mark.django_db

Post = get_model("forum_conversation", "Post")

MAX_QUERIES = 25
# A warm topic page asks Redis for the session, the content version, two reads ahead
# (forum.cache.read_topic_page_ahead) and the shared page content.
MAX_REDIS_ROUND_TRIPS = 5
POSTS_PER_PAGE = 15
BIG_POSTS = 1_000
BIG_PARTICIPANTS = 50
MANY_FORUMS = 50
ANSWER_ON_PAGE_20 = 19 * POSTS_PER_PAGE + 7  # post number 292 is on page 20


def _fill_topic(topic, participants, *, posts: int, experts, voter, answer: int):
    """Give ``topic`` (which has its first post) ``posts`` approved posts in all, written in
    turn by ``participants``; ``experts`` of them are experience experts. Every third post
    has "Dit hielp mij" votes (one of them by ``voter``); post number ``answer`` (0 is the
    first post) is the marked answer."""
    expert_group, _ = Group.objects.get_or_create(name=roles.EXPERIENCE_EXPERT)
    expert_group.user_set.add(*experts)
    rows = []
    for n in range(1, posts):
        writer = participants[n % len(participants)]
        content = f"Antwoord {n}: *zo* deed ik het, met **mijn** ervaring."
        rows.append(
            Post(
                topic=topic,
                poster=writer,
                subject=f"Re: {topic.subject}",
                content=content,
                _content_rendered=render(content),
                approved=True,
            )
        )
    created = Post.objects.bulk_create(rows)
    topic.update_trackers()
    voted = created[::3]
    voters = [p for p in participants if p.pk != voter.pk][:2] + [voter]
    HelpfulVote.objects.bulk_create(
        HelpfulVote(post=post, user=user)
        for post in voted
        for user in voters
        if user.pk != post.poster_id
    )
    PostMeta.objects.bulk_create(
        PostMeta(post=post, helpful_count=HelpfulVote.objects.filter(post=post).count())
        for post in voted
    )
    TopicMeta.objects.filter(topic=topic).update(
        answer=created[answer - 1], helpful_count=len(voted)
    )
    assert Post.objects.filter(topic=topic, approved=True).count() == posts


@pytest.fixture
def viewer(db):
    """A signed-up member who wrote in and voted on both topics."""
    return member(trusted=True, username="lezer")


@pytest.fixture
def small_topic(forum, viewer):
    starter = member(trusted=True)
    participants = [viewer, starter, member(trusted=True)]
    topic = start_topic(forum, starter, subject="Een kleine vraag", content="Wie weet het?")
    _fill_topic(topic, participants, posts=10, experts=participants[2:], voter=viewer, answer=8)
    return topic


@pytest.fixture
def big_topic(forum, viewer):
    starter = member(trusted=True)
    participants = [viewer, starter, *UserFactory.create_batch(BIG_PARTICIPANTS - 2)]
    topic = start_topic(forum, participants[1], subject="Een drukke vraag", content="Help?")
    _fill_topic(
        topic,
        participants,
        posts=BIG_POSTS,
        experts=participants[2::6],
        voter=viewer,
        answer=ANSWER_ON_PAGE_20,
    )
    return topic


def _measure(client, url: str, *, where: str):
    """Warm once (catalog cache, permission rows, etc.), then count one request."""
    assert client.get(url).status_code == 200, where
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, where
    return len(queries), queries, response


def _listing(queries) -> str:
    return "\n".join(f"{i}. {q['sql'][:300]}" for i, q in enumerate(queries.captured_queries, 1))


def _assert_same_count(client, url: str, baseline, *, where: str):
    """``url`` (warmed) costs exactly as many queries as the ``baseline`` capture."""
    count, queries, response = _measure(client, url, where=where)
    assert count == len(baseline), (
        f"{where}: {count} queries instead of {len(baseline)}.\n"
        f"--- baseline:\n{_listing(baseline)}\n--- now:\n{_listing(queries)}"
    )
    return response


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed_in"])
def test_topic_page_queries_do_not_grow_with_posts_or_participants(
    client,
    viewer,
    small_topic,
    big_topic,
    signed_in,
    django_assert_max_num_queries,
    redis_commands,
):
    if signed_in:
        client.force_login(viewer)
    big_url = topic_url(big_topic)
    assert big_topic.posts_count == BIG_POSTS

    count, baseline, response = _measure(client, topic_url(small_topic), where="small topic")
    assert response.content.decode().count('class="post card') == 10
    assert count <= MAX_QUERIES, _listing(baseline)

    pages = -(-BIG_POSTS // POSTS_PER_PAGE)
    for page in ("1", "20"):
        url = f"{big_url}?page={page}"
        client.get(url)  # warm
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count('class="post card') == POSTS_PER_PAGE
        assert f"Pagina {page} van {pages}" in html
        _assert_same_count(client, url, baseline, where=f"big topic page {page}")
        with redis_commands() as counted:
            assert client.get(url).status_code == 200
        assert sum(counted.values()) <= MAX_REDIS_ROUND_TRIPS, counted

    # What the measured pages show is really there: badges, votes and the marked answer.
    html = client.get(f"{big_url}?page=20").content.decode()
    assert "Ervaringsdeskundige" in html
    assert "Dit hielp" in html
    assert "Dit antwoord hielp de vraagsteller het meest" in html
    small = client.get(topic_url(small_topic)).content.decode()
    assert "Ervaringsdeskundige" in small
    assert "Dit antwoord hielp de vraagsteller het meest" in small


def _many_modules(count: int):
    """``count`` live modules spread over a few learning topics, then one tree sync."""
    topics = [TopicFactory() for _ in range(max(1, count // 5))]
    for n in range(count):
        make_module(topic=topics[n % len(topics)], steps=1, statements=1)
    forum_tree_sync()


def _clients():
    """An anonymous visitor and a signed-in experience expert (group permissions too)."""
    signed_in = Client()
    signed_in.force_login(member(trusted=True, groups=[roles.EXPERIENCE_EXPERT]))
    return {"anonymous": Client(), "signed in": signed_in}


def test_forum_index_and_help_today_do_not_grow_with_forums(forum):
    clients = _clients()
    poster = member(trusted=True)
    _many_modules(1)
    start_topic(forum, poster, subject="Nog geen antwoord", content="Wie helpt?")
    urls = [reverse("forum:index"), reverse("community:help_today")]
    baselines = {}
    for who, client in clients.items():
        for url in urls:
            count, baselines[who, url], response = _measure(client, url, where=f"{who} {url}")
            assert count <= MAX_QUERIES, _listing(baselines[who, url])
        assert response.content.decode().count('class="card topic-row"') == 1

    _many_modules(MANY_FORUMS - 2)
    forums = [link.forum for link in ModuleForum.objects.select_related("forum").order_by("pk")]
    assert len(forums) == MANY_FORUMS
    for other in forums[-10:]:
        start_topic(other, poster, subject=f"Vraag in {other.name}", content="Wie helpt?")

    for who, client in clients.items():
        for url in urls:
            where = f"{who} {url}, {MANY_FORUMS} forums"
            response = _assert_same_count(client, url, baselines[who, url], where=where)
        assert response.content.decode().count('class="card topic-row"') == 11
        index = client.get(urls[0]).content.decode()
        assert index.count('<li class="card">') == MANY_FORUMS


def test_forum_topic_list_does_not_grow_with_topics(forum):
    clients = _clients()
    starters = [member(trusted=True) for _ in range(3)]
    for n in range(2):
        start_topic(forum, starters[n], subject=f"Vraag {n}", content="Wie weet het?")
    url = forum_url(forum)
    baselines = {}
    for who, client in clients.items():
        count, baselines[who], _ = _measure(client, url, where=f"{who}, 2 topics")
        assert count <= MAX_QUERIES, _listing(baselines[who])

    starters += [member(trusted=True) for _ in range(20)]
    for n in range(2, 45):
        topic = start_topic(forum, starters[n % len(starters)], subject=f"Vraag {n}")
        if n % 4 == 0:
            answer = Post.objects.create(
                topic=topic, poster=starters[0], subject="Re", content="Zo!", approved=True
            )
            TopicMeta.objects.filter(topic=topic).update(answer=answer)
    for who, client in clients.items():
        for page, rows in (("1", 20), ("3", 5)):
            response = _assert_same_count(
                client, f"{url}?page={page}", baselines[who], where=f"{who}, page {page}"
            )
            html = response.content.decode()
            assert html.count('class="card topic-row"') == rows
            assert "beantwoord" in html
