"""Forum reads. Each page costs a fixed number of queries, whatever the number of
posts, topics or participants: pages are sliced in SQL and everything shown per post
(poster, helpful count, badge, own vote) is fetched for the page in one query each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from machina.conf import settings as machina_settings
from machina.core.db.models import get_model

from accounts import roles
from learning.models import ModuleCompletion

from . import links
from .cache import (
    MODULE_TOPICS_CACHE_SECONDS,
    TOPIC_CACHE_SECONDS,
    following_key,
    module_topics_key,
    rows_key,
    topic_and_board_versions,
    topic_key,
    votes_key,
)
from .models import (
    CrisisSignal,
    CrisisSupport,
    HelpfulVote,
    ModerationAction,
    ModuleForum,
    PeerAsk,
    PeerOffer,
    PostNotification,
    Report,
    Subscription,
)
from .permissions import readable_forum_ids
from .safety import parse_phrases

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import QuerySet
    from machina.apps.forum_permission.handler import PermissionHandler

    from accounts.models import User
    from learning.models import Topic as LearningTopic

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


@dataclass
class CategoryEntry:
    category: object
    forums: list[Any]
    topic: LearningTopic | None = None  # the learning topic, for its picture and colour


def _board_forums() -> QuerySet[Any]:
    return (
        Forum.objects.filter(type__in=(Forum.FORUM_CAT, Forum.FORUM_POST))
        .select_related("module_forum")
        .order_by("tree_id", "lft")
    )


def readable_board_forum_ids(
    *, user: User | AnonymousUser, handler: PermissionHandler
) -> frozenset[int]:
    """The ids of the categories and forums of the index that ``user`` may read."""
    return frozenset(readable_forum_ids(user=user, handler=handler, forums=_board_forums()))


def board_index(*, readable: frozenset[int]) -> list[CategoryEntry]:
    """The categories (one per learning topic) with their open module forums among
    ``readable``, in the order of the forum tree."""
    entries: dict[int, CategoryEntry] = {}
    for forum in _board_forums().select_related("topic_category__topic"):
        if forum.pk not in readable:
            continue
        if forum.type == Forum.FORUM_CAT:
            link = getattr(forum, "topic_category", None)
            topic = link.topic if link is not None else None
            entries[forum.pk] = CategoryEntry(category=forum, forums=[], topic=topic)
            continue
        link = getattr(forum, "module_forum", None)
        if link is not None and link.archived_at is not None:
            continue
        if forum.parent_id in entries:
            entries[forum.parent_id].forums.append(forum)
    return [entry for entry in entries.values() if entry.forums]


def _topics_queryset() -> QuerySet[Any]:
    return Topic.objects.filter(approved=True).select_related(
        "forum", "poster", "last_post__poster", "meta"
    )


def forum_topics(*, forum: Any, page_number: str | int | None) -> Page[Any]:
    """A page of a forum's visible topics: announcements and stickies first, then by activity."""
    topics = _topics_queryset().filter(forum=forum).order_by("-type", "-last_post_on", "-pk")
    return Paginator(topics, machina_settings.FORUM_TOPICS_NUMBER_PER_PAGE).get_page(page_number)


def unanswered_topics(
    *, readable_forum_ids: set[int], category_id: int | None = None, limit: int = 30
) -> list[Any]:
    """Topics nobody has replied to yet and without a marked answer, newest first:
    "Help iemand vandaag". ``category_id`` narrows it to one learning topic."""
    topics = _topics_queryset().filter(
        forum_id__in=readable_forum_ids, posts_count__lte=1, status=Topic.TOPIC_UNLOCKED
    )
    topics = topics.exclude(meta__answer__isnull=False)
    if category_id is not None:
        topics = topics.filter(forum__parent_id=category_id)
    return list(topics.order_by("-created", "-pk")[:limit])


def module_forum_for(*, module_id: int) -> ModuleForum | None:
    return ModuleForum.objects.select_related("forum").filter(module_id=module_id).first()


@dataclass(frozen=True)
class TopicLink:
    subject: str
    url: str
    posts_count: int
    answered: bool
    helpful_count: int


