"""The demo forum and the demo team come from data files (``demo/content/``), are written
through the forum's and the team's services, and make a living forum: every module forum
has answered questions, the forum index counts them, and loading again changes nothing."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db.models import Count, Q, Sum
from django.utils import timezone
from machina.core.db.models import get_model

from accounts import roles
from accounts.models import User
from demo.forum import read_forum
from demo.learning import read_topics
from demo.models import DemoPost
from demo.people import read_members
from demo.team import read_team
from forum.forms import ReplyForm, TopicForm
from forum.models import (
    CrisisSignal,
    HelpfulVote,
    ModuleForum,
    PeerOffer,
    PostMeta,
    TopicMeta,
)
from forum.safety import (
    DEFAULT_CRISIS_PHRASES,
    find_crisis_phrases,
    find_personal_data,
    parse_phrases,
)
from forum.services import post_approve, post_mark_helpful, topic_mark_answer
from learning.models import ModuleCompletion, ModulePage, StepPage
from team.models import PlanItem, TeamLink

from ..factories import member, reply, start_topic

pytestmark = pytest.mark.django_db

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


def _is_expert(user) -> bool:
    return user is not None and user.groups.filter(name=roles.EXPERIENCE_EXPERT).exists()


def _snapshot() -> dict:
    """Everything the demo writes on the forum and in the team, as plain values."""
    return {
        "users": sorted(User.objects.values_list("username", "display_name")),
        "topics": sorted(Topic.objects.values_list("pk", "forum_id", "subject", "approved")),
        "posts": sorted(
            Post.objects.values_list(
                "pk", "topic_id", "poster_id", "content", "approved", "created", "updated"
            )
        ),
        "topic_counters": sorted(
            Topic.objects.values_list(
                "pk", "posts_count", "first_post_id", "last_post_id", "created", "last_post_on"
            )
        ),
        "forum_counters": sorted(
            Forum.objects.values_list(
                "pk", "direct_topics_count", "direct_posts_count", "last_post_id", "last_post_on"
            )
        ),
        "votes": sorted(HelpfulVote.objects.values_list("post_id", "user_id")),
        "topic_meta": sorted(
            TopicMeta.objects.values_list("topic_id", "step_id", "answer_id", "helpful_count")
        ),
        "post_meta": sorted(PostMeta.objects.values_list("post_id", "helpful_count")),
        "links": sorted(TeamLink.objects.values_list("client_id", "worker_id", "ended_at")),
        "plan": sorted(PlanItem.objects.values_list("client_id", "who", "worker_id", "text")),
        "peer_offers": sorted(PeerOffer.objects.values_list("user_id", "module_id", "created")),
    }


def test_every_module_forum_has_answered_questions_and_loading_twice_changes_nothing():
    call_command("load_demo", "--with-users")

    links = ModuleForum.objects.select_related("forum", "module")
    assert links.count() == 10
    for link in links:
        topics = Topic.objects.filter(forum=link.forum, approved=True)
        answered = [topic for topic in topics if topic.posts.filter(approved=True).count() > 1]
        assert len(answered) >= 2, link.module.slug
        # Different members answer; an experience expert among them.
        repliers = {
            post.poster
            for topic in answered
            for post in topic.posts.filter(approved=True).exclude(pk=topic.first_post_id)
        }
        assert any(_is_expert(user) for user in repliers), link.module.slug
        assert len({topic.poster_id for topic in answered} | {u.pk for u in repliers}) >= 3
        # A marked answer ("Dit hielp mij het meest") and "Dit hielp mij" votes.
        assert TopicMeta.objects.filter(topic__in=topics, answer__isnull=False).exists()
        assert HelpfulVote.objects.filter(post__topic__in=topics).exists()

    # The counters machina keeps (and the index shows) match the rows.
    for topic in Topic.objects.all():
        assert topic.posts_count == topic.posts.filter(approved=True).count()
    for forum in Forum.objects.filter(type=Forum.FORUM_POST):
        visible = Topic.objects.filter(forum=forum, approved=True)
        assert forum.direct_topics_count == visible.count()
        assert forum.direct_posts_count == (visible.aggregate(n=Sum("posts_count"))["n"] or 0)
    for meta in PostMeta.objects.annotate(votes=Count("post__helpful_votes")):
        assert meta.helpful_count == meta.votes
    for meta in TopicMeta.objects.all():
        votes = HelpfulVote.objects.filter(post__topic_id=meta.topic_id).count()
        assert meta.helpful_count == votes
    # Nothing waits for a moderator, and nothing trips the crisis signal.
    assert not Post.objects.filter(approved=False).exists()
    assert not Topic.objects.filter(Q(approved=False) | Q(posts_count=0)).exists()
    assert not CrisisSignal.objects.exists()

    before = _snapshot()
    call_command("load_demo", "--with-users")
    assert _snapshot() == before


def test_demo_members_who_finished_a_module_think_along_and_its_steps_say_so(client):
    call_command("load_demo", "--with-users")
    expected = {
        (member["username"], slug) for member in read_members() for slug in member["thinks_along"]
    }
    offers = set(PeerOffer.objects.values_list("user__username", "module__slug"))
    assert offers == expected and len(offers) >= 5
    for username, slug in offers:  # each finished the module first, as on the site
        assert ModuleCompletion.objects.filter(user__username=username, module__slug=slug).exists()

    module = ModulePage.objects.get(slug="zorgtoeslag-en-huurtoeslag-aanvragen")
    thinking = PeerOffer.objects.filter(module=module).count()
    assert thinking >= 3
    for step in StepPage.objects.live().child_of(module):
        html = BeautifulSoup(client.get(step.url).content, "html.parser")
        count = html.find("p", class_="peers-count").get_text(strip=True)
        assert count == f"{thinking} mensen die dit al deden willen meedenken.", step.slug
    # A module nobody thinks along with says nothing about it.
    quiet = ModulePage.objects.exclude(slug__in={slug for _u, slug in offers}).first()
    step = StepPage.objects.live().child_of(quiet).first()
    assert "willen meedenken" not in client.get(step.url).content.decode()


def test_demo_posts_are_dated_in_the_past_answers_after_their_question():
    """Issue 15: every demo post showed the moment the demo was loaded. Each conversation
    is ``days_ago`` old, each reply ``hours_later`` than the post before it, and machina's
    trackers (a topic's first and last post, the forums' last post) follow those dates."""
    start = timezone.now()
    call_command("load_demo", "--with-users")
    demo = {item.key: item.post for item in DemoPost.objects.select_related("post__topic")}
    for conversations in read_forum().values():
        for conversation in conversations:
            first = demo[conversation["key"]]
            asked = start - timedelta(days=conversation["days_ago"])
            assert abs(first.created - asked) < timedelta(minutes=5), conversation["key"]
            assert first.updated == first.created
            posts = [first]
            for answer in conversation["replies"]:
                post = demo[f"{conversation['key']}/{answer['key']}"]
                later = timedelta(hours=answer["hours_later"])
                assert post.created == posts[-1].created + later, answer["key"]
                assert post.updated == post.created
                posts.append(post)
            topic = Topic.objects.get(pk=first.topic_id)
            assert topic.created == first.created
            assert topic.updated == topic.last_post_on == posts[-1].created
            assert topic.last_post_id == posts[-1].pk
            assert posts[-1].created < start
    for forum in Forum.objects.filter(type=Forum.FORUM_POST):
        latest = Topic.objects.filter(forum=forum, approved=True).order_by("-last_post_on")
        assert forum.last_post_on == latest[0].last_post_on
        assert forum.last_post_id == latest[0].last_post_id
    # Spread over weeks: not all "just now", nor all on one day.
    days = {post.created.date() for post in Post.objects.all()}
    assert len(days) >= 15
    assert min(days) <= (start - timedelta(days=21)).date()


def test_a_conversation_whose_replies_end_after_now_is_refused(tmp_path):
    files = _demo_files(
        tmp_path,
        forum="- {key: k, by: demo-lid-a, subject: S, text: T, days_ago: 1,"
        " replies: [{key: r, by: demo-client, text: A, hours_later: 24}]}\n",
    )
    with pytest.raises(ValueError, match=r"forum/m\.yaml: conversation 'k': the replies end"):
        read_forum(files)


def _counts(card) -> tuple[int, int]:
    meta = " ".join(card.find("p", class_="meta").get_text().split())
    found = re.search(r"(\d+) vra(?:ag|gen) · (\d+) bericht", meta)
    assert found, meta
    return int(found[1]), int(found[2])


def test_the_forum_index_shows_the_real_counts_on_every_card(client):
    call_command("load_demo", "--with-users")
    html = client.get("/forum/").content
    cards = BeautifulSoup(html, "html.parser").select(".forum-category li.card")
    forums = {
        forum.name: forum
        for forum in Forum.objects.filter(type=Forum.FORUM_POST, module_forum__isnull=False)
    }
    assert len(cards) == len(forums) == 10
    for card in cards:
        forum = forums[card.find("h3").get_text(strip=True)]
        topics, posts = _counts(card)
        assert topics >= 2 and posts > topics, forum.name
        assert (topics, posts) == (
            Topic.objects.filter(forum=forum, approved=True).count(),
            Post.objects.filter(topic__forum=forum, approved=True).count(),
        )


def test_the_forum_members_and_team_files_are_valid():
    """Every post would pass the site's own forms and safety checks; keys are unique."""
    members = read_members()
    assert sum(member["expert"] for member in members) >= 1
    forum = read_forum()
    assert set(forum) == {m["slug"] for t in read_topics() for m in t["modules"]}
    phrases = parse_phrases(DEFAULT_CRISIS_PHRASES)
    keys = set()
    for module_slug, conversations in forum.items():
        for conversation in conversations:
            keys.add(conversation["key"])
            form = TopicForm({"subject": conversation["subject"], "content": conversation["text"]})
            assert form.is_valid(), (module_slug, conversation["key"], form.errors)
            texts = [conversation["text"]] + [r["text"] for r in conversation["replies"]]
            for answer in conversation["replies"]:
                assert ReplyForm({"content": answer["text"]}).is_valid(), answer["key"]
            for text in [conversation["subject"], *texts]:
                assert not find_personal_data(text), (conversation["key"], text)
                assert not find_crisis_phrases(text, phrases), (conversation["key"], text)
    assert len(keys) == sum(len(conversations) for conversations in forum.values())
    team = read_team()
    assert team["teams"] and team["links"] and team["plan"]


