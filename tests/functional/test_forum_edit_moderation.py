"""Editing a post goes through the checks of writing one: a member who is not yet trusted
sees an edited post go back to the moderators (off the forum, out of the counters, the
caches and the search index until approved), and for everyone an edit runs the crisis
signal and the privacy nudge. Moderators' and trusted members' edits stay public."""

import pytest
from django.core import mail
from django.urls import reverse
from machina.core.db.models import get_model

from accounts import roles
from forum.links import edit_url, forum_url, topic_url
from forum.models import CrisisSignal
from forum.services import post_approve, post_hide
from search.services import outbox_drain, search_rebuild

from ..factories import member, reply, start_topic

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")

pytestmark = pytest.mark.django_db

SPAM = "Koop nu goedkope horloges bij onze webwinkel"
WAITING = "Een moderator kijkt er even naar"


@pytest.fixture
def moderator(db):
    return member(groups=[roles.MODERATOR], email="moderator@example.org")


@pytest.fixture
def topic(forum):
    return start_topic(forum, member(trusted=True), subject="Huurtoeslag", content="Wie weet?")


def approved_reply(topic, writer, content="Ik had dat ook, bel de Belastingdienst."):
    """A new member's first reply, approved by a moderator: public, and still untrusted."""
    post = reply(topic, writer, content)
    assert not post.approved
    post_approve(post=post)
    post.refresh_from_db()
    assert post.approved
    return post


def in_queue(client, moderator, post) -> bool:
    """Whether machina's moderation queue lists ``post`` for ``moderator``."""
    client.force_login(moderator)
    html = client.get(reverse("forum_moderation:queue")).content.decode()
    return reverse("forum_moderation:queued_post", kwargs={"pk": post.pk}) in html


def search_post_ids(client, text) -> set[str]:
    response = client.get("/zoeken/", {"q": text, "soort": "forum"})
    assert response.status_code == 200
    return {str(hit["id"]) for hit in response.context["results"].groups["post"].hits}


