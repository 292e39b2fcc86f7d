"""Forum writes: keeping the forum tree in step with the learning content, and the
peer features around machina's posts. Views, signal receivers and tasks call these."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone
from machina.conf import settings as machina_settings
from machina.core.db.models import get_model
from machina.core.loading import get_class

from accounts.models import ForumEmail
from core.tasks import enqueue_on_commit
from learning.models import ModulePage
from learning.models import Topic as LearningTopic

from . import tasks
from .cache import bump_topic_version, forget_module_topics
from .models import (
    CrisisSignal,
    HelpfulVote,
    ModerationAction,
    ModuleForum,
    PeerAsk,
    PeerOffer,
    PostMeta,
    Report,
    Subscription,
    TopicCategory,
    TopicMeta,
)
from .permissions import bump_permissions_version, forum_set_archived, member_trust
from .safety import find_crisis_phrases
from .selectors import crisis_phrases, module_finished, peer_candidates

if TYPE_CHECKING:
    from machina.apps.forum_permission.handler import PermissionHandler

    from accounts.models import User
    from learning.models import StepPage

# Sent when posts changed in bulk, without their own save signals (an account's posts
# kept as "verwijderde gebruiker"): ``topic_ids`` are the topics they are in.
topics_rewritten = Signal()

logger = logging.getLogger(__name__)

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)
    reopened: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any((self.created, self.renamed, self.moved, self.archived, self.reopened))


def _save_forum(forum: Any, *, name: str, parent: Any, report: SyncReport) -> None:
    changed = []
    if forum.name != name:
        report.renamed.append(name)
        forum.name = name
        changed.append("name")
    if forum.parent_id != (parent.pk if parent else None):
        report.moved.append(name)
        forum.parent = parent
        changed.append("parent")
    if changed:
        forum.save()


def _category_for(topic: LearningTopic, report: SyncReport) -> Any:
    link = TopicCategory.objects.select_related("forum").filter(topic=topic).first()
    if link is None:
        forum = Forum.objects.create(name=topic.name, type=Forum.FORUM_CAT)
        TopicCategory.objects.create(topic=topic, forum=forum)
        report.created.append(topic.name)
        return forum
    _save_forum(link.forum, name=topic.name, parent=None, report=report)
    return link.forum


@transaction.atomic
def forum_tree_sync() -> SyncReport:
    """One category per learning Topic, one forum per live ModulePage.

    Idempotent, and never deletes: a forum whose module was unpublished or deleted is
    archived (read-only, off the index), and reopened when the module is published again.
    """
    report = SyncReport()
    # Taking the topic rows' locks serialises concurrent runs of this task.
    topics = list(LearningTopic.objects.select_for_update().order_by("pk"))
    categories = {topic.pk: _category_for(topic, report) for topic in topics}

    live_ids = set()
    for module in ModulePage.objects.live().specific().order_by("path"):
        live_ids.add(module.pk)
        parent = categories.get(module.topic_id)
        link = ModuleForum.objects.select_related("forum").filter(module=module).first()
        if link is None:
            forum = Forum.objects.create(name=module.title, type=Forum.FORUM_POST, parent=parent)
            ModuleForum.objects.create(module=module, forum=forum)
            report.created.append(module.title)
            continue
        _save_forum(link.forum, name=module.title, parent=parent, report=report)
        if link.archived_at is not None:
            link.archived_at = None
            link.save(update_fields=["archived_at"])
            forum_set_archived(forum=link.forum, archived=False)
            report.reopened.append(module.title)

    stale = ModuleForum.objects.select_related("forum").filter(archived_at__isnull=True)
    for link in stale.exclude(module_id__in=live_ids):
        link.archived_at = timezone.now()
        link.save(update_fields=["archived_at"])
        forum_set_archived(forum=link.forum, archived=True)
        report.archived.append(link.forum.name)

    if report.changed:
        bump_permissions_version()
        logger.info("Forum tree synced: %s", report)
    return report


# --- Posting ---------------------------------------------------------------------------


@dataclass
class Posted:
    post: object
    crisis_phrases: list[str]
    # How many peers who did the module were asked to think along (never who).
    peers_asked: int = 0


def _signal_crisis(post: Any) -> Posted:
    """Record crisis phrases in the post's text (once per post) and alert the moderators."""
    phrases = find_crisis_phrases(post.content.raw, crisis_phrases())
    if phrases:
        signal, created = CrisisSignal.objects.get_or_create(
            post=post, defaults={"phrases": phrases}
        )
        if created:
            enqueue_on_commit(tasks.alert_moderators_of_crisis, signal.pk)
    return Posted(post=post, crisis_phrases=phrases)