def _demo_files(tmp_path, *, members="", forum="", team=""):
    """A small demo content folder: one topic, one module with one step, and the files
    under test."""
    (tmp_path / "topics.yaml").write_text(
        "- {slug: t, name: T, description: D, life_domain: financien, modules: [m]}\n"
    )
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "m.yaml").write_text("slug: m\nsteps:\n- {slug: s, teaches: [1], body: []}\n")
    (tmp_path / "members.yaml").write_text(members or "- {username: demo-lid-a, display_name: A}\n")
    (tmp_path / "forum").mkdir()
    (tmp_path / "forum" / "m.yaml").write_text(
        forum
        or "- {key: k, by: demo-lid-a, subject: S, text: T, step: s, days_ago: 2,"
        " replies: [{key: r, by: demo-client, text: A, helped: [demo-lid-a], best: true}]}\n"
    )
    (tmp_path / "team.yaml").write_text(
        team
        or "teams: [{name: T, members: [demo-hulpverlener], leads: [demo-teamleider]}]\n"
        "links: [{client: demo-client, worker: demo-hulpverlener}]\n"
        "plan: [{client: demo-client, who: demo-client, text: T}]\n"
    )
    return tmp_path


def test_small_valid_files_read(tmp_path):
    content = _demo_files(tmp_path)
    assert read_forum(content)["m"][0]["replies"][0]["best"] is True
    assert read_members(content) == [
        {"username": "demo-lid-a", "display_name": "A", "expert": False, "thinks_along": []}
    ]
    assert read_team(content)["plan"][0]["who"] == "demo-client"