def test_an_untrusted_members_edit_of_an_approved_reply_waits_for_a_moderator(
    client, forum, topic, moderator
):
    newcomer = member()
    post = approved_reply(topic, newcomer)
    search_rebuild()
    assert str(post.pk) in search_post_ids(client, "Belastingdienst")
    assert "bel de Belastingdienst" in client.get(topic_url(topic)).content.decode()  # cached

    client.force_login(newcomer)
    response = client.post(edit_url(post), {"content": SPAM}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je aanpassing is bewaard" in html and WAITING in html

    post.refresh_from_db()
    assert not post.approved and post.content.raw == SPAM
    topic.refresh_from_db()
    assert topic.approved and topic.posts_count == 1 and topic.last_post_id == topic.first_post_id
    assert Forum.objects.get(pk=forum.pk).direct_posts_count == 1

    client.logout()  # another reader: neither the spam nor the old text is on the forum
    page = client.get(topic_url(topic)).content.decode()
    assert "horloges" not in page and "Belastingdienst" not in page
    outbox_drain()
    assert search_post_ids(client, "horloges") == set()
    assert search_post_ids(client, "Belastingdienst") == set()

    assert in_queue(client, moderator, post)
    client.force_login(newcomer)
    mine = client.get(reverse("community:my_forum")).content.decode()
    assert "Wacht op goedkeuring" in mine and "horloges" in mine

    post_approve(post=post)  # the moderator agrees: public again, and findable
    client.logout()
    assert "horloges" in client.get(topic_url(topic)).content.decode()
    outbox_drain()
    assert search_post_ids(client, "horloges") == {str(post.pk)}


def test_an_untrusted_members_edited_question_takes_its_topic_back_to_the_queue(
    client, forum, moderator
):
    newcomer = member()
    topic = start_topic(forum, newcomer, subject="Vraag over bijstand", content="Hoe werkt het?")
    post_approve(post=topic.first_post)
    reply(topic, member(trusted=True), "Zo werkt het.")
    search_rebuild()
    assert client.get(topic_url(topic)).status_code == 200
    assert "Vraag over bijstand" in client.get(forum_url(forum)).content.decode()

    client.force_login(newcomer)
    response = client.post(edit_url(topic.first_post), {"content": SPAM})
    assert response["Location"] == forum_url(forum)

    topic.refresh_from_db()
    assert not topic.approved and not topic.first_post.approved
    assert Forum.objects.get(pk=forum.pk).direct_topics_count == 0
    client.logout()
    assert client.get(topic_url(topic)).status_code == 404
    assert "Vraag over bijstand" not in client.get(forum_url(forum)).content.decode()
    outbox_drain()
    assert search_post_ids(client, "bijstand") == set()
    assert in_queue(client, moderator, topic.first_post)


def test_a_trusted_members_edit_stays_public(client, forum, topic):
    writer = member(trusted=True)
    post = reply(topic, writer, "Eerste versie")
    assert "Eerste versie" in client.get(topic_url(topic)).content.decode()  # cached

    client.force_login(writer)
    response = client.post(edit_url(post), {"content": "Tweede versie"}, follow=True)
    assert "Je bericht is aangepast." in response.content.decode()
    post.refresh_from_db()
    assert post.approved
    client.logout()
    page = client.get(topic_url(topic)).content.decode()
    assert "Tweede versie" in page and "Eerste versie" not in page


def test_a_moderators_edit_of_a_new_members_post_stays_public(client, topic, moderator):
    post = approved_reply(topic, member())
    client.force_login(moderator)
    client.post(edit_url(post), {"content": "Zonder de reclame"})
    post.refresh_from_db()
    assert post.approved and post.content.raw == "Zonder de reclame"


def test_an_edit_never_puts_a_hidden_post_back(client, topic, moderator):
    writer = member(trusted=True)
    post = reply(topic, writer, "Iets lelijks")
    post_hide(post=post, moderator=moderator)
    client.force_login(writer)
    response = client.post(edit_url(post), {"content": "Iets aardigs"}, follow=True)
    assert WAITING in response.content.decode()
    post.refresh_from_db()
    assert not post.approved and post.content.raw == "Iets aardigs"


@pytest.mark.parametrize("trusted", [False, True])
def test_a_crisis_phrase_in_an_edit_alerts_moderators_and_shows_help_lines(
    client, topic, moderator, trusted, django_capture_on_commit_callbacks
):
    writer = member(trusted=True) if trusted else member()
    post = reply(topic, writer, "Gewoon een vraag") if trusted else approved_reply(topic, writer)

    client.force_login(writer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(post), {"content": "Soms denk ik aan zelfmoord."})
    assert response["Location"] == reverse("community:posted", args=[post.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Soms denk ik aan zelfmoord." in html
    for help_line in ("113", "0800-0113", "112"):
        assert help_line in html
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    assert CrisisSignal.objects.get(post=post).phrases == ["zelfmoord"]
    post.refresh_from_db()
    assert post.approved is trusted  # the help does not wait; an untrusted edit does
    assert (WAITING in html) is not trusted


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        ("Bel me op 06-12345678", "telefoonnummer"),
        ("Mijn rekening NL91 ABNA 0417 1643 00", "rekeningnummer"),
        ("Mijn BSN is 111222333", "burgerservicenummer"),
    ],
)
@pytest.mark.parametrize("trusted", [False, True])
def test_personal_data_in_an_edit_gets_the_privacy_nudge(client, topic, trusted, content, shown):
    writer = member(trusted=True) if trusted else member()
    post = reply(topic, writer, "Gewoon een vraag") if trusted else approved_reply(topic, writer)
    before = post.content.raw

    client.force_login(writer)
    response = client.post(edit_url(post), {"content": content})
    html = response.content.decode()
    assert response.status_code == 200 and shown in html and content in html
    post.refresh_from_db()
    assert post.content.raw == before and post.approved  # nothing changed yet

    response = client.post(edit_url(post), {"content": content, "publish_anyway": "1"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.content.raw == content
    assert post.approved is trusted
