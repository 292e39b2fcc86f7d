"""Every payload of the XSS corpus, posted through the real forum views, renders inert.

Each payload goes in as a new topic's text, as a new topic's subject (cut to the 120
characters the form allows) and as a reply, the way a signed-in, trusted member would post
it (``publish_anyway`` skips the privacy nudge). Every page that then shows it is checked
with ``tests.xss.find_executable_markup``: all pages of the topic, all pages of the forum's
topic list, "Help iemand vandaag" and the module page with its forum box. The forms that
echo a payload back (privacy nudge, too long a subject, a rejected NUL character) are
checked as well. The counts at the end make sure the payloads were stored and shown, so
an empty page cannot pass.
"""

import json
import math
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.html import escape
from machina.core.db.models import get_model

from accounts import roles
from core.text import one_line
from forum import services
from forum.links import forum_url, new_topic_url, reply_url, topic_url

from ..factories import member, module_forum, start_topic
from ..xss import find_executable_markup

pytestmark = pytest.mark.django_db

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")

PAYLOADS = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "xss_payloads.json").read_text("utf-8")
)
SITE_SCRIPT = "/static/js/site.js"
# Every page's own scripts (base.html and the installable app's head).
SITE_SCRIPTS = (SITE_SCRIPT, "/static/js/offline.js")
POSTS_PER_PAGE = 15
TOPICS_PER_PAGE = 20
HELP_TODAY_LIMIT = 30
SUBJECT_MAX = 120
CHUNKS = 4
CHUNK_SIZE = math.ceil(len(PAYLOADS) / CHUNKS)
SLICES = [
    (start, min(start + CHUNK_SIZE, len(PAYLOADS))) for start in range(0, len(PAYLOADS), CHUNK_SIZE)
]
PHONE = "Mijn nummer is 06-12345678"
POST_ANCHOR = re.compile(r'id="bericht-(\d+)"')
TOPIC_ROW = 'class="card topic-row"'


def _rejected(text: str) -> bool:
    """Django's CharField refuses NUL characters: such a post never reaches the database."""
    return "\x00" in text


def assert_inert(response, where: str) -> str:
    html = response.content.decode()
    # A whole page of this site (so the allowed script below is really the one it loads).
    assert f'<script src="{SITE_SCRIPT}"' in html, f"{where}: not a full page"
    problems = find_executable_markup(html, allowed_script_srcs=SITE_SCRIPTS)
    assert problems == [], f"{where}: executable markup {problems}"
    return html


def test_corpus_is_large_and_fully_covered():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    covered = [i for start, stop in SLICES for i in range(start, stop)]
    assert covered == list(range(len(PAYLOADS)))


@pytest.fixture
def writer(client, settings):
    settings.FORUM_RATE_LIMITS = {
        "topic": {"user": "10000/h", "ip": "10000/h"},
        "post": {"user": "10000/h", "ip": "10000/h"},
    }
    user = member(trusted=True, username="schrijver")
    client.force_login(user)
    return user


