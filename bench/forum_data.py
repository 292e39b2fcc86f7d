"""Bench forum data: one busy topic of 1,000 posts by 50 participants, and a question in
every other module forum.

The forum tree (one forum per live module) is synced from the learning content by
``forum.services.forum_tree_sync``: publishing enqueues that sync as a Celery task on
commit, which no worker runs during the bench, so it is called here and the module
forums (one per module) are checked. Members' read permissions come from the post_migrate
receiver of ``forum.receivers`` (the bench migrates a new database); they are checked too.

The busy topic is started through ``forum.services.topic_start``, as the new-topic view
does, in the forum of the benchmarked step's module and about that step. Its 999 replies
are machina ``Post`` rows inserted in one ``bulk_create``: that sends no ``pre_save``, so
machina's ``MarkupTextField`` does not render them and ``_content_rendered`` is filled
here with the site's renderer (``forum.markup.render``); the posts are then spread over
about two weeks and ``topic.update_trackers()`` sets the topic's and forum's counters.
Participants are bench learners, all trusted (as after their first approved posts); every
sixth is an experience expert; every third post has "Dit hielp mij" votes (one of them by
the reader the scenarios sign in as); post 292, on page 20, is the starter's marked answer.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from machina.core.db.models import get_model
from machina.core.loading import get_class

from accounts import roles
from forum.links import topic_url
from forum.markup import render
from forum.models import HelpfulVote, ModuleForum, PostMeta, TopicMeta
from forum.permissions import member_trust
from forum.services import forum_tree_sync, topic_start
from learning.models import StepPage

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
ForumProfile = get_model("forum_member", "ForumProfile")
UserForumPermission = get_model("forum_permission", "UserForumPermission")
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")

POSTS = 1000  # in the busy topic, its first post included
PARTICIPANTS = 50
POSTS_PER_PAGE = 15  # MACHINA_TOPIC_POSTS_NUMBER_PER_PAGE
PAGES = -(-POSTS // POSTS_PER_PAGE)
DEEP_PAGE = 20  # the page scenario (g) opens
ANSWER_POST = (DEEP_PAGE - 1) * POSTS_PER_PAGE + 7  # post number 292 (0 is the first post)
EXPERT_EVERY = 6  # participants 0, 6, 12, ... are experience experts
VOTED_EVERY = 3  # posts 1, 4, 7, ... have "Dit hielp mij" votes
VOTERS = 3  # the reader and two other participants vote on each of those
MINUTES_BETWEEN_POSTS = 20
SUBJECT = "Hoe vraag ik zorgtoeslag aan als mijn inkomen elke maand anders is?"
FIRST_POST = (
    "Ik werk via een uitzendbureau en mijn inkomen is elke maand anders. Bij de "
    "proefberekening moet ik een jaarinkomen invullen, maar ik weet dat nu nog niet.\n\n"
    "Wat vullen jullie dan in? En wat gebeurt er als het achteraf niet klopt?"
)
REPLIES = (
    "Ik had precies hetzelfde. Ik heb mijn loonstroken van de **laatste drie maanden** "
    "opgeteld en keer vier gedaan. Dat was een redelijke schatting.",
    "Vul liever iets te hoog in dan te laag. Dan krijg je per maand wat minder, maar hoef "
    "je achteraf niets terug te betalen.\n\nDat terugbetalen was bij mij echt een klap.",
    "Je kunt je inkomen later altijd aanpassen in *Mijn toeslagen*. Dat doe ik elke keer als "
    "ik een ander contract krijg. Het duurt maar vijf minuten.",
    "Tip van mij:\n\n- bewaar al je loonstroken in één map\n- zet in je agenda dat je elk "
    "kwartaal even kijkt\n- pas het aan zodra je meer of minder gaat werken",
    "Bij het Juridisch Loket hebben ze me gratis geholpen met de schatting. Zie "
    "[juridischloket.nl](https://www.juridischloket.nl). Ze zijn heel vriendelijk.",
    "Dank je, dit helpt mij ook! Ik dacht dat ik het precies moest weten.",
    "Let op: je toeslagpartner telt ook mee. Dat vergat ik de eerste keer.\n\n"
    "> Het gaat om het gezamenlijke inkomen van jou en je toeslagpartner.",
    "Als ervaringsdeskundige: je bent niet de enige. Neem de tijd, schat het zo goed als "
    "je kunt, en kijk na een paar maanden of het nog klopt. Je kunt het altijd *wijzigen*.",
)


@dataclass(frozen=True)
class ForumBench:
    topic_path: str  # our topic page of the busy topic
    machina_topic_path: str  # the same topic under machina's own view (bench/urls.py)
    pages: int
    module_forums: int
    counts: dict[str, int]


def build(*, reader, participants: list, step_id: int, modules: int) -> ForumBench:
    """Sync the forum tree, check it and the permissions, and add the forum content.

    ``reader`` (one of ``participants``) is who the scenarios sign in as; ``step_id`` is
    the benchmarked step: the busy topic is about it, in its module's forum.
    """
    step = StepPage.objects.get(pk=step_id)
    forum_tree_sync()
    forums = module_forums(expected=modules)
    check_permissions(reader, forums[0])
    for user in participants:
        member_trust(user=user)
    experts = participants[::EXPERT_EVERY]
    Group.objects.get(name=roles.EXPERIENCE_EXPERT).user_set.add(*experts)

    module_id = step.get_parent().pk
    home = ModuleForum.objects.select_related("forum").get(module_id=module_id).forum
    others = [user for user in participants if user.pk != reader.pk]
    topic = busy_topic(home, starter=others[0], participants=[reader, *others], step=step)
    votes = add_votes(topic, reader=reader, voters=[reader, *others[1:VOTERS]])
    ask_in_every_forum([f for f in forums if f.pk != home.pk], askers=others)
    set_profiles(participants)

    topic = Topic.objects.select_related("forum").get(pk=topic.pk)
    if topic.posts_count != POSTS:
        raise RuntimeError(f"the busy topic has {topic.posts_count} posts, not {POSTS}")
    machina_kwargs = {"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id}
    machina_kwargs |= {"slug": topic.slug, "pk": topic.pk}
    return ForumBench(
        topic_path=topic_url(topic),
        machina_topic_path=reverse("bench_machina_topic", kwargs=machina_kwargs),
        pages=PAGES,
        module_forums=len(forums),
        counts={
            "module_forums": len(forums),
            "forum_topics": Topic.objects.filter(approved=True).count(),
            "forum_posts": Post.objects.filter(approved=True).count(),
            "topic_posts": topic.posts_count,
            "topic_participants": len(participants),
            "experience_experts": len(experts),
            "helpful_votes": votes,
        },
    )


def module_forums(*, expected: int) -> list:
    """The open module forums, in tree order; exactly ``expected`` of them, each under a
    category."""
    links = ModuleForum.objects.filter(archived_at__isnull=True, module__live=True)
    forums = list(
        Forum.objects.filter(module_forum__in=links, type=Forum.FORUM_POST, parent__isnull=False)
        .select_related("module_forum")
        .order_by("tree_id", "lft")
    )
    if len(forums) != expected:
        raise RuntimeError(f"{len(forums)} module forums after the sync, expected {expected}")
    return forums


def check_permissions(reader, forum) -> None:
    """Members read and write by default (``forum_permissions_ensure_defaults``)."""
    defaults = UserForumPermission.objects.filter(
        forum=None, user=None, authenticated_user=True, has_perm=True
    )
    granted = set(defaults.values_list("permission__codename", flat=True))
    missing = {"can_read_forum", "can_see_forum", "can_reply_to_topics"} - granted
    if missing:
        raise RuntimeError(f"members lack the default forum permissions {sorted(missing)}")
    if not PermissionHandler().can_read_forum(forum, reader):
        raise RuntimeError(f"{reader.username} cannot read {forum.name}")


def busy_topic(forum, *, starter, participants: list, step):
    """The 1,000-post topic: started as the view starts one, replies bulk-inserted."""
    handler = PermissionHandler()
    posted = topic_start(
        forum=forum, user=starter, subject=SUBJECT, content=FIRST_POST, step=step, handler=handler
    )
    topic = posted.post.topic
    rendered = {text: render(text) for text in REPLIES}
    rows = []
    for n in range(1, POSTS):
        text = REPLIES[n % len(REPLIES)]
        rows.append(
            Post(
                topic=topic,
                poster=participants[n % len(participants)],
                subject=f"Re: {SUBJECT}"[:255],
                content=text,
                _content_rendered=rendered[text],
                approved=True,
            )
        )
    Post.objects.bulk_create(rows, batch_size=500)
    spread_over_time(topic)
    topic.update_trackers()
    answer = post_number(topic, ANSWER_POST)
    TopicMeta.objects.filter(topic=topic).update(answer=answer)
    return topic


def spread_over_time(topic) -> None:
    """Date the topic's posts ``MINUTES_BETWEEN_POSTS`` apart, the last one just now
    (``created`` is auto_now_add: set after the insert; ``bulk_update`` keeps the values)."""
    gap = timedelta(minutes=MINUTES_BETWEEN_POSTS)
    first = timezone.now() - gap * POSTS
    posts = list(Post.objects.filter(topic=topic).order_by("created", "pk").only("pk"))
    for n, post in enumerate(posts, start=1):
        post.created = post.updated = first + gap * n
    Post.objects.bulk_update(posts, ["created", "updated"], batch_size=500)
    Topic.objects.filter(pk=topic.pk).update(created=first, updated=first)


def post_number(topic, number: int):
    """The topic's post ``number`` in reading order (0 is the first post)."""
    return Post.objects.filter(topic=topic).order_by("created", "pk")[number]


