"""The cached posts of a topic page follow every change, and never carry one viewer's
buttons or CSRF token to another."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from accounts import roles
from core.fragments import csrf_placeholder
from forum.links import topic_url
from forum.services import post_mark_helpful, topic_mark_answer

from ..factories import member, reply, start_topic

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def topic(forum):
    topic = start_topic(forum, member(trusted=True, display_name="Vrager"))
    reply(topic, member(trusted=True, display_name="Helper"), "Probeer dit eens.")
    return topic


def page(client, topic):
    return client.get(topic_url(topic)).content.decode()


def test_new_replies_votes_answers_and_names_show_at_once(client, topic):
    viewer = member()
    client.force_login(viewer)
    assert "Probeer dit eens." in page(client, topic)  # now cached

    reply(topic, member(trusted=True), "Een nieuwe reactie")
    assert "Een nieuwe reactie" in page(client, topic)

    answer = topic.posts.get(content="Probeer dit eens.")
    post_mark_helpful(post=answer, user=member())
    assert "Dit hielp mij (1)" in page(client, topic)

    topic_mark_answer(post=answer, user=topic.poster)
    assert "Dit antwoord hielp de vraagsteller het meest" in page(client, topic)

    helper = answer.poster
    helper.display_name = "Hulpvaardig"
    helper.save()
    assert "Hulpvaardig" in page(client, topic)


def test_hidden_posts_leave_the_cached_page(client, topic):
    assert "Probeer dit eens." in page(client, topic)
    client.force_login(member(groups=[roles.MODERATOR]))
    post = topic.posts.get(content="Probeer dit eens.")
    client.post(reverse("community:moderate", args=[post.pk]), {"actie": "hide"})
    client.logout()
    assert "Probeer dit eens." not in page(client, topic)


def test_each_viewer_gets_their_own_buttons_and_token(client, topic):
    answer = topic.posts.get(content="Probeer dit eens.")
    voter, other = member(), member()
    post_mark_helpful(post=answer, user=voter)

    client.force_login(voter)
    voter_html = page(client, topic)
    second = Client()
    second.force_login(other)
    other_html = page(second, topic)

    assert "Je zei: dit hielp mij." in voter_html
    assert "Je zei: dit hielp mij." not in other_html
    assert 'action="/forum/bericht/' in other_html  # the "Dit hielp mij" button
    voter_tokens = set(TOKEN.findall(voter_html))
    other_tokens = set(TOKEN.findall(other_html))
    assert voter_tokens and other_tokens and not voter_tokens & other_tokens
    assert csrf_placeholder() not in voter_html + other_html

    # The writer of the answer sees no vote or report button on it, but may edit it.
    writer = Client()
    writer.force_login(answer.poster)
    writer_html = page(writer, topic)
    article = writer_html[writer_html.index(f'id="bericht-{answer.pk}"') :]
    article = article[: article.index("</article>")]
    assert "Aanpassen" in article and "Melden" not in article and "Dit hielp mij" not in article


def test_the_cached_index_follows_new_topics_and_archived_forums(client, module, forum, topic):
    from forum.services import forum_tree_sync

    assert "1 vraag" in client.get("/forum/").content.decode()  # now cached
    start_topic(forum, member(trusted=True), subject="Nog een vraag")
    assert "2 vragen" in client.get("/forum/").content.decode()
    module.unpublish()
    forum_tree_sync()
    assert forum.name not in client.get("/forum/").content.decode()


def test_following_shows_at_once_after_follow_unfollow_and_unsubscribe(client, forum, topic):
    from forum.models import Subscription
    from forum.services import unsubscribe

    follower = member()
    client.force_login(follower)
    follow_url = reverse("community:follow", args=["onderwerp", topic.pk])
    assert "Volg deze vraag" in page(client, topic)  # now cached

    client.post(follow_url, {"volgen": "1"})
    assert "Niet meer volgen" in page(client, topic)

    client.post(follow_url, {"volgen": "0"})
    assert "Volg deze vraag" in page(client, topic)

    # Replying follows the topic; an email's unsubscribe link ends it.
    reply(topic, follower, "Ik heb hetzelfde.")
    assert "Niet meer volgen" in page(client, topic)
    subscription = Subscription.objects.get(user=follower, topic=topic)
    unsubscribe(user_id=follower.pk, subscription_id=subscription.pk)
    assert "Volg deze vraag" in page(client, topic)

    forum_page = client.get(reverse("forum:forum", args=[forum.slug, forum.pk])).content.decode()
    assert "Volg dit onderwerp" in forum_page
    client.post(reverse("community:follow", args=["forum", forum.pk]), {"volgen": "1"})
    forum_page = client.get(reverse("forum:forum", args=[forum.slug, forum.pk])).content.decode()
    assert "Niet meer volgen" in forum_page


def test_the_cached_topic_follows_renames_locks_and_archiving(client, module, forum, topic):
    from forum.services import forum_tree_sync

    client.force_login(member(trusted=True))
    assert forum.name in page(client, topic)  # now cached

    module.title = "Een nieuwe naam voor de module"
    module.save_revision().publish()
    forum_tree_sync()
    assert "Een nieuwe naam voor de module" in page(client, topic)

    topic.status = topic.TOPIC_LOCKED
    topic.save()
    assert "Deze vraag is gesloten" in page(client, topic)

    module.unpublish()
    forum_tree_sync()
    html = page(client, topic)  # archived: still readable, nobody may write
    assert "Probeer dit eens." in html and 'name="content"' not in html


def test_one_token_per_response_shared_by_every_form(client, topic):
    client.force_login(member(trusted=True))
    tokens = TOKEN.findall(page(client, topic))
    assert len(tokens) >= 3  # logout, language, follow, votes, reply
    assert len(set(tokens)) == 1
    assert len(set(TOKEN.findall(page(client, topic))) | set(tokens)) == 2  # fresh per response


OLD_PUBLIC_PLACEHOLDER = "__anon_page_cache_csrf_token__"


@pytest.mark.parametrize("signed_in", [True, False])
def test_a_post_cannot_collect_the_readers_csrf_token(client, topic, signed_in):
    """Cached HTML holds a stand-in where each reader's CSRF token goes. A writer who
    puts the stand-in in a post (in a link, say) must not receive every reader's token
    (this worked while the stand-in was a fixed string in the source)."""
    reply(
        topic, member(trusted=True), f"[Lees meer](https://example.com/?t={OLD_PUBLIC_PLACEHOLDER})"
    )
    if signed_in:
        client.force_login(member())
    page(client, topic)  # the posts are cached now; the second page is served from it
    html = page(client, topic)

    tokens = set(TOKEN.findall(html))
    assert tokens
    for token in tokens:  # each token only where a form asks for it
        assert html.count(token) == html.count(f'name="csrfmiddlewaretoken" value="{token}"')
    assert f"https://example.com/?t={OLD_PUBLIC_PLACEHOLDER}" in html


def test_the_stand_in_for_the_csrf_token_is_secret():
    with override_settings(SECRET_KEY="een-andere-geheime-sleutel-voor-deze-test-0123456789"):
        other = csrf_placeholder()
    assert csrf_placeholder() != other
    assert OLD_PUBLIC_PLACEHOLDER not in csrf_placeholder()


def test_the_rest_of_the_page_follows_the_reader_the_forum_and_the_topic(client, topic, forum):
    client.force_login(member())
    assert "Volg deze vraag" in page(client, topic)  # the page's content is cached now
    client.post(reverse("community:follow", args=["onderwerp", topic.pk]), {"volgen": "1"})
    assert "Niet meer volgen" in page(client, topic)
    other = Client()
    other.force_login(member())
    assert "Volg deze vraag" in page(other, topic)

    forum.name = "Geld en werk"
    forum.save()
    assert "Geld en werk</a></li></ol>" in page(client, topic)  # the breadcrumbs

    topic.status = topic.TOPIC_LOCKED
    topic.save()
    html = page(client, topic)
    assert "Deze vraag is gesloten" in html and "Plaats je reactie" not in html


def test_the_login_links_lead_back_to_the_topic_each_reader_read(topic):
    first = Client().get(topic_url(topic)).content.decode()
    second = Client().get(topic_url(topic) + "?page=1").content.decode()
    for html in (first, second):
        assert f'href="/account/login/?next={topic_url(topic)}' in html


def test_a_new_member_or_a_login_starts_no_cached_page_afresh(client, topic):
    from forum.cache import topic_version
    from forum.permissions import permissions_version

    before = (permissions_version(), topic_version(topic.pk))
    newcomer = member()
    newcomer.last_login = None
    newcomer.save(update_fields=["last_login"])
    assert (permissions_version(), topic_version(topic.pk)) == before


def test_the_starters_replies_carry_their_badge_on_every_page(client, topic):
    # 15 posts a page: the starter's reply that opens page 2 is theirs too.
    for number in range(13):
        reply(topic, member(trusted=True), f"Reactie {number}")
    reply(topic, topic.poster, "Dank jullie, dit helpt.")
    second = client.get(topic_url(topic), {"page": 2}).content.decode()
    article = second[second.index('<article class="post') :]
    assert "Dank jullie, dit helpt." in article[: article.index("</article>")]
    assert 'class="badge">vraagsteller' in article[: article.index("</article>")]
    first = page(client, topic)
    question = first[first.index('<article class="post') :]
    assert 'class="badge">vraagsteller' not in question[: question.index("</article>")]
