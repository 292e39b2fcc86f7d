"""The demo forum: warm conversations in every module forum, so `make run` shows a living
forum. The text is in ``content/forum/<module slug>.yaml`` (see ``content/README.md``).

Written through the forum's services, as on the site: a member's question waits for
approval and is approved as a moderator would, the starter follows their topic, votes and
the marked answer go through the peer services, and machina's trackers keep the counters
that the forum index shows. Each question and reply has a key in its file; the post it
became is recorded under that key (``DemoPost``), so loading again adds only what is new.
A database the demo loaded before posts had keys keeps the posts it has (see ``_found``).
"""

from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from machina.core.db.models import get_model
from machina.core.loading import get_class

from accounts.models import User
from forum.models import ModuleForum, TopicMeta
from forum.services import (
    post_approve,
    post_mark_helpful,
    post_reply,
    topic_mark_answer,
    topic_start,
)
from learning.models import ModulePage, StepPage

from .files import CONTENT_DIR, check_keys, read
from .learning import read_topics
from .models import DemoPost
from .people import usernames

Post = get_model("forum_conversation", "Post")

Topic = get_model("forum_conversation", "Topic")

CONVERSATION = {
    "required": ("key", "by", "subject", "text", "days_ago", "replies"),
    "optional": ("step",),
}
REPLY = {"required": ("key", "by", "text"), "optional": ("helped", "best", "hours_later")}
# A reply without its own ``hours_later`` comes this long after the post before it.
HOURS_LATER = 3


def read_forum(content_dir: Path = CONTENT_DIR) -> dict[str, list[dict]]:
    """The conversations per module slug, from ``forum/<module slug>.yaml``.

    A conversation has a ``key`` (unique in all files), who started it (``by``), a
    ``subject``, a ``text``, the ``step`` it was asked from (a step slug of the module, or
    none), how many days before loading it was asked (``days_ago``) and its ``replies``; a
    reply has a ``key`` (unique in its conversation), ``by``, ``text``, who it ``helped``
    ("Dit hielp mij"), whether it is the ``best`` answer (the starter marked it; one per
    conversation) and how many hours after the post before it it came (``hours_later``,
    ``HOURS_LATER`` when left out; the last reply comes before the loading). Everyone named
    is a demo user or member. A wrong file (an unknown key, a module or step or person that
    does not exist, replies after the loading) raises ValueError naming the file.
    """
    steps = {
        module["slug"]: {step["slug"] for step in module["steps"]}
        for topic in read_topics(content_dir)
        for module in topic["modules"]
    }
    people = usernames(content_dir)
    keys: set[str] = set()
    forum = {}
    for path in sorted((content_dir / "forum").glob("*.yaml")):
        if path.stem not in steps:
            raise ValueError(f"{path}: no demo module {path.stem!r}")
        conversations = read(path)
        for conversation in conversations:
            where = f"conversation {conversation.get('key')!r}"
            check_keys(conversation, path=path, where=where, **CONVERSATION)
            if conversation["key"] in keys:
                raise ValueError(f"{path}: a second {where}")
            keys.add(conversation["key"])
            step = conversation.setdefault("step", None)
            if step is not None and step not in steps[path.stem]:
                raise ValueError(f"{path}: {where}: no step {step!r} in the module")
            _check_replies(conversation, path=path, where=where, people=people)
            _check_dates(conversation, path=path, where=where)
        forum[path.stem] = conversations
    return forum


def _check_replies(conversation: dict, *, path: Path, where: str, people: set[str]) -> None:
    starter = conversation["by"]
    _check_person(starter, path=path, where=where, people=people)
    reply_keys = set()
    best = 0
    for reply in conversation["replies"]:
        check_keys(reply, path=path, where=f"{where}, reply {reply.get('key')!r}", **REPLY)
        reply_where = f"{where}, reply {reply['key']!r}"
        if reply["key"] in reply_keys:
            raise ValueError(f"{path}: a second {reply_where}")
        reply_keys.add(reply["key"])
        _check_person(reply["by"], path=path, where=reply_where, people=people)
        reply.setdefault("helped", [])
        reply.setdefault("best", False)
        for helped in reply["helped"]:
            _check_person(helped, path=path, where=reply_where, people=people)
            if helped == reply["by"]:
                raise ValueError(f"{path}: {reply_where}: nobody says their own post helped")
        if reply["best"] and reply["by"] == starter:
            raise ValueError(f"{path}: {reply_where}: the starter marks someone else's answer")
        best += bool(reply["best"])
    if best > 1:
        raise ValueError(f"{path}: {where}: more than one best answer")