@dataclass(frozen=True)
class ModuleTopics:
    forum_url: str
    new_topic_url: str
    recent: tuple[TopicLink, ...]
    helpful: tuple[TopicLink, ...]
    # (step id, its most recent topics) for every step questions were asked from. A
    # class default: an entry cached before this field existed reads as "none yet".
    by_step: tuple[tuple[int, tuple[TopicLink, ...]], ...] = ()
    # How many active members who finished the module think along (``PeerOffer``).
    peers: int = 0

    def for_step(self, step_id: int) -> tuple[TopicLink, ...]:
        """The topics asked from the step ``step_id`` (started with its "Vraag het aan
        anderen"), most recent first; empty when there are none."""
        return dict(self.by_step).get(step_id, ())


def module_topics(*, module_id: int, count: int = 3) -> ModuleTopics | None:
    """The most recent and the most helpful topics of a module's forum, per step the
    most recent topics asked from it (``count`` of each), and how many peers think along,
    for its learning pages. Cached until a topic in that forum changes or someone opts in
    or out (``forget_module_topics``, ``forget_module_peers``)."""
    key = module_topics_key(module_id)
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    link = module_forum_for(module_id=module_id)
    if link is None or link.archived_at is not None:
        cache.set(key, False, MODULE_TOPICS_CACHE_SECONDS)
        return None

    def as_links(topics: Iterable[Any]) -> tuple[TopicLink, ...]:
        return tuple(
            TopicLink(
                subject=t.subject,
                url=links.topic_url(t),
                posts_count=t.posts_count,
                answered=bool(getattr(t, "meta", None) and t.meta.answer_id),
                helpful_count=t.meta.helpful_count if getattr(t, "meta", None) else 0,
            )
            for t in topics
        )

    visible = Topic.objects.filter(forum=link.forum, approved=True).select_related("meta", "forum")
    # The newest ``count`` per step, ranked in the database: a busy forum is not read whole.
    per_step = (
        visible.filter(meta__step__isnull=False)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("meta__step_id"),
                order_by=(F("last_post_on").desc(), F("pk").desc()),
            )
        )
        .filter(rank__lte=count)
        .order_by("meta__step_id", "rank")
    )
    by_step: dict[int, list[Any]] = {}
    for topic in per_step:
        by_step.setdefault(topic.meta.step_id, []).append(topic)
    result = ModuleTopics(
        forum_url=links.forum_url(link.forum),
        new_topic_url=links.new_topic_url(link.forum),
        recent=as_links(visible.order_by("-last_post_on", "-pk")[:count]),
        helpful=as_links(
            visible.filter(meta__helpful_count__gt=0).order_by("-meta__helpful_count", "-pk")[
                :count
            ]
        ),
        by_step=tuple((step_id, as_links(topics)) for step_id, topics in by_step.items()),
        peers=PeerOffer.objects.filter(module_id=module_id, user__is_active=True).count(),
    )
    cache.set(key, result, MODULE_TOPICS_CACHE_SECONDS)
    return result


@dataclass
class PostView:
    post: object
    helpful_count: int
    voted: bool
    own: bool
    # Role badges come from the writer's groups, never from the name they typed.
    expert: bool
    moderator: bool
    is_answer: bool
    can_edit: bool


def viewed_topic(pk: int) -> tuple[Any | None, int]:
    """The approved topic ``pk`` with its forum and meta (None when there is none) and
    its version. Cached under the topic's version and the board's (a forum renamed,
    moved or archived bumps the board)."""
    version, board = topic_and_board_versions(pk)
    key = topic_key(pk, version, board)
    topic = cache.get(key)
    if topic is None:
        topic = Topic.objects.select_related("forum", "meta").filter(pk=pk, approved=True).first()
        cache.set(key, topic or False, TOPIC_CACHE_SECONDS)
    return topic or None, version


def following(*, user: User) -> dict[str, frozenset[int]]:
    """The ids of the topics and forums ``user`` follows (cached; every change to their
    subscriptions forgets it, see ``forum.receivers``)."""
    key = following_key(user.pk)
    result = cache.get(key)
    if result is None:
        rows = Subscription.objects.filter(user=user).values_list("topic_id", "forum_id")
        result = {
            "topics": frozenset(topic for topic, _forum in rows if topic),
            "forums": frozenset(forum for _topic, forum in rows if forum),
        }
        cache.set(key, result, TOPIC_CACHE_SECONDS)
    return result


