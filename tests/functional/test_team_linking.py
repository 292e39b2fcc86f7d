"""Becoming a team only by the client's choice: codes (one-time, 7 days, refused with a
clear message otherwise) and a worker's request the client accepts or declines."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from team.models import Invitation, LinkRequest, TeamLink
from team.services import (
    TeamError,
    invitation_create,
    invitation_redeem,
    link_request_answer,
    link_request_send,
    normalise_code,
)

from ..factories import TopicFactory, member, worker

pytestmark = pytest.mark.django_db


def formatted(code: str) -> str:
    return f"{code[:4].lower()}-{code[4:].lower()} "


def test_a_code_links_once_in_the_scope_the_client_chose(client):
    topic = TopicFactory()
    owner, helper = member(), worker()
    client.force_login(owner)
    response = client.post(
        reverse("team:invitation_new"), {"scope": "kiezen", "topics": [topic.pk]}
    )
    invitation = Invitation.objects.get(client=owner)
    assert response["Location"] == reverse("team:invitation", args=[invitation.pk])
    page = client.get(response["Location"]).content.decode()
    assert f"{invitation.code[:4]}-{invitation.code[4:]}" in page
    assert "<svg" in page and f"/team/code/{invitation.code}/" in page  # QR code and link
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)

    client.force_login(helper)
    response = client.post(reverse("team:redeem"), {"code": formatted(invitation.code)})
    link = TeamLink.objects.get(client=owner, worker=helper)
    assert response["Location"] == reverse("team:client", args=[owner.pk])
    assert not link.all_topics and list(link.topics.all()) == [topic] and not link.share_plan

    again = client.post(reverse("team:redeem"), {"code": invitation.code})
    assert again.status_code == 400
    assert "Deze code is al gebruikt" in again.content.decode()


@pytest.mark.parametrize(
    ("situation", "message"),
    [
        ("unknown", "Deze code kennen we niet"),
        ("expired", "Deze code is verlopen"),
        ("cancelled", "ingetrokken"),
        ("own", "Dit is je eigen code"),
    ],
)
def test_codes_that_cannot_be_used_say_why(client, situation, message):
    helper = worker()
    owner = helper if situation == "own" else member()
    invitation = invitation_create(client=owner, all_topics=True, share_plan=True)
    code = invitation.code
    if situation == "unknown":
        code = "ZZZZ" + ("2222" if code[4:] != "2222" else "3333")
    elif situation == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    elif situation == "cancelled":
        Invitation.objects.filter(pk=invitation.pk).update(cancelled_at=timezone.now())
    client.force_login(helper)
    response = client.post(reverse("team:redeem"), {"code": code})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TeamLink.objects.exists()


def test_only_workers_redeem_and_the_code_stays_usable():
    invitation = invitation_create(client=member(), all_topics=True, share_plan=True)
    with pytest.raises(TeamError, match="Alleen hulpverleners"):
        invitation_redeem(user=member(), code=invitation.code)
    invitation.refresh_from_db()
    assert invitation.redeemed_at is None


def test_guessing_codes_is_rate_limited(client, settings):
    settings.TEAM_REDEEM_RATE_LIMITS = {"user": "3/h"}
    client.force_login(worker())
    statuses = [
        client.post(reverse("team:redeem"), {"code": "AAAA2222"}).status_code for _ in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    assert "te vaak" in client.post(reverse("team:redeem"), {"code": "x"}).content.decode()


def test_a_request_shows_nothing_until_the_client_accepts(client):
    owner, helper = member(username="anna"), worker()
    client.force_login(helper)
    response = client.post(reverse("team:request_send"), {"username": "ANNA"})
    assert response.status_code == 302
    assert client.get(reverse("team:client", args=[owner.pk])).status_code == 404

    request = LinkRequest.objects.get(client=owner, worker=helper)
    client.force_login(owner)
    assert helper.public_name in client.get(reverse("team:home")).content.decode()
    response = client.post(
        reverse("team:request_answer", args=[request.pk]), {"antwoord": "ja", "scope": "alles"}
    )
    assert response.status_code == 302
    link = TeamLink.objects.get(client=owner, worker=helper)
    assert link.all_topics and not link.share_plan  # the box was left unticked

    client.force_login(helper)
    assert client.get(reverse("team:client", args=[owner.pk])).status_code == 200


def test_a_declined_request_links_nobody(client):
    owner, helper = member(), worker()
    link_request_send(worker=helper, username=owner.username)
    request = LinkRequest.objects.get()
    client.force_login(owner)
    client.post(reverse("team:request_answer", args=[request.pk]), {"antwoord": "nee"})
    request.refresh_from_db()
    assert request.accepted is False and not TeamLink.objects.exists()
    with pytest.raises(TeamError):
        link_request_answer(client=owner, request=request, accept=True)


def test_requests_to_unknown_usernames_look_the_same(client):
    helper = worker()
    member(username="bestaat")
    client.force_login(helper)
    known = client.post(reverse("team:request_send"), {"username": "bestaat"}, follow=True)
    unknown = client.post(reverse("team:request_send"), {"username": "bestaatniet"}, follow=True)
    assert [str(m) for m in known.context["messages"]] == [
        str(m) for m in unknown.context["messages"]
    ]
    assert LinkRequest.objects.count() == 1


def test_requests_need_a_worker_and_someone_else():
    with pytest.raises(TeamError, match="Alleen hulpverleners"):
        link_request_send(worker=member(), username="iemand")
    helper = worker(username="hulp")
    with pytest.raises(TeamError, match="eigen gebruikersnaam"):
        link_request_send(worker=helper, username="HULP")


def test_a_scope_without_topics_is_refused_with_the_form_kept(client):
    client.force_login(member())
    response = client.post(reverse("team:invitation_new"), {"scope": "kiezen"})
    assert response.status_code == 400
    assert "Kies minstens één onderwerp" in response.content.decode()
    assert not Invitation.objects.exists()


def test_codes_are_read_the_way_people_type_them():
    assert normalise_code(" abcd-efgh ") == "ABCDEFGH"
    assert normalise_code("") == ""


def _sentences(html: bytes) -> list[str]:
    """Each paragraph's text as a reader sees it (white space collapsed)."""
    soup = BeautifulSoup(html, "html.parser")
    return [" ".join(p.get_text().split()) for p in soup.find_all("p")]


