"""What a save sets in motion in other apps (followers told, posts indexed again, cached
names started afresh) depends on what the save changed, and that is known from the
instance that was loaded: saving reads nothing back from the database just to compare
the old row with the new, and a save that changes nothing the others show costs them
no query at all."""

import traceback
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.urls import reverse
from machina.core.db.models import get_model

from accounts import roles
from accounts.models import ForumEmail, User
from forum.cache import topic_version
from forum.services import post_approve, post_hide, post_restore
from search.models import Kind, OutboxEntry
from team.cache import caseload_version

from ..factories import member, reply, start_topic, team_link, worker

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")

pytestmark = pytest.mark.django_db


@contextmanager
def read_back_by_receivers(*rows):
    """Collects the SELECTs that our apps' signal receivers (``<app>/receivers.py``) run
    in the block on one of ``rows``, by its id. Machina's own receivers and ``save``
    read rows back too: those are not ours to change."""
    tables = {
        f'FROM "{row._meta.db_table}" WHERE "{row._meta.db_table}"."id" = %s': row.pk
        for row in rows
    }
    found = []

    def ours(frame) -> bool:
        path = Path(frame.filename)
        return (
            path.name == "receivers.py"
            and "site-packages" not in path.parts
            and path.is_relative_to(settings.BASE_DIR)
        )

    def spy(execute, sql, params, many, context):
        if (
            sql.startswith("SELECT")
            and any(where in sql and params and params[0] == pk for where, pk in tables.items())
            and any(ours(frame) for frame in traceback.extract_stack())
        ):
            found.append(sql % tuple(params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        yield found


def loaded(post):
    """``post`` as a view loads it, with its topic and forum."""
    return Post.objects.select_related("topic__forum").get(pk=post.pk)


def topic_reindexed(topic) -> bool:
    return OutboxEntry.objects.filter(kind=Kind.POST, object_id=topic.pk, scope="topic").exists()


@pytest.fixture
def starter(db):
    return member(trusted=True, email="vraag@example.org", forum_email=ForumEmail.IMMEDIATE)


def test_an_approved_question_tells_followers_once_and_is_not_read_back(
    forum, starter, django_capture_on_commit_callbacks
):
    from forum.services import follow_set

    follow_set(user=starter, target=forum, on=True)
    newcomer = member()
    question = start_topic(forum, newcomer, subject="Bijstand").first_post
    assert not question.approved
    OutboxEntry.objects.all().delete()

    post = loaded(question)
    with (
        django_capture_on_commit_callbacks(execute=True),
        read_back_by_receivers(post, post.topic) as read_back,
    ):
        post_approve(post=post)
    assert read_back == []
    assert [m.to for m in mail.outbox] == [[starter.email]]
    # The question's approval is its topic's: all of the topic's posts are indexed again.
    assert topic_reindexed(post.topic)

    OutboxEntry.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        post_approve(post=loaded(question))  # approved already: nothing changes
    assert len(mail.outbox) == 1
    assert not topic_reindexed(post.topic)


def test_a_reply_approved_in_machinas_queue_tells_followers_once(
    client, forum, starter, django_capture_on_commit_callbacks
):
    topic = start_topic(forum, starter)
    pending = reply(topic, member())
    client.force_login(member(groups=[roles.MODERATOR]))
    url = reverse("forum_moderation:approve_queued_post", kwargs={"pk": pending.pk})
    for _twice in range(2):  # a double click: the second approval changes nothing
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url).status_code == 302
    assert [m.to for m in mail.outbox] == [[starter.email]]


def test_hiding_and_restoring_read_nothing_back(forum, starter):
    topic = start_topic(forum, starter)
    answer = reply(topic, member(trusted=True), "Bel het loket.")
    moderator = member(groups=[roles.MODERATOR])
    OutboxEntry.objects.all().delete()

    for change in (post_hide, post_restore):
        post = loaded(answer)
        with read_back_by_receivers(post, post.topic) as read_back:
            change(post=post, moderator=moderator)
        assert read_back == []
    # A reply's approval is not its topic's: only the reply itself is indexed again.
    assert not topic_reindexed(topic)
    assert OutboxEntry.objects.filter(kind=Kind.POST, object_id=answer.pk, scope="").exists()


def test_loading_some_fields_asks_nothing_more(forum, starter, django_assert_num_queries):
    """The fields a save is compared on are remembered as loaded, not fetched: loading
    rows without them (as the search documents do) costs no query more."""
    topic = start_topic(forum, starter)
    reply(topic, member(trusted=True))
    with django_assert_num_queries(3):
        posts = list(Post.objects.only("pk", "content"))
        topics = list(Topic.objects.only("pk"))
        users = list(User.objects.only("pk"))
    assert (len(posts), len(topics), len(users)) == (2, 1, 2)


# --- The user: their public name shows in the forum, the search index and caseloads ---


@pytest.fixture
def writer(forum):
    """A client who wrote in the forum and has a worker: their name is on cached topic
    pages, in the search index and in the worker's cached caseload."""
    writer = member(trusted=True, username="zonnebloem")
    topic = start_topic(forum, writer)
    team_link(writer, worker())
    OutboxEntry.objects.all().delete()
    return writer, topic


def name_shown(writer, topic) -> tuple[int, int, bool]:
    """The versions a new public name of ``writer`` must bump, and whether their posts
    are queued for indexing again."""
    helper = writer.worker_links.get().worker_id
    queued = OutboxEntry.objects.filter(kind=Kind.POST, object_id=writer.pk, scope="writer")
    return topic_version(topic.pk), caseload_version(helper), queued.exists()


def test_a_login_or_a_save_that_keeps_the_public_name_costs_one_query(
    writer, django_assert_num_queries
):
    from django.contrib.auth.models import update_last_login

    writer, topic = writer
    before = name_shown(writer, topic)
    user = User.objects.get(pk=writer.pk)
    with django_assert_num_queries(1):
        update_last_login(sender=User, user=user)  # what every login does
    user.language, user.forum_email = "en", ForumEmail.OFF
    with django_assert_num_queries(1):
        user.save()  # the profile form saves every field
    assert name_shown(writer, topic) == before

    user.display_name = "Zon"
    user.save()
    before = name_shown(writer, topic)
    user.username = "zonnebloem42"  # behind a display name: nobody sees it
    with django_assert_num_queries(1):
        user.save()
    assert name_shown(writer, topic) == before
    assert User.objects.get(pk=writer.pk).username_key == "zonnebloem42"


@pytest.mark.parametrize(
    ("change", "update_fields"),
    [
        ({"display_name": "Zonnetje"}, None),
        ({"display_name": "Zonnetje"}, ["display_name"]),
        ({"username": "zonnetje"}, None),  # no display name: the username is shown
    ],
)
def test_a_new_public_name_shows_everywhere_at_the_cost_of_what_it_changes(
    writer, change, update_fields, django_assert_num_queries
):
    writer, topic = writer
    old_topic, old_caseload, queued = name_shown(writer, topic)
    assert not queued
    user = User.objects.get(pk=writer.pk)
    for field, value in change.items():
        setattr(user, field, value)
    # The row, then the writer's topics (forum), their workers (team) and the outbox
    # entry for their posts (search).
    with django_assert_num_queries(4):
        user.save(update_fields=update_fields)
    new_topic, new_caseload, queued = name_shown(writer, topic)
    assert new_topic != old_topic and new_caseload != old_caseload and queued
    saved = User.objects.get(pk=writer.pk)
    assert (saved.username_key, saved.display_name_key) == (
        "zonnetje" if "username" in change else "zonnebloem",
        "zonnetje" if "display_name" in change else "",
    )