@dataclass(frozen=True)
class TopicPageState:
    """One page of a topic as one viewer sees it, without loading its posts."""

    page: Page
    version: int
    post_ids: tuple[int, ...]
    voted: frozenset[int]
    editable: frozenset[int]
    own: frozenset[int]


def topic_page_state(
    *,
    topic: Any,
    version: int,
    page_number: str | int | None,
    user: User | AnonymousUser,
    handler: PermissionHandler,
) -> TopicPageState:
    """Page numbers come from machina's count of approved posts, the page's post ids from
    one light query, with the viewer's votes, own posts and edit rights. Both are cached
    under the topic's version (a vote bumps it)."""
    per_page = machina_settings.TOPIC_POSTS_NUMBER_PER_PAGE
    page = Paginator(range(topic.posts_count), per_page).get_page(page_number)
    page_rows_key = rows_key(topic.pk, version, page.number)
    page_votes_key = votes_key(topic.pk, version, user.pk)
    found = cache.get_many(
        [page_rows_key, page_votes_key] if user.is_authenticated else [page_rows_key]
    )
    rows = found.get(page_rows_key)
    if rows is None:
        start = (page.number - 1) * per_page
        rows = list(
            Post.objects.filter(topic=topic, approved=True)
            .order_by("created", "pk")
            .values_list("pk", "poster_id")[start : start + per_page]
        )
        cache.set(page_rows_key, rows, TOPIC_CACHE_SECONDS)
    ids = tuple(pk for pk, _poster in rows)
    voted: frozenset[int] = frozenset()
    own: frozenset[int] = frozenset()
    if user.is_authenticated:
        all_voted: frozenset[int] | None = found.get(page_votes_key)
        if all_voted is None:
            all_voted = frozenset(
                HelpfulVote.objects.filter(user=user, post__topic=topic).values_list(
                    "post_id", flat=True
                )
            )
            cache.set(page_votes_key, all_voted, TOPIC_CACHE_SECONDS)
        voted = all_voted.intersection(ids)
        own = frozenset(pk for pk, poster in rows if poster == user.pk)
    # machina's own rule, which looks only at whether the post is the viewer's: asked
    # once for a stand-in of each kind on the page instead of once per post.
    may_edit = {
        is_own: handler.can_edit_post(Post(topic=topic, poster=user if is_own else None), user)
        for is_own in {pk in own for pk in ids}
    }
    editable = frozenset(pk for pk in ids if may_edit[pk in own])
    return TopicPageState(page, version, ids, voted, editable, own)


def topic_posts(
    *,
    topic: Any,
    post_ids: tuple[int, ...],
    voted: frozenset[int],
    own: frozenset[int],
    editable: frozenset[int],
) -> list[PostView]:
    """The posts ``post_ids`` of ``topic`` with what the page shows about them, for a
    viewer who voted for ``voted``, wrote ``own`` and may edit ``editable``."""
    posts = Post.objects.filter(pk__in=post_ids).select_related("poster", "meta", "updated_by")
    by_id = {post.pk: post for post in posts}
    ordered = [by_id[pk] for pk in post_ids if pk in by_id]
    poster_ids = {p.poster_id for p in ordered if p.poster_id}
    badges = set(
        get_model("accounts", "User")
        .objects.filter(
            pk__in=poster_ids, groups__name__in=(roles.EXPERIENCE_EXPERT, roles.MODERATOR)
        )
        .values_list("pk", "groups__name")
    )
    answer_id = getattr(getattr(topic, "meta", None), "answer_id", None)
    views = []
    for post in ordered:
        post.topic = topic
        meta = getattr(post, "meta", None)
        views.append(
            PostView(
                post=post,
                helpful_count=meta.helpful_count if meta else 0,
                voted=post.pk in voted,
                own=post.pk in own,
                expert=(post.poster_id, roles.EXPERIENCE_EXPERT) in badges,
                moderator=(post.poster_id, roles.MODERATOR) in badges,
                is_answer=post.pk == answer_id,
                can_edit=post.pk in editable,
            )
        )
    return views


