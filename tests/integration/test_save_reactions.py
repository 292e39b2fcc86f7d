"""What a save sets in motion in other apps (followers told, posts indexed again) depends
on what the save changed, and that is known from the instance that was loaded: saving
reads nothing back from the database just to compare the old row with the new."""

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
from accounts.models import ForumEmail
from forum.services import post_approve, post_hide, post_restore
from search.models import Kind, OutboxEntry

from ..factories import member, reply, start_topic

Post = get_model("forum_conversation", "Post")

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
