"""Who may read and write: anonymous, new member, member, experience expert, moderator;
first-post approval; bad input (empty, too long, unknown, forbidden, locked)."""

import pytest
from django.conf import settings
from django.urls import reverse
from machina.core.db.models import get_model

from accounts import roles
from forum.links import forum_url, new_topic_url, reply_url, topic_url
from forum.services import forum_tree_sync

from ..factories import member, reply, start_topic

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")

pytestmark = pytest.mark.django_db


def ask(client, forum, subject="Hoe werkt dit?", content="Ik snap het niet."):
    return client.post(new_topic_url(forum), {"subject": subject, "content": content})


def test_anonymous_reads_but_must_sign_in_to_write(client, forum):
    topic = start_topic(forum, member(trusted=True), content="Openbaar bericht")
    assert client.get(reverse("forum:index")).status_code == 200
    assert client.get(forum_url(forum)).status_code == 200
    page = client.get(topic_url(topic))
    assert b"Openbaar bericht" in page.content
    response = ask(client, forum)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    response = client.post(reply_url(topic), {"content": "Hallo"})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert Post.objects.count() == 1


def test_anonymous_forum_visits_start_no_session(client, forum):
    client.get(forum_url(forum))
    assert settings.SESSION_COOKIE_NAME not in client.cookies


def test_new_members_first_posts_wait_for_approval_then_they_are_trusted(client, forum):
    newcomer = member()
    moderator = member(groups=[roles.MODERATOR])
    client.force_login(newcomer)
    first = ask(client, forum)
    assert first.status_code == 302
    post = Post.objects.get(poster=newcomer)
    assert not post.approved and not post.topic.approved
    assert b"Hoe werkt dit?" not in client.get(forum_url(forum)).content

    topic = start_topic(forum, moderator)
    for text in ("twee", "drie"):
        client.post(reply_url(topic), {"content": text})
    assert Post.objects.filter(poster=newcomer, approved=False).count() == 3

    # A moderator approves them through machina's moderation queue.
    client.force_login(moderator)
    for pending in Post.objects.filter(poster=newcomer).order_by("pk"):
        url = reverse("forum_moderation:approve_queued_post", kwargs={"pk": pending.pk})
        assert client.post(url).status_code == 302
    assert Post.objects.filter(poster=newcomer, approved=True).count() == 3

    client.force_login(newcomer)
    client.post(reply_url(topic), {"content": "vier, meteen zichtbaar"})
    assert Post.objects.get(poster=newcomer, content="vier, meteen zichtbaar").approved


@pytest.mark.parametrize("group", [roles.EXPERIENCE_EXPERT, roles.MODERATOR])
def test_experts_and_moderators_are_trusted_from_the_start(client, forum, group):
    client.force_login(member(groups=[group]))
    ask(client, forum)
    assert Post.objects.get().approved


def test_experience_expert_badge_and_public_name(client, forum):
    expert = member(groups=[roles.EXPERIENCE_EXPERT], display_name="Ans", first_name="Echte")
    topic = start_topic(forum, member(trusted=True, display_name="Kees"))
    reply(topic, expert, "Ik heb dit zelf meegemaakt.")
    html = client.get(topic_url(topic)).content.decode()
    assert "Ans" in html and "Kees" in html and "Ervaringsdeskundige" in html
    assert "Echte" not in html
    assert html.count("Ervaringsdeskundige</span>") == 1


def test_only_moderators_reach_the_reports_and_may_hide(client, forum):
    topic = start_topic(forum, member(trusted=True))
    post = topic.first_post
    client.force_login(member(trusted=True))
    assert client.get(reverse("community:reports")).status_code == 403
    response = client.post(reverse("community:moderate", args=[post.pk]), {"actie": "hide"})
    assert response.status_code == 403
    client.force_login(member(groups=[roles.MODERATOR]))
    assert client.get(reverse("community:reports")).status_code == 200
    client.post(reverse("community:moderate", args=[post.pk]), {"actie": "hide"})
    post.refresh_from_db()
    assert not post.approved


def test_empty_and_oversized_posts_are_refused_and_nothing_is_stored(client, forum):
    client.force_login(member(trusted=True))
    response = ask(client, forum, content="   ")
    assert response.status_code == 400
    assert "Je bericht is nog leeg" in response.content.decode()
    too_long = "a" * (settings.FORUM_POST_MAX_LENGTH + 1)
    response = ask(client, forum, content=too_long)
    assert response.status_code == 400
    assert "te lang" in response.content.decode()
    assert too_long in response.content.decode()  # what was typed comes back
    assert not Topic.objects.exists() and not Post.objects.exists()


def test_unknown_forum_and_topic_are_404(client, forum):
    assert client.get("/forum/forum/bestaat-niet-999999/").status_code == 404
    topic = start_topic(forum, member(trusted=True))
    url = topic_url(topic).replace(f"-{topic.pk}/", "-999999/")
    assert client.get(url).status_code == 404


def test_posting_in_an_archived_forum_is_forbidden(client, module, forum):
    module.unpublish()
    forum_tree_sync()
    client.force_login(member(trusted=True))
    assert ask(client, forum).status_code == 403
    assert not Post.objects.exists()


def test_reply_to_a_locked_topic_gets_a_clear_message(client, forum):
    topic = start_topic(forum, member(trusted=True))
    topic.status = Topic.TOPIC_LOCKED
    topic.save()
    client.force_login(member(trusted=True))
    response = client.post(reply_url(topic), {"content": "Nog iets"})
    assert response.status_code == 403
    assert "Deze vraag is gesloten" in response.content.decode()
    assert "Nog iets" in response.content.decode()
    assert Post.objects.count() == 1


def test_machinas_own_pages_render_inside_the_site(client, forum):
    writer = member(trusted=True)
    topic = start_topic(forum, writer)
    pending = reply(topic, member())
    client.force_login(member(groups=[roles.MODERATOR]))
    queue = client.get(reverse("forum_moderation:queue"))
    assert queue.status_code == 200
    html = queue.content.decode()
    assert 'class="site-header"' in html and "Forum: alle onderwerpen" in html
    detail = reverse("forum_moderation:queued_post", kwargs={"pk": pending.pk})
    assert client.get(detail).status_code == 200

    client.force_login(writer)
    edit = reverse(
        "forum_conversation:post_update",
        kwargs={
            "forum_slug": forum.slug,
            "forum_pk": forum.pk,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
            "pk": topic.first_post_id,
        },
    )
    assert client.get(edit).status_code == 200


def test_cached_permissions_follow_group_changes(client, forum):
    from django.contrib.auth.models import Group

    expert = member(groups=[roles.EXPERIENCE_EXPERT])
    client.force_login(expert)
    ask(client, forum, subject="Eerste")
    assert Post.objects.get(subject="Eerste").approved  # permissions now cached
    expert.groups.remove(Group.objects.get(name=roles.EXPERIENCE_EXPERT))
    ask(client, forum, subject="Tweede")
    assert not Post.objects.get(subject="Tweede").approved


def test_a_permission_answer_is_cached_for_the_next_request(forum, django_assert_num_queries):
    from machina.core.loading import get_class

    handler = get_class("forum_permission.handler", "PermissionHandler")
    reader = member()
    assert handler().can_add_topic(forum, reader)  # worked out by machina, then cached
    with django_assert_num_queries(0):
        assert handler().can_add_topic(forum, reader)