def page_of_post(*, topic: Any, post_id: int) -> int:
    """The page of ``topic`` that shows the approved post ``post_id`` (1 when unknown)."""
    post = Post.objects.filter(topic=topic, approved=True, pk=post_id).first()
    if post is None:
        return 1
    before = Post.objects.filter(topic=topic, approved=True).filter(
        Q(created__lt=post.created) | Q(created=post.created, pk__lt=post.pk)
    )
    return before.count() // machina_settings.TOPIC_POSTS_NUMBER_PER_PAGE + 1


def crisis_support() -> CrisisSupport:
    return CrisisSupport.load()


def crisis_phrases() -> list[str]:
    """The editor-maintained crisis phrases, parsed."""
    return parse_phrases(crisis_support().phrases)


def moderation_overview() -> dict[str, list[Any]]:
    """Open reports (grouped per post) and recent crisis signals, oldest report first."""
    open_reports = list(
        Report.objects.filter(resolved_at__isnull=True)
        .select_related("post__topic__forum", "post__poster", "reporter")
        .order_by("created")
    )
    crisis = list(
        CrisisSignal.objects.select_related("post__topic__forum", "post__poster").order_by(
            "-created"
        )[:20]
    )
    actions = list(
        ModerationAction.objects.select_related("post__topic", "moderator").order_by("-created")[
            :30
        ]
    )
    return {"reports": open_reports, "crisis_signals": crisis, "actions": actions}


def member_overview(*, user: User) -> dict[str, list[Any]]:
    """ "Mijn forum": what someone follows, the questions they were asked to think along
    with, their posts that are not (or no longer) on the forum, and what moderators told
    them. Nothing about them is hidden from them."""
    subscriptions = list(
        Subscription.objects.filter(user=user)
        .select_related("topic__forum", "forum")
        .order_by("-created")
    )
    off_forum = list(
        Post.objects.filter(poster=user, approved=False)
        .select_related("topic__forum")
        .annotate(
            hidden=Exists(
                ModerationAction.objects.filter(
                    post=OuterRef("pk"), kind=ModerationAction.Kind.HIDE
                )
            )
        )
        .order_by("-created")
    )
    actions = list(
        ModerationAction.objects.filter(post__poster=user)
        .select_related("post__topic__forum")
        .order_by("-created")
    )
    return {
        "subscriptions": subscriptions,
        "peer_asks": peer_asks_received(user=user),
        "off_forum": off_forum,
        "moderation": actions,
    }


# --- Peers who did the module ("meedenken") ------------------------------------------------


def module_finished(*, user: User, module_id: int) -> bool:
    """Whether ``user`` once did every live step of the module (learning's
    ``ModuleCompletion``, kept when steps are added later)."""
    return ModuleCompletion.objects.filter(user=user, module_id=module_id).exists()


def peer_offered(*, user: User, module_id: int) -> bool:
    """Whether ``user`` thinks along with the module (one query)."""
    return PeerOffer.objects.filter(user=user, module_id=module_id).exists()


def peer_offers(*, user: User) -> list[PeerOffer]:
    """The modules ``user`` thinks along with, by title (one query)."""
    return list(
        PeerOffer.objects.filter(user=user).select_related("module").order_by("module__title")
    )


def peer_asks_received(*, user: User, limit: int = 20) -> list[PeerAsk]:
    """The questions ``user`` was asked to think along with, newest first, that are still
    on the forum (one query)."""
    return list(
        PeerAsk.objects.filter(user=user, topic__approved=True)
        .select_related("topic__forum")
        .order_by("-created")[:limit]
    )