@pytest.mark.parametrize(("start", "stop"), SLICES, ids=[f"{a}-{b}" for a, b in SLICES])
def test_payloads_render_inert_everywhere(client, writer, module, start, stop):
    forum = module_forum(module)
    chunk = list(enumerate(PAYLOADS[start:stop], start=start))
    posted = 0  # posts stored with a payload in their subject or text
    shown = set()  # pks of those posts seen on a topic page
    topics_created = 0

    def check_side_pages(label: str):
        html = assert_inert(client.get(reverse("community:help_today")), f"help_today {label}")
        unanswered = Topic.objects.filter(forum=forum, approved=True, posts_count__lte=1).count()
        assert html.count(TOPIC_ROW) == min(unanswered, HELP_TODAY_LIMIT)

    # 1. The payload as the text of a new topic.
    for i, payload in chunk:
        response = client.post(
            new_topic_url(forum),
            {"subject": f"Vraag {i}", "content": payload, "publish_anyway": "1"},
        )
        if _rejected(payload):
            assert response.status_code == 400, i
            assert_inert(response, f"topic form with rejected text {i}")
            continue
        assert response.status_code == 302, (i, response.status_code)
        post = Post.objects.filter(poster=writer).latest("pk")
        assert post.content.raw == payload.strip()
        assert post.approved
        posted += 1
        topics_created += 1
        html = assert_inert(client.get(response["Location"]), f"topic text {i}")
        assert f'id="bericht-{post.pk}"' in html, i
        shown.add(post.pk)
        if topics_created % 15 == 0:
            check_side_pages(f"after text {i}")

    # 2. The payload as the subject of a new topic (title, heading, lists, module box).
    for i, payload in chunk:
        subject = payload[:SUBJECT_MAX]
        marker = f"Merkteken {i}: een gewone vraag."
        response = client.post(
            new_topic_url(forum),
            {"subject": subject, "content": marker, "publish_anyway": "1"},
        )
        if _rejected(subject) or not one_line(subject):
            assert response.status_code == 400, i
            assert_inert(response, f"topic form with rejected subject {i}")
            continue
        assert response.status_code == 302, (i, response.status_code)
        post = Post.objects.filter(poster=writer).latest("pk")
        assert post.topic.subject == one_line(subject)  # on one line: it goes into emails
        posted += 1
        topics_created += 1
        html = assert_inert(client.get(response["Location"]), f"topic subject {i}")
        assert f'id="bericht-{post.pk}"' in html and marker in html, i
        shown.add(post.pk)
        if i % 3 == 0:  # the module page lists the three most recent topics
            assert_inert(client.get(module.url), f"module page after subject {i}")
        if topics_created % 15 == 0:
            check_side_pages(f"after subject {i}")
        if len(payload.strip()) > SUBJECT_MAX:  # the whole thing: too long, echoed back
            response = client.post(
                new_topic_url(forum),
                {"subject": payload, "content": marker, "publish_anyway": "1"},
            )
            assert response.status_code == 400, i
            assert_inert(response, f"too long subject {i}")

    # 3. The payload as a reply, all into one topic, then every page of that topic.
    opening = f"Merkteken {start}-{stop}: hier begint het gesprek."
    topic = start_topic(forum, writer, subject=f"Reacties {start}-{stop}", content=opening)
    replies = []
    for i, payload in chunk:
        response = client.post(reply_url(topic), {"content": payload, "publish_anyway": "1"})
        if _rejected(payload):
            assert response.status_code == 400, i
            assert_inert(response, f"reply form with rejected text {i}")
            continue
        assert response.status_code == 302, (i, response.status_code)
        post = Post.objects.filter(poster=writer).latest("pk")
        assert post.topic_id == topic.pk and post.content.raw == payload.strip()
        replies.append(post.pk)
        posted += 1

    topic.refresh_from_db()
    visible = Post.objects.filter(topic=topic, approved=True).count()
    assert visible == len(replies) + 1
    assert topic.posts_count == visible
    seen_in_topic = []
    for number in range(1, math.ceil(visible / POSTS_PER_PAGE) + 1):
        html = assert_inert(
            client.get(f"{topic_url(topic)}?page={number}"), f"reply topic page {number}"
        )
        on_page = [int(pk) for pk in POST_ANCHOR.findall(html)]
        assert len(on_page) == min(POSTS_PER_PAGE, visible - (number - 1) * POSTS_PER_PAGE)
        seen_in_topic += on_page
        if number == 1:
            assert opening in html
    assert seen_in_topic[1:] == replies
    shown.update(replies)

    # 4. The privacy nudge echoes the text back into the form, on the topic page and on
    # the new-topic page (with the payload as subject too).
    for i, payload in chunk:
        response = client.post(reply_url(topic), {"content": f"{payload}\n\n{PHONE}"})
        if _rejected(payload):
            assert response.status_code == 400, i
        else:
            assert response.status_code == 200, i
            assert 'id="privacy-check"' in response.content.decode()
        assert_inert(response, f"privacy nudge on reply {i}")
        response = client.post(
            new_topic_url(forum), {"subject": payload[:SUBJECT_MAX], "content": PHONE}
        )
        if _rejected(payload) or not one_line(payload[:SUBJECT_MAX]):
            assert response.status_code == 400, i
        else:
            assert response.status_code == 200, i
            assert 'id="privacy-check"' in response.content.decode()
        assert_inert(response, f"privacy nudge on new topic {i}")

    # 5. The forum's topic list, every page, and the side pages once more.
    topics = Topic.objects.filter(forum=forum, approved=True).count()
    assert topics == topics_created + 1
    rows = 0
    for number in range(1, math.ceil(topics / TOPICS_PER_PAGE) + 1):
        html = assert_inert(
            client.get(f"{forum_url(forum)}?page={number}"), f"topic list page {number}"
        )
        rows += html.count(TOPIC_ROW)
    assert rows == topics
    check_side_pages("at the end")
    assert_inert(client.get(module.url), "module page at the end")
    assert_inert(client.get(reverse("forum:index")), "forum index")

    # Nothing vacuous: every accepted payload was stored, approved and shown.
    rejected = sum(_rejected(p) for _, p in chunk)
    assert posted == 3 * (len(chunk) - rejected)
    assert Post.objects.filter(poster=writer, approved=True).count() == posted + 1
    assert len(shown) == posted