def add_votes(topic, *, reader, voters: list) -> int:
    """ "Dit hielp mij" on every ``VOTED_EVERY``-th reply, by ``voters`` (never on one's own
    post), with the counters the services keep; returns the number of votes."""
    posts = list(Post.objects.filter(topic=topic).order_by("created", "pk"))[1::VOTED_EVERY]
    votes = [
        HelpfulVote(post=post, user=user)
        for post in posts
        for user in voters
        if user.pk != post.poster_id
    ]
    HelpfulVote.objects.bulk_create(votes, batch_size=1000)
    per_post = Counter(vote.post.pk for vote in votes)
    PostMeta.objects.bulk_create(
        [PostMeta(post_id=pk, helpful_count=count) for pk, count in per_post.items()]
    )
    TopicMeta.objects.filter(topic=topic).update(helpful_count=len(votes))
    if not any(vote.user.pk == reader.pk for vote in votes):
        raise RuntimeError("the reader voted on no post")
    return len(votes)


def ask_in_every_forum(forums: list, *, askers: list) -> None:
    """One open question in each of ``forums``, so the index shows real counters."""
    handler = PermissionHandler()
    for n, forum in enumerate(forums):
        topic_start(
            forum=forum,
            user=askers[n % len(askers)],
            subject=f"Vraag over {forum.name}"[:255],
            content=FIRST_POST,
            handler=handler,
        )


def set_profiles(participants: list) -> None:
    """Machina's forum profiles with the post counts its receivers would have kept."""
    written = Counter(
        Post.objects.filter(poster__in=participants, approved=True).values_list(
            "poster_id", flat=True
        )
    )
    for user in participants:
        ForumProfile.objects.update_or_create(user=user, defaults={"posts_count": written[user.pk]})