@pytest.mark.parametrize(
    ("reader", "files", "message"),
    [
        (
            read_forum,
            {"forum": "- {key: k, by: demo-lid-a, subject: S, text: T, replies: [], antwoord: 1}"},
            r"forum/m\.yaml: unknown key 'antwoord' in conversation 'k'",
        ),
        (
            read_forum,
            {
                "forum": "- {key: k, by: demo-lid-a, subject: S, text: T, days_ago: 1,"
                " replies: [{key: r, by: demo-client, text: A, hielp: []}]}"
            },
            r"forum/m\.yaml: unknown key 'hielp' in conversation 'k', reply 'r'",
        ),
        (
            read_forum,
            {"forum": "- {key: k, by: iemand, subject: S, text: T, days_ago: 1, replies: []}\n"},
            r"forum/m\.yaml: conversation 'k': no demo user or member 'iemand'",
        ),
        (
            read_forum,
            {
                "forum": "- {key: k, by: demo-lid-a, subject: S, text: T, step: x, days_ago: 1,"
                " replies: []}\n"
            },
            r"forum/m\.yaml: conversation 'k': no step 'x' in the module",
        ),
        (
            read_members,
            {"members": "- {username: demo-lid-a, display_name: A, rol: expert}\n"},
            r"members\.yaml: unknown key 'rol' in member 1",
        ),
        (
            read_members,
            {"members": "- {username: demo-lid-a, display_name: A, thinks_along: [geen]}\n"},
            r"members\.yaml: member 'demo-lid-a' thinks along with no module 'geen'",
        ),
        (
            read_team,
            {"team": "teams: []\nlinks: []\nplan: [{client: demo-client, wie: x, text: T}]\n"},
            r"team\.yaml: unknown key 'wie' in plan 1",
        ),
    ],
    ids=["conversation", "reply", "person", "step", "member", "thinks-along", "plan"],
)
def test_a_wrong_key_is_named_with_its_file(tmp_path, reader, files, message):
    content = _demo_files(tmp_path, **files)
    with pytest.raises(ValueError, match=message):
        reader(content)