def _after_post(*, post: Any, user: User) -> Posted:
    """What every new post sets in motion: the author follows the topic, and crisis
    phrases are signalled. Followers are told by the post_save receiver, once the post
    is visible (see ``forum.receivers``)."""
    Subscription.objects.get_or_create(user=user, topic=post.topic)
    return _signal_crisis(post)


@transaction.atomic
def topic_start(
    *,
    forum: Any,
    user: User,
    subject: str,
    content: str,
    step: StepPage | None = None,
    handler: PermissionHandler,
    ask_peers: bool = True,
) -> Posted:
    """Start a topic in ``forum`` with its first post. The caller checked the permission
    to start topics. The post waits for a moderator unless ``user`` may post without
    approval (machina's permission, which new members earn after their first approved
    posts: ``member_trust_if_earned``); so do replies and edits. A visible question from
    a ``step`` asks peers who did its module (``topic_peers_ask``) unless ``ask_peers`` is
    False (the asker's rate limit); one that waits asks them once a moderator approves
    it (``forum.receivers``)."""
    approved = handler.can_post_without_approval(forum, user)
    topic = Topic.objects.create(
        forum=forum,
        subject=subject,
        poster=user,
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
        approved=approved,
    )
    post = Post.objects.create(
        topic=topic, poster=user, subject=subject, content=content, approved=approved
    )
    TopicMeta.objects.create(topic=topic, step=step)
    posted = _after_post(post=post, user=user)
    if ask_peers and step is not None and approved:
        posted.peers_asked = topic_peers_ask(topic_id=topic.pk)
    return posted


@transaction.atomic
def post_reply(*, topic: Any, user: User, content: str, handler: PermissionHandler) -> Posted:
    """Add a reply to ``topic``. The caller checked ``can_add_post``."""
    post = Post.objects.create(
        topic=topic,
        poster=user,
        subject=f"{machina_settings.TOPIC_ANSWER_SUBJECT_PREFIX} {topic.subject}"[:255],
        content=content,
        approved=handler.can_post_without_approval(topic.forum, user),
    )
    return _after_post(post=post, user=user)


@transaction.atomic
def post_edit(*, post: Any, user: User, content: str, handler: PermissionHandler) -> Posted:
    """Change a post's text (the caller checked ``can_edit_post``) under the rules of a new
    post: when ``user`` may not yet post without approval, the changed post waits for a
    moderator again (off the forum, and its topic with it when it is the first post:
    machina keeps a topic's approval with its first post's), and crisis phrases in the new
    text are signalled. An edit never puts a waiting or hidden post on the forum."""
    post.content = content
    post.updated_by = user
    post.updates_count = F("updates_count") + 1
    if post.approved and not handler.can_post_without_approval(post.topic.forum, user):
        # Saving recounts its topic and forum (machina's trackers); their save signals
        # start the cached topic pages afresh and write the search outbox (off the index).
        post.approved = False
    post.save()
    post.refresh_from_db(fields=["updates_count"])
    return _signal_crisis(post)


def post_approve(*, post: Any) -> None:
    """Put a post that waited for approval on the forum (what machina's queue does);
    the post_save receiver tells followers and may earn the writer trust."""
    if not post.approved:
        post.approved = True
        post.save()


def member_trust_if_earned(*, user: User) -> bool:
    """After enough approved posts a new member posts without waiting for approval."""
    approved = Post.objects.filter(poster=user, approved=True).count()
    if approved < settings.FORUM_POSTS_BEFORE_TRUST:
        return False
    member_trust(user=user)
    return True


# --- Peers who did the module ("meedenken") --------------------------------------------


class ModuleNotFinished(PermissionDenied):
    pass


@transaction.atomic
def peer_offer_set(*, user: User, module_id: int, on: bool) -> bool:
    """Let others who are busy with the module ask ``user`` to think along (``on``), or
    stop it. Only someone who finished the module may start (``ModuleNotFinished``);
    anyone may stop. Idempotent. Returns whether anything changed."""
    if not on:
        deleted, _rows = PeerOffer.objects.filter(user=user, module_id=module_id).delete()
        return bool(deleted)
    if not module_finished(user=user, module_id=module_id):
        raise ModuleNotFinished
    _offer, created = PeerOffer.objects.get_or_create(user=user, module_id=module_id)
    return created