def peer_candidates(
    *, module_id: int, asker_id: int, limit: int, user_ids: Iterable[int] | None = None
) -> list[int]:
    """The ids of up to ``limit`` members to ask about a question on the module: they
    opted in, are active, are not the asker, and were asked fewer than
    ``FORUM_PEER_ASKS_PER_WEEK`` times in the last seven days; the least recently asked
    first (never asked before anyone), then who opted in first. One query; ``user_ids``
    narrows it to those members."""
    week_ago = timezone.now() - timedelta(days=7)
    asks = PeerAsk.objects.filter(user=OuterRef("user_id"))
    this_week = (
        asks.filter(created__gte=week_ago)
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    offers = PeerOffer.objects.filter(module_id=module_id, user__is_active=True).exclude(
        user_id=asker_id
    )
    if user_ids is not None:
        offers = offers.filter(user_id__in=list(user_ids))
    return list(
        offers.annotate(
            asked_this_week=Coalesce(Subquery(this_week), 0),
            last_asked=Subquery(asks.order_by("-created").values("created")[:1]),
        )
        .filter(asked_this_week__lt=settings.FORUM_PEER_ASKS_PER_WEEK)
        .order_by(F("last_asked").asc(nulls_first=True), "created", "pk")
        .values_list("user_id", flat=True)[:limit]
    )


# --- Member pages --------------------------------------------------------------------------

MEMBER_RECENT_POSTS = 10
# Accounts that work on the platform rather than take part as members: no page shows them.
STAFF_ROLES = (roles.WORKER, roles.TEAM_LEAD, roles.EDITOR)


@dataclass(frozen=True)
class MemberPage:
    member: object
    expert: bool
    posts_count: int
    recent_posts: list[Any]


def member_page(
    *, member_id: int, viewer: User | AnonymousUser, handler: PermissionHandler
) -> MemberPage | None:
    """What ``viewer`` may see of a forum member: the public name, the experience-expert
    badge, the number of their approved posts and the latest ones, counted only in forums
    ``viewer`` may read. ``None`` (not found) unless the account is active and has such a
    post, and always for staff, superusers, workers, team leads and editors: member pages
    show only what the forum already shows, and never list accounts to harvest."""
    user_model = get_model("accounts", "User")
    member = (
        user_model.objects.filter(pk=member_id, is_active=True, is_staff=False, is_superuser=False)
        .exclude(groups__name__in=STAFF_ROLES)
        .first()
    )
    if member is None:
        return None
    readable = readable_forum_ids(user=viewer, handler=handler, forums=_board_forums())
    posts = Post.objects.filter(
        poster=member, approved=True, topic__approved=True, topic__forum_id__in=readable
    )
    recent = list(
        posts.select_related("topic__forum").order_by("-created", "-pk")[:MEMBER_RECENT_POSTS]
    )
    if not recent:
        return None
    return MemberPage(
        member=member,
        expert=member.groups.filter(name=roles.EXPERIENCE_EXPERT).exists(),
        posts_count=posts.count(),
        recent_posts=recent,
    )


# --- "Mijn gegevens" (accounts.selectors collects this section) -------------------------


def _label(choices: list[tuple[Any, Any]], value: str) -> str:
    """The words for a stored choice, in the active language (the code if unknown)."""
    return str(dict(choices).get(value, value))


# The data export, one selector per part (one query each): ``export_for`` composes them
# under the keys of the downloaded file.
ExportRows = list[dict[str, Any]]


def export_profile_for(*, user: User) -> dict[str, Any] | None:
    """The user's forum profile (signature, post count), or None if they never had one."""
    forum_profile = get_model("forum_member", "ForumProfile")
    profile = forum_profile.objects.filter(user=user).values("signature", "posts_count").first()
    if not profile:
        return None
    return {"signature": profile["signature"] or "", "posts_count": profile["posts_count"]}


def _rows(queryset: QuerySet[Any], **fields: str) -> ExportRows:
    """The rows of ``queryset`` (one query) under the download's names: each keyword is a
    name in the download and the lookup it holds."""
    return [
        {name: row[lookup] for name, lookup in fields.items()}
        for row in queryset.values(*dict.fromkeys(fields.values()))
    ]


def export_posts_for(*, user: User) -> ExportRows:
    """Every post the user wrote, oldest first, with its topic, forum and helpful count."""
    rows = _rows(
        Post.objects.filter(poster=user).order_by("created", "pk"),
        id="pk",
        topic_id="topic_id",
        topic="topic__subject",
        forum="topic__forum__name",
        subject="subject",
        content="content",
        created="created",
        updated="updated",
        approved="approved",
        helpful_count="meta__helpful_count",
    )
    return [{**row, "helpful_count": row["helpful_count"] or 0} for row in rows]


def export_topics_for(*, user: User) -> ExportRows:
    """Every topic the user started, oldest first."""
    return _rows(
        Topic.objects.filter(poster=user).order_by("created", "pk"),
        id="pk",
        subject="subject",
        forum="forum__name",
        created="created",
        approved="approved",
        posts_count="posts_count",
    )


def export_votes_for(*, user: User) -> ExportRows:
    """Every post the user marked helpful, oldest vote first."""
    return _rows(
        HelpfulVote.objects.filter(user=user).order_by("created", "pk"),
        post_id="post_id",
        topic="post__topic__subject",
        created="created",
    )


def export_subscriptions_for(*, user: User) -> ExportRows:
    """Every topic or forum the user follows, oldest first."""
    return _rows(
        Subscription.objects.filter(user=user).order_by("created", "pk"),
        topic_id="topic_id",
        topic="topic__subject",
        forum_id="forum_id",
        forum="forum__name",
        created="created",
    )


def export_peer_offers_for(*, user: User) -> ExportRows:
    """Every module the user said others may ask them about, oldest first."""
    return _rows(
        PeerOffer.objects.filter(user=user).order_by("created", "pk"),
        module_id="module_id",
        module="module__title",
        created="created",
    )


def export_peer_asks_for(*, user: User) -> ExportRows:
    """Every question the user was asked to think along with, and when it was emailed."""
    return _rows(
        PeerAsk.objects.filter(user=user).order_by("created", "pk"),
        topic_id="topic_id",
        topic="topic__subject",
        asked="created",
        emailed="sent_at",
    )


def export_reports_for(*, user: User) -> ExportRows:
    """Every report the user made, with the reason in words (not who handled it)."""
    rows = _rows(
        Report.objects.filter(reporter=user).order_by("created", "pk"),
        post_id="post_id",
        topic="post__topic__subject",
        reason="reason",
        text="text",
        created="created",
        resolved_at="resolved_at",
    )
    return [{**row, "reason_text": _label(Report.Reason.choices, row["reason"])} for row in rows]


def export_moderation_for(*, user: User) -> ExportRows:
    """What moderators did to the user's posts, without naming the moderator."""
    rows = _rows(
        ModerationAction.objects.filter(post__poster=user).order_by("created", "pk"),
        post_id="post_id",
        topic="post__topic__subject",
        kind="kind",
        note="note",
        created="created",
    )
    kinds = ModerationAction.Kind.choices
    return [{**row, "kind_text": _label(kinds, row["kind"])} for row in rows]


def export_crisis_signals_for(*, user: User) -> ExportRows:
    """The crisis phrases found in the user's posts and when moderators were alerted."""
    return _rows(
        CrisisSignal.objects.filter(post__poster=user).order_by("created", "pk"),
        post_id="post_id",
        topic="post__topic__subject",
        phrases="phrases",
        created="created",
        moderators_alerted_at="alerted_at",
    )


def export_notifications_for(*, user: User) -> ExportRows:
    """The email notifications about new posts queued for the user, and when each went out."""
    return _rows(
        PostNotification.objects.filter(user=user).order_by("created", "pk"),
        post_id="post_id",
        topic="post__topic__subject",
        created="created",
        sent_at="sent_at",
    )


def export_topics_read_for(*, user: User) -> ExportRows:
    """The topics the user read and when they last did (machina's read tracking)."""
    topic_read = get_model("forum_tracking", "TopicReadTrack")
    return _rows(
        topic_read.objects.filter(user=user).order_by("mark_time", "pk"),
        topic_id="topic_id",
        topic="topic__subject",
        read_at="mark_time",
    )


def export_for(*, user: User) -> dict[str, Any]:
    """Everything the forum keeps about ``user``, for the download of their own data.

    Plain values (datetimes stay datetimes; the caller writes them as ISO 8601) and one
    query per kind of row, whatever the number of rows. Moderators' names and who
    reported the user's posts are other people's data and stay out.
    """
    return {
        "profile": export_profile_for(user=user),
        "posts": export_posts_for(user=user),
        "topics_started": export_topics_for(user=user),
        "helpful_votes": export_votes_for(user=user),
        "subscriptions": export_subscriptions_for(user=user),
        "reports_made": export_reports_for(user=user),
        "moderation_of_my_posts": export_moderation_for(user=user),
        "crisis_signals_on_my_posts": export_crisis_signals_for(user=user),
        "email_notifications": export_notifications_for(user=user),
        "topics_read": export_topics_read_for(user=user),
        "thinking_along": export_peer_offers_for(user=user),
        "asked_to_think_along": export_peer_asks_for(user=user),
    }
