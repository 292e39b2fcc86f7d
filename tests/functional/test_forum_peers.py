"""Peers who did a module think along (issue 17, item 5): a member who finished a module
opts in (and out) on its page; a question from one of its steps asks up to five of them,
fairly and within limits, without ever naming them; the step says how many think along,
right after every change, also on the pages cached for first-time anonymous visitors."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import ForumEmail
from forum.links import new_topic_url
from forum.models import PeerAsk, PeerOffer, Post
from forum.permissions import _set_user_permissions
from forum.services import post_approve, topic_peers_ask
from forum.tasks import ask_peers, send_pending_peer_asks

from ..factories import complete_steps, member, start_topic

pytestmark = pytest.mark.django_db

PEERS_TEXT = "mensen die dit al deden willen meedenken"
# A signed-in learner's step page once the catalog and the module's topic lists are cached:
# the user, the learner's progress and the topic's initiatives nearby (as in
# test_query_counts), none for the count.
WARM_STEP_PAGE_QUERIES = 3


def _offer_url(module):
    return reverse("community:peer_offer", args=[module.pk])


def _peer(module, steps, **fields):
    """A member who finished ``module`` and thinks along with it."""
    user = member(trusted=True, **fields)
    complete_steps(user, steps)
    PeerOffer.objects.create(user=user, module=module)
    return user


def _ask(client, forum, step, asker, *, callbacks, subject="Hoe doe ik dit?"):
    client.force_login(asker)
    with callbacks(execute=True):
        return client.post(
            new_topic_url(forum),
            {"subject": subject, "content": "Ik kom er niet uit.", "step": step.pk},
            follow=True,
        )


# --- Opting in and out -------------------------------------------------------------------


def test_a_member_who_finished_the_module_opts_in_and_out_on_its_page(client, module, steps):
    learner = member()
    complete_steps(learner, steps)
    client.force_login(learner)
    page = BeautifulSoup(client.get(module.url).content, "html.parser")
    offer = page.find("section", class_="peer-offer")
    assert "Wil je meedenken met mensen die hiermee bezig zijn?" in offer.get_text()
    assert offer.find("input", attrs={"name": "aan"})["value"] == "1"

    response = client.post(_offer_url(module), {"aan": "1", "terug": "module"})
    assert response.status_code == 302 and response["Location"] == module.url
    assert PeerOffer.objects.filter(user=learner, module=module).exists()
    page = BeautifulSoup(client.get(module.url).content, "html.parser")
    assert page.find("section", class_="peer-offer").find("button").get_text() == (
        "Niet meer vragen"
    )
    # Listed on the member's own page, from where it can be turned off.
    listing = client.get(reverse("community:peer_offers")).content.decode()
    assert module.title in listing

    response = client.post(_offer_url(module), {"aan": "0"})
    assert response["Location"] == reverse("community:peer_offers")
    assert not PeerOffer.objects.exists()


def test_only_a_member_who_finished_the_module_may_opt_in(client, module, steps):
    learner = member()
    complete_steps(learner, steps[:-1])
    client.force_login(learner)
    page = BeautifulSoup(client.get(module.url).content, "html.parser")
    assert page.find("section", class_="peer-offer") is None
    response = client.post(_offer_url(module), {"aan": "1"})
    assert response.status_code == 403
    assert "als je de module af hebt" in response.content.decode()
    assert not PeerOffer.objects.exists()


def test_opting_in_refuses_bad_input_with_a_clear_message(client, module, steps):
    learner = member()
    complete_steps(learner, steps)
    client.force_login(learner)
    response = client.post(_offer_url(module), {"aan": "misschien"})
    assert response.status_code == 400
    assert "Kies of je wilt meedenken" in response.content.decode()
    assert (
        client.post(reverse("community:peer_offer", args=[999999]), {"aan": "1"}).status_code == 404
    )
    assert client.get(_offer_url(module)).status_code == 405
    assert not PeerOffer.objects.exists()


def test_opting_in_needs_a_signed_in_member_and_the_csrf_token(module, steps):
    assert Client().post(_offer_url(module), {"aan": "1"}).status_code == 302  # to the login
    learner = member()
    complete_steps(learner, steps)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert strict.post(_offer_url(module), {"aan": "1"}).status_code == 403
    assert not PeerOffer.objects.exists()


# --- The count on the step -----------------------------------------------------------------


def _count_text(client, step) -> str:
    section = BeautifulSoup(client.get(step.url).content, "html.parser").find(
        "section", class_="module-forum"
    )
    found = section.find("p", class_="peers-count")
    return found.get_text(strip=True) if found else ""


def test_the_step_says_how_many_think_along_and_nothing_without_them(client, forum, module, steps):
    assert _count_text(client, steps[0]) == ""
    assert PEERS_TEXT not in Client().get(steps[0].url).content.decode()
    _peer(module, steps)
    _peer(module, steps)
    assert _count_text(client, steps[0]) == "2 mensen die dit al deden willen meedenken."
    # Someone no longer active does not count.
    _peer(module, steps, is_active=False)
    assert _count_text(Client(), steps[1]) == "2 mensen die dit al deden willen meedenken."


def test_the_count_is_right_at_once_after_an_opt_in_or_out_on_every_cached_page(
    forum, module, steps
):
    """The first-time visitor's whole-page cache and the module's cached topic lists both
    hold the count: each opt-in and opt-out starts them afresh."""
    first = _peer(module, steps)
    assert _count_text(Client(), steps[0]) == "1 persoon die dit al deed wil meedenken."
    signed_in = Client()
    signed_in.force_login(member())
    assert _count_text(signed_in, steps[0]) == "1 persoon die dit al deed wil meedenken."

    second = member()
    complete_steps(second, steps)
    helper = Client()
    helper.force_login(second)
    helper.post(_offer_url(module), {"aan": "1"})
    assert _count_text(Client(), steps[0]) == "2 mensen die dit al deden willen meedenken."
    assert _count_text(signed_in, steps[0]) == "2 mensen die dit al deden willen meedenken."

    helper.post(_offer_url(module), {"aan": "0"})
    first.delete()  # an account deleted takes its offers along
    assert _count_text(Client(), steps[0]) == ""
    assert _count_text(signed_in, steps[0]) == ""


# --- Asking peers ----------------------------------------------------------------------------


def test_a_question_from_a_step_asks_at_most_five_never_the_asker_and_names_no_one(
    client, forum, module, steps, django_capture_on_commit_callbacks
):
    # The asker thinks along too, and opted in first: first in line, were it not the asker.
    asker = _peer(module, steps, email="asker@example.org")
    peers = [
        _peer(module, steps, email=f"peer{n}@example.org", forum_email=ForumEmail.IMMEDIATE)
        for n in range(7)
    ]
    response = _ask(client, forum, steps[1], asker, callbacks=django_capture_on_commit_callbacks)
    html = response.content.decode()
    assert "We vroegen 5 mensen die dit al deden om mee te denken." in html
    for peer in peers:
        assert peer.public_name not in html
    asked = set(PeerAsk.objects.values_list("user_id", flat=True))
    assert len(asked) == 5 and asker.pk not in asked
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        peer.email for peer in peers if peer.pk in asked
    )
    body = mail.outbox[0].body
    assert steps[1].title in body and "Hoe doe ik dit?" in body
    assert asker.public_name not in body
    assert reverse("community:peer_offers") in body
    # The peers find it under "Mijn forum" too; the asker's topic page names none of them.
    peer = next(p for p in peers if p.pk in asked)
    client.force_login(peer)
    assert "Hoe doe ik dit?" in client.get(reverse("community:my_forum")).content.decode()


def test_asks_are_spread_fairly_and_each_peer_is_asked_a_few_times_a_week(
    client, forum, module, steps, settings, django_capture_on_commit_callbacks
):
    settings.FORUM_PEERS_PER_QUESTION = 2
    settings.FORUM_PEER_ASKS_PER_WEEK = 2
    settings.FORUM_RATE_LIMITS = {**settings.FORUM_RATE_LIMITS, "peer_ask": {"user": "99/d"}}
    peers = [_peer(module, steps) for _ in range(3)]
    # The first peer was asked long ago, the second last week (outside the week's count).
    old = start_topic(forum, member(trusted=True), subject="Oud")
    PeerAsk.objects.create(user=peers[0], topic=old, created=timezone.now() - timedelta(days=30))
    PeerAsk.objects.create(user=peers[1], topic=old, created=timezone.now() - timedelta(days=8))
    asker = member(trusted=True)

    def asked(subject):
        _ask(
            client,
            forum,
            steps[0],
            asker,
            callbacks=django_capture_on_commit_callbacks,
            subject=subject,
        )
        return set(PeerAsk.objects.filter(topic__subject=subject).values_list("user", flat=True))

    # Never asked first, then the one asked longest ago.
    assert asked("Eerste") == {peers[2].pk, peers[0].pk}
    assert asked("Tweede") == {peers[1].pk, peers[2].pk}
    assert asked("Derde") == {peers[0].pk, peers[1].pk}
    # Everyone has had two asks this week: the next question asks no one, and says nothing.
    response = _ask(
        client,
        forum,
        steps[0],
        asker,
        callbacks=django_capture_on_commit_callbacks,
        subject="Vierde",
    )
    assert not PeerAsk.objects.filter(topic__subject="Vierde").exists()
    assert "om mee te denken" not in response.content.decode()


def test_the_asker_is_rate_limited_but_the_question_is_still_posted(
    client, forum, module, steps, settings, django_capture_on_commit_callbacks
):
    settings.FORUM_RATE_LIMITS = {**settings.FORUM_RATE_LIMITS, "peer_ask": {"user": "1/d"}}
    _peer(module, steps)
    asker = member(trusted=True)
    _ask(
        client,
        forum,
        steps[0],
        asker,
        callbacks=django_capture_on_commit_callbacks,
        subject="Eerste",
    )
    response = _ask(
        client,
        forum,
        steps[1],
        asker,
        callbacks=django_capture_on_commit_callbacks,
        subject="Tweede",
    )
    assert response.status_code == 200
    assert PeerAsk.objects.filter(topic__subject="Eerste").count() == 1
    assert not PeerAsk.objects.filter(topic__subject="Tweede").exists()
    assert "Tweede" in response.content.decode()  # posted all the same


def test_no_one_is_asked_about_a_question_not_from_a_step(
    client, forum, module, steps, django_capture_on_commit_callbacks
):
    _peer(module, steps, email="peer@example.org")
    client.force_login(member(trusted=True))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(new_topic_url(forum), {"subject": "Algemeen", "content": "Een vraag."})
    assert not PeerAsk.objects.exists()
    assert mail.outbox == []


def test_peers_who_want_no_email_are_asked_in_the_forum_only(
    client, forum, module, steps, django_capture_on_commit_callbacks
):
    quiet = _peer(module, steps, email="stil@example.org", forum_email=ForumEmail.OFF)
    _ask(
        client, forum, steps[0], member(trusted=True), callbacks=django_capture_on_commit_callbacks
    )
    assert PeerAsk.objects.get().user == quiet
    assert mail.outbox == []


def test_a_question_that_waited_for_a_moderator_asks_peers_once_it_is_approved(
    client, forum, module, steps, django_capture_on_commit_callbacks
):
    _peer(module, steps, email="peer@example.org")
    newcomer = member()  # not trusted: the question waits
    response = _ask(client, forum, steps[0], newcomer, callbacks=django_capture_on_commit_callbacks)
    assert "om mee te denken" not in response.content.decode()
    assert not PeerAsk.objects.exists()
    post = Post.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        post_approve(post=post)
    assert PeerAsk.objects.count() == 1
    assert len(mail.outbox) == 1


# --- Data rights -----------------------------------------------------------------------------


def test_the_download_holds_offers_and_asks_and_deletion_takes_them(
    client, forum, module, steps, password, django_capture_on_commit_callbacks
):
    peer = _peer(module, steps)
    asker = member(trusted=True)
    _ask(client, forum, steps[0], asker, callbacks=django_capture_on_commit_callbacks)
    client.force_login(peer)
    forum_data = json.loads(client.post("/account/mijn-gegevens/").content)["forum"]
    assert [row["module_id"] for row in forum_data["thinking_along"]] == [module.pk]
    assert [row["topic"] for row in forum_data["asked_to_think_along"]] == ["Hoe doe ik dit?"]
    # The asker's download names no peer.
    client.force_login(asker)
    assert peer.username not in client.post("/account/mijn-gegevens/").content.decode()

    client.force_login(peer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/verwijderen/", {"posts": "keep", "password": password})
    assert response.status_code == 302
    assert not PeerOffer.objects.exists() and not PeerAsk.objects.exists()


# --- Query counts ------------------------------------------------------------------------------


def _peer_offer_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum("community_peeroffer" in query["sql"] for query in queries.captured_queries)


@pytest.mark.parametrize("peers", [3, 30])
def test_the_count_costs_one_query_when_the_topic_lists_are_built_and_none_after(
    client, forum, module, steps, peers, django_assert_max_num_queries
):
    learner = member()
    client.force_login(learner)
    complete_steps(learner, steps[:1])
    client.get(
        steps[1].url
    )  # the catalog and the forum's answers cached, as later requests find them
    for _ in range(peers):
        _peer(module, steps)  # each opt-in drops the module's topic lists
    assert _peer_offer_queries(client, steps[1].url) == 1
    assert _peer_offer_queries(client, steps[1].url) == 0
    # The page as a whole, whatever the number of peers: the same as without them.
    with django_assert_max_num_queries(WARM_STEP_PAGE_QUERIES):
        html = client.get(steps[1].url).content.decode()
    assert f"{peers} mensen die dit al deden willen meedenken." in html


@pytest.mark.parametrize("asks", [3, 30])
def test_the_module_page_and_mijn_forum_cost_one_query_each_for_it(
    client, forum, module, steps, asks
):
    learner = _peer(module, steps)
    for n in range(asks):
        topic = start_topic(forum, member(trusted=True), subject=f"Vraag {n}")
        PeerAsk.objects.create(user=learner, topic=topic)
    client.force_login(learner)
    client.get(module.url)
    assert _peer_offer_queries(client, module.url) == 1  # the reader's own offer
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("community:my_forum")).content.decode()
    assert sum("community_peerask" in q["sql"] for q in queries.captured_queries) == 1
    assert f"Vraag {asks - 1}" in html  # the newest first


def test_an_ask_is_emailed_once_however_often_its_task_or_the_sweep_runs(
    client, forum, module, steps, django_capture_on_commit_callbacks
):
    _peer(module, steps, email="peer@example.org", forum_email=ForumEmail.DAILY)
    _ask(
        client, forum, steps[0], member(trusted=True), callbacks=django_capture_on_commit_callbacks
    )
    assert len(mail.outbox) == 1
    topic_id = PeerAsk.objects.get().topic_id
    assert ask_peers(topic_id) == 0 and send_pending_peer_asks() == 0
    # Asked again about the same topic (a moderator restoring it): no one new is asked.
    assert topic_peers_ask(topic_id=topic_id) == 1
    assert PeerAsk.objects.count() == 1 and len(mail.outbox) == 1


def test_peers_who_left_or_may_not_read_the_forum_are_not_asked(
    client, forum, module, steps, django_capture_on_commit_callbacks
):
    gone = _peer(module, steps, is_active=False)
    shut_out = _peer(module, steps)
    _set_user_permissions(["can_read_forum"], has_perm=False, forum=forum, user=shut_out)
    welcome = _peer(module, steps)
    _ask(
        client, forum, steps[0], member(trusted=True), callbacks=django_capture_on_commit_callbacks
    )
    asked = set(PeerAsk.objects.values_list("user_id", flat=True))
    assert asked == {welcome.pk}
    assert gone.pk not in asked and shut_out.pk not in asked