@transaction.atomic
def topic_peers_ask(*, topic_id: int) -> int:
    """Ask up to ``FORUM_PEERS_PER_QUESTION`` peers who did the module to think along with
    a visible topic asked from one of its steps (``peer_candidates``: never the asker,
    the least recently asked first, each at most ``FORUM_PEER_ASKS_PER_WEEK`` times a
    week), only those who may read its forum. Writes one ``PeerAsk`` per peer and emails
    them after commit (``forum.tasks.ask_peers``). Once per topic: asked again, it returns
    how many were asked before. Returns how many peers were asked."""
    topic = (
        Topic.objects.select_related("forum__module_forum", "meta")
        .filter(pk=topic_id, approved=True)
        .first()
    )
    meta = getattr(topic, "meta", None) if topic is not None else None
    link = getattr(topic.forum, "module_forum", None) if topic is not None else None
    if meta is None or meta.step_id is None or link is None or link.module_id is None:
        return 0
    if asked := PeerAsk.objects.filter(topic=topic).count():
        return asked
    wanted = settings.FORUM_PEERS_PER_QUESTION
    # Room for those who may not read the forum; then, under the candidates' row locks
    # (taken in id order, so two questions never wait on each other in a circle), counted
    # again: a question asked at the same moment cannot push anyone over the weekly limit.
    candidates = peer_candidates(
        module_id=link.module_id, asker_id=topic.poster_id, limit=wanted * 4
    )
    if not candidates:
        return 0
    locked = list(
        get_user_model().objects.select_for_update().filter(pk__in=candidates).order_by("pk")
    )
    by_id = {user.pk: user for user in locked}
    handler = get_class("forum_permission.handler", "PermissionHandler")()
    chosen = [
        by_id[user_id]
        for user_id in peer_candidates(
            module_id=link.module_id,
            asker_id=topic.poster_id,
            limit=len(candidates),
            user_ids=list(by_id),
        )
        if handler.can_read_forum(topic.forum, by_id[user_id])
    ][:wanted]
    PeerAsk.objects.bulk_create([PeerAsk(user=user, topic=topic) for user in chosen])
    if chosen:
        enqueue_on_commit(tasks.ask_peers, topic.pk)
    return len(chosen)


# --- "Dit hielp mij" and the marked answer -------------------------------------------


@transaction.atomic
def post_mark_helpful(*, post: Any, user: User) -> bool:
    """Record that ``post`` helped ``user``; once per person, never one's own post.
    Returns whether a vote was added."""
    if post.poster_id == user.pk:
        return False
    _vote, created = HelpfulVote.objects.get_or_create(post=post, user=user)
    if created:
        PostMeta.objects.get_or_create(post=post)
        PostMeta.objects.filter(post=post).update(helpful_count=F("helpful_count") + 1)
        TopicMeta.objects.get_or_create(topic_id=post.topic_id)
        TopicMeta.objects.filter(topic_id=post.topic_id).update(
            helpful_count=F("helpful_count") + 1
        )
        forget_module_topics(forum_id=post.topic.forum_id)
        bump_topic_version(post.topic_id)
    return created


class NotTheStarter(PermissionDenied):
    pass


@transaction.atomic
def topic_mark_answer(*, post: Any, user: User) -> None:
    """The topic's starter marks the reply that helped most (again: it stays the same)."""
    topic = post.topic
    if topic.poster_id != user.pk:
        raise NotTheStarter
    if post.pk == topic.first_post_id:
        raise NotTheStarter
    meta, _created = TopicMeta.objects.select_for_update().get_or_create(topic=topic)
    if meta.answer_id != post.pk:
        meta.answer = post
        meta.save(update_fields=["answer"])
        forget_module_topics(forum_id=topic.forum_id)
        bump_topic_version(topic.pk)


# --- Reports and moderation -----------------------------------------------------------


def post_report(*, post: Any, user: User, reason: str, text: str = "") -> Report:
    """Flag a post for the moderators. Reporting the same post again while the first
    report is open updates it instead of adding another."""
    report, _created = Report.objects.update_or_create(
        post=post,
        reporter=user,
        resolved_at__isnull=True,
        defaults={"reason": reason, "text": text},
    )
    return report


def _moderate(*, post: Any, moderator: User, kind: str, note: str) -> ModerationAction:
    action = ModerationAction.objects.create(post=post, moderator=moderator, kind=kind, note=note)
    Report.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )
    return action


@transaction.atomic
def post_hide(*, post: Any, moderator: User, note: str = "") -> ModerationAction:
    """Take a post off the forum (machina's ``approved`` flag: it returns to the queue)."""
    if post.approved:
        post.approved = False
        post.save()
    return _moderate(post=post, moderator=moderator, kind=ModerationAction.Kind.HIDE, note=note)


@transaction.atomic
def post_restore(*, post: Any, moderator: User, note: str = "") -> ModerationAction:
    if not post.approved:
        post.approved = True
        post.save()
    return _moderate(post=post, moderator=moderator, kind=ModerationAction.Kind.RESTORE, note=note)


@transaction.atomic
def post_warn(*, post: Any, moderator: User, note: str) -> ModerationAction:
    """Warn the writer of a post: logged, and emailed when they have an address."""
    action = _moderate(post=post, moderator=moderator, kind=ModerationAction.Kind.WARN, note=note)
    if post.poster_id:
        enqueue_on_commit(tasks.send_warning, action.pk)
    return action