def test_payloads_awaiting_approval_are_inert_for_moderators(client, module, settings):
    """A new member's posts wait for approval: moderators read them in machina's moderation
    queue (list and detail pages) and, once reported, on the reports page."""
    settings.FORUM_RATE_LIMITS = {
        "topic": {"user": "10000/h", "ip": "10000/h"},
        "post": {"user": "10000/h", "ip": "10000/h"},
    }
    forum = module_forum(module)
    newcomer = member(username="nieuwkomer")  # not trusted: every post is queued
    moderator = member(groups=[roles.MODERATOR], username="moderator")
    reporter = member(trusted=True, username="melder")
    client.force_login(newcomer)
    accepted = [(i, p) for i, p in enumerate(PAYLOADS) if not _rejected(p)]
    for i, payload in accepted:  # each one both as the subject and as the text
        response = client.post(
            new_topic_url(forum),
            {"subject": payload[:SUBJECT_MAX], "content": payload, "publish_anyway": "1"},
        )
        assert response.status_code == 302, (i, response.status_code)
    queued = list(Post.objects.filter(poster=newcomer, approved=False).order_by("pk"))
    assert len(queued) == len(accepted) >= 100
    assert [p.content.raw for p in queued] == [p.strip() for _, p in accepted]
    for post in queued[::2]:
        services.post_report(post=post, user=reporter, reason="unkind", text=post.content.raw)

    client.force_login(moderator)
    sample = reverse("forum_moderation:queued_post", kwargs={"pk": 987654321})
    queued_link = re.compile(re.escape(sample).replace("987654321", r"(\d+)"))
    listed = set()
    for number in range(1, math.ceil(len(queued) / POSTS_PER_PAGE) + 1):
        response = client.get(f"{reverse('forum_moderation:queue')}?page={number}")
        assert response.status_code == 200, number
        html = assert_inert(response, f"moderation queue page {number}")
        listed.update(int(pk) for pk in queued_link.findall(html))
    assert listed == {post.pk for post in queued}
    for post in queued:
        response = client.get(reverse("forum_moderation:queued_post", kwargs={"pk": post.pk}))
        assert response.status_code == 200, post.pk
        html = assert_inert(response, f"queued post {post.pk}")
        assert escape(post.subject) in html, post.pk
    html = assert_inert(client.get(reverse("community:reports")), "reports page")
    assert html.count('class="card report"') == len(queued[::2])