def _check_dates(conversation: dict, *, path: Path, where: str) -> None:
    days = conversation["days_ago"]
    if not isinstance(days, int) or days < 0:
        raise ValueError(f"{path}: {where}: days_ago is a whole number of days, 0 or more")
    hours = 0
    for reply in conversation["replies"]:
        later = reply.setdefault("hours_later", HOURS_LATER)
        if not isinstance(later, int) or later < 1:
            raise ValueError(f"{path}: {where}: hours_later is a whole number of hours, 1 or more")
        hours += later
    if conversation["replies"] and hours >= days * 24:
        raise ValueError(
            f"{path}: {where}: the replies end {hours} hours after a question asked {days} days ago"
        )


def _check_person(username: str, *, path: Path, where: str, people: set[str]) -> None:
    if username not in people:
        raise ValueError(f"{path}: {where}: no demo user or member {username!r}")


@transaction.atomic
def load_demo_forum() -> int:
    """Write the demo conversations whose posts are missing; returns how many posts were
    added. Every post is written once, under its key: what exists is left as it is (a
    moderator's hiding stays). "Dit hielp mij" votes are added where missing, and the
    marked answer when the topic has none. Modules without a forum (not published) are skipped."""
    forum = read_forum()
    people = User.objects.in_bulk(usernames(), field_name="username")
    # Created after the members joined their groups: its permission answers are current.
    handler = get_class("forum_permission.handler", "PermissionHandler")()
    added = 0
    for module_slug, conversations in forum.items():
        module = ModulePage.objects.filter(slug=module_slug).first()
        link = ModuleForum.objects.select_related("forum").filter(module=module).first()
        if module is None or link is None:
            continue
        for conversation in conversations:
            added += _load_conversation(
                conversation, forum=link.forum, module=module, people=people, handler=handler
            )
    return added


def _load_conversation(conversation, *, forum, module, people, handler) -> int:
    added = 0
    written = []  # the posts this load writes, each with the moment it is dated
    starter = people[conversation["by"]]
    first = _found(
        conversation["key"],
        Post.objects.filter(
            topic__forum=forum,
            poster=starter,
            subject=conversation["subject"],
            pk=F("topic__first_post_id"),
        ),
    )
    if first is None:
        step = None
        if conversation["step"]:
            step = StepPage.objects.child_of(module).filter(slug=conversation["step"]).first()
        first = topic_start(
            forum=forum,
            user=starter,
            subject=conversation["subject"],
            content=conversation["text"].strip(),
            step=step,
            handler=handler,
        ).post
        _approved(first, key=conversation["key"])
        added += 1
        first.created = timezone.now() - timedelta(days=conversation["days_ago"])
        written.append(first)
    topic = first.topic
    when = first.created
    for reply in conversation["replies"]:
        when += timedelta(hours=reply["hours_later"])
        key = f"{conversation['key']}/{reply['key']}"
        user, text = people[reply["by"]], reply["text"].strip()
        post = _found(
            key,
            Post.objects.filter(topic=topic, poster=user, content=text).exclude(
                pk=topic.first_post_id
            ),
        )
        if post is None:
            post = post_reply(topic=topic, user=user, content=text, handler=handler).post
            _approved(post, key=key)
            added += 1
            # A reply added to a conversation loaded earlier: never dated after now.
            post.created = min(when, timezone.now())
            written.append(post)
        when = post.created
        for username in reply["helped"]:
            post_mark_helpful(post=post, user=people[username])
        if reply["best"] and not TopicMeta.objects.filter(topic=topic, answer__isnull=False):
            topic_mark_answer(post=post, user=starter)
    if written:
        _dated(topic, written)
    return added


def _dated(topic, posts) -> None:
    """Give the new ``posts`` of ``topic`` the moments set on them (``created``), and the
    topic and its forum the trackers that follow from them: what machina sets when a post
    is saved is the moment of loading (``auto_now``), hence updates that bypass ``save``."""
    for post in posts:
        Post.objects.filter(pk=post.pk).update(created=post.created, updated=post.created)
    topic.refresh_from_db()
    # First and last post, last_post_on; then the forum's last post (update_trackers).
    topic.update_trackers()
    first_post = topic.first_post
    Topic.objects.filter(pk=topic.pk).update(created=first_post.created, updated=topic.last_post_on)


def _found(key: str, earlier):
    """The post written under ``key``; else the first of ``earlier`` (the same writer and
    words, in the same place) that has no key: a demo loaded before posts had keys wrote
    it. That one is kept under ``key`` from now on, rather than written a second time."""
    demo = DemoPost.objects.select_related("post__topic__forum").filter(key=key).first()
    if demo is not None:
        return demo.post
    post = (
        earlier.exclude(pk__in=DemoPost.objects.values("post_id"))
        .select_related("topic__forum")
        .order_by("pk")
        .first()
    )
    if post is not None:
        DemoPost.objects.create(key=key, post=post)
    return post


def _approved(post, *, key: str) -> None:
    # A member's first posts wait for a moderator, as on the site: approved here as a
    # moderator would (which may earn the member trust, see forum.receivers).
    post_approve(post=post)
    DemoPost.objects.create(key=key, post=post)