def test_a_demo_forum_loaded_before_posts_had_keys_is_not_written_twice():
    """A database loaded by the demo before this change (its first conversation, written
    through the same services) gets the rest, and that conversation once."""
    call_command("load_demo")
    asker = member(username="demo-client")
    expert = member(username="demo-ervaringsdeskundige", groups=[roles.EXPERIENCE_EXPERT])
    module = ModulePage.objects.get(slug="zorgtoeslag-en-huurtoeslag-aanvragen")
    forum = ModuleForum.objects.get(module=module).forum
    earlier = start_topic(
        forum,
        asker,
        subject="Moet ik zorgtoeslag terugbetalen als ik meer ga verdienen?",
        content="Ik ga vanaf volgende maand 16 uur werken. Ik krijg nu zorgtoeslag. "
        "Moet ik dan alles terugbetalen? Ik ben bang voor een schuld.",
        step=StepPage.objects.child_of(module).get(slug="veranderingen-doorgeven"),
    )
    post_approve(post=earlier.first_post)
    answer = reply(
        earlier,
        expert,
        "Dat snap ik goed, daar was ik ook bang voor. Geef je nieuwe inkomen zo snel "
        "mogelijk door bij **Mijn toeslagen**. Dan past de Belastingdienst je toeslag aan "
        "en hoef je achteraf weinig of niets terug te betalen.\n\n"
        "> Tip: maak een schermafbeelding van wat je doorgeeft.",
    )
    post_mark_helpful(post=answer, user=asker)
    topic_mark_answer(post=answer, user=asker)

    call_command("load_demo", "--with-users")
    topics = Topic.objects.filter(forum=forum, subject=earlier.subject)
    assert list(topics) == [earlier]
    assert earlier.posts.filter(poster=expert).count() == 1
    assert TopicMeta.objects.get(topic=earlier).answer == answer
    assert Topic.objects.filter(forum=forum).count() == len(read_forum()[module.slug])