def test_what_a_worker_sees_is_one_sentence_without_a_stray_space(client):
    """Issue 15: "… en ons plan ." on the demo team's pages: the included summary ended
    with its file's newline, just before the full stop."""
    call_command("load_demo", "--with-users")
    owner = User.objects.get(username="demo-client")
    helper = User.objects.get(username="demo-hulpverlener")
    invitation = invitation_create(client=owner, all_topics=True, topic_ids=[], share_plan=False)

    client.force_login(owner)
    home = _sentences(client.get(reverse("team:home")).content)
    code = _sentences(client.get(reverse("team:invitation", args=[invitation.pk])).content)
    client.force_login(helper)
    detail = _sentences(client.get(reverse("team:client", args=[owner.pk])).content)

    # The demo client shares counts of her network with her worker.
    shared = "alles wat je leert, en ons plan, en aantallen uit je netwerk (geen namen)."
    assert f"Mag zien: {shared}" in home
    assert "Mag zien: ons plan." in home  # her supporter
    assert "Mag zien: alles wat je leert, niet ons plan." in code
    assert f"Je ziet: {shared}" in detail
    assert not [text for text in home + code + detail if " ." in text or " ," in text]


def _form_posting_to(html: bytes, action: str):
    return BeautifulSoup(html, "html.parser").find("form", action=action)


@pytest.mark.parametrize("side", ["client", "worker"])
def test_ending_a_team_asks_first_and_only_a_post_ends_it(side):
    """Issue 15: "Stop met …" ended the team at one tap. Now it opens a page that says what
    ending means; only its form (a POST with the CSRF token) ends the team."""
    call_command("load_demo", "--with-users")
    owner = User.objects.get(username="demo-client")
    helper = User.objects.get(username="demo-hulpverlener")
    link = TeamLink.objects.get(client=owner, worker=helper, ended_at=None)
    url = reverse("team:link_end", args=[link.pk])
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner if side == "client" else helper)

    start = reverse("team:home") if side == "client" else reverse("team:client", args=[owner.pk])
    page = browser.get(start).content
    assert _form_posting_to(page, url) is None  # no one-tap form any more
    assert BeautifulSoup(page, "html.parser").find("a", href=url)

    asked = browser.get(url)
    assert asked.status_code == 200
    soup = BeautifulSoup(asked.content, "html.parser")
    assert soup.h1.get_text() == "Weet je het zeker?"
    meaning = (
        f"{helper.public_name} ziet niets meer van wat je leert, en ons plan ook niet."
        if side == "client"
        else f"Je ziet niets meer van {owner.public_name}: geen voortgang en geen plan."
    )
    assert meaning in [li.get_text() for li in soup.main.find_all("li")]
    form = _form_posting_to(asked.content, url)
    assert form["method"] == "post" and form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert soup.find("a", href=start)  # the way back, ending nothing
    link.refresh_from_db()
    assert link.ended_at is None

    assert browser.post(url).status_code == 403  # no CSRF token
    link.refresh_from_db()
    assert link.ended_at is None

    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    ended = browser.post(url, {"csrfmiddlewaretoken": token})
    expected = reverse("team:home") if side == "client" else reverse("team:clients")
    assert ended.status_code == 302 and ended["Location"] == expected
    link.refresh_from_db()
    assert link.ended_at is not None
    assert browser.get(url).status_code == 404  # ended: nothing to confirm


def test_only_the_two_sides_of_a_team_may_see_the_question(client):
    owner, helper = member(), worker()
    link = TeamLink.objects.create(client=owner, worker=helper)
    url = reverse("team:link_end", args=[link.pk])
    for outsider in (member(), worker()):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert client.get(reverse("team:link_end", args=[999_999])).status_code == 404
    link.refresh_from_db()
    assert link.ended_at is None