def report_dismiss(*, report: Report, moderator: User) -> None:
    """Close a report without acting on the post."""
    if report.resolved_at is None:
        report.resolved_at = timezone.now()
        report.resolved_by = moderator
        report.save(update_fields=["resolved_at", "resolved_by"])


# --- Following and limits ---------------------------------------------------------------


def follow_set(*, user: User, target: Any, on: bool) -> None:
    """Follow (or stop following) a topic or a forum."""
    field_name = "topic" if isinstance(target, Topic) else "forum"
    if on:
        Subscription.objects.get_or_create(user=user, **{field_name: target})
    else:
        Subscription.objects.filter(user=user, **{field_name: target}).delete()


def unsubscribe(*, user_id: int, subscription_id: int | None) -> str:
    """What an email's unsubscribe link does: end that one subscription, or (from a
    digest) all forum email. Returns which of the two, for the confirmation page."""
    if subscription_id is None:
        get_user_model().objects.filter(pk=user_id).update(forum_email=ForumEmail.OFF)
        return "all"
    Subscription.objects.filter(pk=subscription_id, user_id=user_id).delete()
    return "one"


# --- Account deletion (``accounts.services.account_delete`` calls these) ------------------


def _topics_changed(topic_ids: set[int]) -> None:
    """Cached topic pages and module topic lists show who wrote what: start them afresh
    (and anything else derived from the posts, through ``topics_rewritten``)."""
    topics_rewritten.send(sender=Topic, topic_ids=set(topic_ids))
    for forum_id in set(Topic.objects.filter(pk__in=topic_ids).values_list("forum_id", flat=True)):
        forget_module_topics(forum_id=forum_id)
    for topic_id in topic_ids:
        bump_topic_version(topic_id)


def member_votes_withdraw(*, user: User) -> None:
    """Take back every "Dit hielp mij" of ``user``; the counts on the posts and topics go
    down with them, so they keep matching the votes that are left."""
    from collections import Counter

    from django.db.models.functions import Greatest

    votes = list(HelpfulVote.objects.filter(user=user).values_list("post_id", "post__topic_id"))
    if not votes:
        return
    PostMeta.objects.filter(post_id__in=[post_id for post_id, _topic in votes]).update(
        helpful_count=Greatest(F("helpful_count") - 1, 0)
    )
    for topic_id, count in Counter(topic_id for _post, topic_id in votes).items():
        TopicMeta.objects.filter(topic_id=topic_id).update(
            helpful_count=Greatest(F("helpful_count") - count, 0)
        )
    HelpfulVote.objects.filter(user=user).delete()
    _topics_changed({topic_id for _post, topic_id in votes})


def member_posts_anonymise(*, user: User) -> None:
    """Keep ``user``'s topics and posts, written by nobody: the pages show "verwijderde
    gebruiker", and other people's answers keep their question. Machina's ``username``
    (meant for anonymous posters) stays empty, so no name is left in the rows."""
    posts = Post.objects.filter(poster=user)
    topics = Topic.objects.filter(poster=user)
    topic_ids = set(posts.values_list("topic_id", flat=True)) | set(
        topics.values_list("pk", flat=True)
    )
    # Queryset updates: no save(), so machina's trackers and "updated" stay as they were.
    posts.update(poster=None, username=None, anonymous_key=None)
    topics.update(poster=None)
    _topics_changed(topic_ids)


def member_posts_remove(*, user: User) -> None:
    """Remove everything ``user`` wrote on the forum, as machina deletes: a topic they
    started goes with its replies, and their replies elsewhere go one topic at a time,
    after which machina's trackers recount the topic and its forum (a topic left without
    posts goes too, as machina does with a topic's last post)."""
    from collections import defaultdict

    from django.db.models import Sum
    from django.db.models.functions import Greatest

    # Machina's Topic.delete() recounts the forum.
    for topic in Topic.objects.filter(poster=user).select_related("forum"):
        topic.delete()

    replies = defaultdict(list)
    for post_id, topic_id in Post.objects.filter(poster=user).values_list("pk", "topic_id"):
        replies[topic_id].append(post_id)
    for topic in Topic.objects.filter(pk__in=replies).select_related("forum"):
        post_ids = replies[topic.pk]
        # "Dit hielp" on the removed posts no longer counts for the topic.
        lost = PostMeta.objects.filter(post_id__in=post_ids).aggregate(n=Sum("helpful_count"))
        if lost["n"]:
            TopicMeta.objects.filter(topic=topic).update(
                helpful_count=Greatest(F("helpful_count") - lost["n"], 0)
            )
        Post.objects.filter(pk__in=post_ids).delete()
        if topic.posts.exists():
            topic.update_trackers()  # saves the topic: its cached pages start afresh
        else:
            topic.delete()
    _topics_changed(set(replies))
