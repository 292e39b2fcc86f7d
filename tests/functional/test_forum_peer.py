"""Peer features: "Dit hielp mij", the marked answer, "Help iemand vandaag", and the
tie between learning steps and the module's forum."""

import pytest
from django.urls import reverse

from forum.links import topic_url
from forum.models import PostMeta, TopicMeta
from forum.services import post_mark_helpful

from ..factories import make_module, member, module_forum, reply, start_topic

pytestmark = pytest.mark.django_db


def helpful(client, post):
    return client.post(reverse("community:post_helpful", args=[post.pk]))


def test_dit_hielp_mij_counts_once_per_person_and_never_ones_own(client, forum):
    writer = member(trusted=True)
    topic = start_topic(forum, writer)
    answer = reply(topic, member(trusted=True))
    readers = [member() for _ in range(2)]
    for reader in readers:
        client.force_login(reader)
        assert helpful(client, answer).status_code == 302
        helpful(client, answer)  # again: no second vote
    assert PostMeta.objects.get(post=answer).helpful_count == 2
    assert TopicMeta.objects.get(topic=topic).helpful_count == 2
    assert not post_mark_helpful(post=answer, user=answer.poster)
    assert PostMeta.objects.get(post=answer).helpful_count == 2
    html = client.get(topic_url(topic)).content.decode()
    assert "Dit hielp 2 mensen." in html


def test_helpful_needs_post_and_sign_in(client, forum):
    topic = start_topic(forum, member(trusted=True))
    url = reverse("community:post_helpful", args=[topic.first_post_id])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302  # to the login page
    assert not PostMeta.objects.exists()


def test_only_the_starter_marks_the_answer_and_marking_twice_is_harmless(client, forum):
    starter = member(trusted=True)
    topic = start_topic(forum, starter)
    first, second = reply(topic, member(trusted=True)), reply(topic, member(trusted=True))
    url = reverse("community:post_mark_answer", args=[first.pk])

    client.force_login(first.poster)
    assert client.post(url).status_code == 403
    assert TopicMeta.objects.get(topic=topic).answer is None

    client.force_login(starter)
    client.post(url)
    client.post(url)
    assert TopicMeta.objects.get(topic=topic).answer == first
    client.post(reverse("community:post_mark_answer", args=[second.pk]))
    assert TopicMeta.objects.get(topic=topic).answer == second
    html = client.get(topic_url(topic)).content.decode()
    assert "beantwoord" in html
    assert "Dit antwoord hielp de vraagsteller het meest" in html


def test_help_today_lists_unanswered_newest_first_and_filters_per_topic(client, module, forum):
    other_module = make_module(steps=1)
    other_forum = module_forum(other_module)
    asker = member(trusted=True)
    old = start_topic(forum, asker, subject="Oude vraag")
    new = start_topic(forum, asker, subject="Nieuwe vraag")
    answered = start_topic(forum, asker, subject="Al beantwoord")
    reply(answered, member(trusted=True))
    elsewhere = start_topic(other_forum, asker, subject="Andere module")

    html = client.get(reverse("community:help_today")).content.decode()
    assert html.index(new.subject) < html.index(old.subject)
    assert "Al beantwoord" not in html and elsewhere.subject in html

    category = forum.parent_id
    html = client.get(reverse("community:help_today"), {"onderwerp": category}).content.decode()
    assert new.subject in html and elsewhere.subject not in html


def test_vraag_het_aan_anderen_from_a_step(client, module, steps, forum):
    step = steps[1]
    page = client.get(step.url).content.decode()
    assert "Vraag het aan anderen" in page
    new_topic = reverse(
        "forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk}
    )
    assert f"{new_topic}?stap={step.pk}" in page

    client.force_login(member(trusted=True))
    form = client.get(new_topic, {"stap": step.pk}).content.decode()
    assert step.url in form  # the form says which step the question is about
    assert f"Mijn vraag gaat over de stap “{step.title}”." in form  # plain words to start
    response = client.post(
        new_topic, {"subject": "Vraag over stap 2", "content": "Hoe doe ik dit?", "step": step.pk}
    )
    assert response.status_code == 302
    meta = TopicMeta.objects.select_related("topic").get(step=step)
    topic_page = client.get(topic_url(meta.topic)).content.decode()
    assert "Deze vraag gaat over de stap" in topic_page and step.url in topic_page

    # The step lists it as a question about that step, the module page among its newest.
    step_page = client.get(step.url).content.decode()
    assert "Vraag over stap 2" in step_page[step_page.index("Vragen over deze stap") :]
    assert "Vraag over stap 2" in client.get(module.url).content.decode()
    # Another step has no questions yet, and shows the module's newest under their heading.
    other = client.get(steps[0].url).content.decode()
    assert "Nog geen vragen over deze stap." in other
    assert "Vraag over stap 2" in other[other.index("Nieuwste vragen over deze module") :]


def test_module_pages_list_the_most_helpful_topics(client, module, forum):
    topic = start_topic(forum, member(trusted=True), subject="Heel nuttig")
    answer = reply(topic, member(trusted=True))
    post_mark_helpful(post=answer, user=member())
    html = client.get(module.url).content.decode()
    section = html[html.index("Hielp anderen het meest") :]
    assert "Heel nuttig" in section
