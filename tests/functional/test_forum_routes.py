"""Every URL under /forum/ is one somebody reviewed: machina's views that would let text past
our checks (crisis signal, privacy nudge, size limit, rate limit) are not routed at all."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from machina.core.db.models import get_model

from accounts import roles
from forum.links import edit_url, new_topic_url, reply_url
from forum.models import CrisisSignal

from ..factories import member, start_topic

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")

# namespace:name -> the module of the view that answers it, and why it may be routed.
REVIEWED = {
    "community:help_today": ("forum.views", "ours: reads only"),
    "community:my_forum": ("forum.views", "ours: reads only, signed in"),
    "community:peer_offers": ("forum.views", "ours: reads only, signed in"),
    "community:peer_offer": ("forum.views", "ours: a choice, no text, signed in"),
    "community:post_helpful": ("forum.views", "ours: a vote, no text"),
    "community:post_mark_answer": ("forum.views", "ours: a mark, no text"),
    "community:post_report": ("forum.views", "ours: report text is for moderators only"),
    "community:posted": ("forum.views", "ours: the writer's crisis page"),
    "community:moderate": ("forum.views", "ours: moderators only"),
    "community:follow": ("forum.views", "ours: no text"),
    "community:unsubscribe": ("forum.views", "ours: signed token"),
    "community:reports": ("forum.views", "ours: moderators only"),
    "community:dismiss_report": ("forum.views", "ours: moderators only"),
    "forum:index": ("forum.views", "ours"),
    "forum:forum": ("forum.views", "ours"),
    "forum_conversation:topic": ("forum.views", "ours"),
    "forum_conversation:topic_create": ("forum.views", "ours: all checks"),
    "forum_conversation:post_create": ("forum.views", "ours: all checks"),
    "forum_conversation:post_update": ("forum.views", "ours: all checks"),
    "forum_conversation:post_delete": (
        "machina.apps.forum_conversation.views",
        "moderators only (can_delete_posts), no text",
    ),
    "forum_member:profile": ("forum.views", "ours: signed in, members who posted, no staff"),
    # Machina's moderation: permission-checked by machina (can_approve_posts, can_lock_topics,
    # ...), for moderators only, and none of them takes user text. Our signals follow the
    # saves they make (notifications, trust, cached topic pages, search).
    "forum_moderation:queue": ("machina.apps.forum_moderation.views", "moderators, read"),
    "forum_moderation:queued_post": ("machina.apps.forum_moderation.views", "moderators, read"),
    "forum_moderation:approve_queued_post": (
        "machina.apps.forum_moderation.views",
        "moderators, no text",
    ),
    "forum_moderation:disapprove_queued_post": (
        "machina.apps.forum_moderation.views",
        "moderators, no text",
    ),
    "forum_moderation:topic_lock": ("machina.apps.forum_moderation.views", "moderators, no text"),
    "forum_moderation:topic_unlock": (
        "machina.apps.forum_moderation.views",
        "moderators, no text",
    ),
    "forum_moderation:topic_delete": (
        "machina.apps.forum_moderation.views",
        "moderators, no text",
    ),
    "forum_moderation:topic_move": ("machina.apps.forum_moderation.views", "moderators, no text"),
    "forum_moderation:topic_update_to_post": (
        "machina.apps.forum_moderation.views",
        "moderators, no text",
    ),
    "forum_moderation:topic_update_to_sticky": (
        "machina.apps.forum_moderation.views",
        "moderators, no text",
    ),
    "forum_moderation:topic_update_to_announce": (
        "machina.apps.forum_moderation.views",
        "moderators, no text",
    ),
}


def _walk(resolver, prefix="", namespace=None):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from _walk(entry, route, inner or None)
        elif isinstance(entry, URLPattern):
            callback = getattr(entry.callback, "view_class", entry.callback)
            yield route, f"{namespace}:{entry.name}", callback.__module__


def forum_routes() -> dict[str, str]:
    """namespace:name -> view module of every URL under /forum/."""
    return {
        name: module for route, name, module in _walk(get_resolver()) if route.startswith("forum/")
    }


def test_every_routed_forum_url_was_reviewed():
    assert forum_routes() == {name: module for name, (module, _) in REVIEWED.items()}


THREAT = "Ik denk aan zelfmoord, ik wil dood. Bel 06-12345678, BSN 111222333. " + "[" * 2_000_000


@pytest.fixture
def topic(forum):
    return start_topic(forum, member(trusted=True), content="Wie weet dit?")


def _writing_urls(topic):
    """Every URL that took post text, ours and the ones machina had."""
    forum = topic.forum
    base = f"/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}"
    return {
        "topic_create": new_topic_url(forum),
        "post_create": reply_url(topic),
        "post_update": edit_url(topic.first_post),
        "machina_topic_update": f"{base}/update/",
        "machina_poll_vote": f"/forum/poll/{topic.pk}/vote/",
        "machina_profile_edit": "/forum/member/profile/edit/",
    }


@pytest.mark.parametrize("who", ["starter", "moderator"])
def test_no_forum_url_takes_text_past_our_checks(client, topic, who):
    """The 2 MB crisis post with personal data: each URL answers 404, or our size check
    refuses it (400) before anything is stored or signalled."""
    writer = topic.first_post.poster if who == "starter" else member(groups=[roles.MODERATOR])
    client.force_login(writer)
    before = list(Post.objects.values_list("pk", "subject", "content"))
    for name, url in _writing_urls(topic).items():
        response = client.post(url, {"subject": "Nieuw onderwerp", "content": THREAT})
        assert response.status_code in (400, 404), (name, response.status_code)
        if name.startswith("machina_"):
            assert response.status_code == 404, name
    assert list(Post.objects.values_list("pk", "subject", "content")) == before
    assert Topic.objects.get().subject == topic.subject
    assert not CrisisSignal.objects.exists()


@pytest.mark.parametrize("name", ["topic_create", "post_create", "post_update"])
def test_every_writing_url_nudges_about_personal_data(client, topic, name):
    client.force_login(topic.first_post.poster)
    before = list(Post.objects.values_list("pk", "content"))
    url = _writing_urls(topic)[name]
    response = client.post(url, {"subject": "Bellen?", "content": "Bel me op 06-12345678"})
    assert response.status_code == 200 and "telefoonnummer" in response.content.decode()
    assert list(Post.objects.values_list("pk", "content")) == before


@pytest.mark.parametrize("name", ["topic_create", "post_create", "post_update"])
def test_every_writing_url_signals_a_crisis_and_shows_help(client, topic, name):
    client.force_login(topic.first_post.poster)
    url = _writing_urls(topic)[name]
    response = client.post(
        url, {"subject": "Zwaar", "content": "Ik denk aan zelfmoord, ik wil dood."}
    )
    signal = CrisisSignal.objects.get()
    assert response["Location"] == reverse("community:posted", args=[signal.post_id])


@pytest.mark.parametrize(
    "path",
    [
        "/forum/feeds/topics/",
        "/forum/tracking/unread-topics/",
        "/forum/tracking/mark/forums/",
        "/forum/member/subscriptions/",
        "/forum/member/topic/1/subscribe/",
        "/forum/attachment/1/",
    ],
)
def test_unreviewed_machina_pages_are_gone(client, db, path):
    client.force_login(member(trusted=True))
    assert client.get(path).status_code == 404


def test_the_benchs_machina_topic_page_still_renders_for_a_member(client, settings, topic):
    """The bench's yardstick (bench/urls.py) is machina's unmodified topic page, which
    links to machina pages the site no longer routes: the bench names them, as 404s."""
    settings.ROOT_URLCONF = "bench.urls"
    kwargs = {"forum_slug": topic.forum.slug, "forum_pk": topic.forum.pk}
    page = reverse("bench_machina_topic", kwargs={**kwargs, "slug": topic.slug, "pk": topic.pk})
    client.force_login(topic.first_post.poster)  # may edit the first post, may subscribe
    assert client.get(page).status_code == 200
    update = _writing_urls(topic)["machina_topic_update"]
    assert client.post(update, {"subject": "Nieuw", "content": THREAT}).status_code == 404
    assert client.post(f"/forum/member/topic/{topic.pk}/subscribe/").status_code == 404
