"""Sign-up and password-reset abuse: per-address and site-wide sign-up limits, a brake on
bots that needs no third party (a honeypot field and a minimum time on the form), and at
most one "unknown account" mail a day per address."""

from urllib.parse import quote

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User

from ..factories import UserFactory, sign_up

pytestmark = pytest.mark.django_db

NOW = "2026-11-24 12:00:00 +0000"
BOT_MESSAGE = "We konden je aanmelding niet verwerken"


def person(n: int, password: str) -> dict:
    return {"username": f"nieuw{n}", "password1": password}


def test_a_person_who_read_the_form_signs_up(client, password):
    assert sign_up(client, person(1, password), seconds_on_form=4).status_code == 302
    assert User.objects.filter(username="nieuw1").exists()


def test_the_honeypot_is_hidden_from_people_and_their_keyboards(client):
    html = BeautifulSoup(client.get(reverse("account_signup")).content, "html.parser")
    honeypot = html.find("input", attrs={"name": "referentie"})
    assert honeypot["tabindex"] == "-1"
    assert honeypot["autocomplete"] == "off"
    wrapper = honeypot.find_parent(attrs={"aria-hidden": "true"})
    assert wrapper is not None
    assert wrapper.find("label", attrs={"for": honeypot["id"]}).get_text(strip=True) == (
        "Laat dit veld leeg"
    )
    # The time the form was shown travels signed in a hidden field.
    started = html.find("input", attrs={"name": "started"})
    assert started["type"] == "hidden"
    assert ":" in started["value"]


def test_a_filled_honeypot_is_refused_kindly_and_nothing_is_created(client, password):
    data = {**person(1, password), "referentie": "https://spam.example"}
    response = sign_up(client, data)
    assert response.status_code == 400
    assert BOT_MESSAGE in response.content.decode()
    assert not User.objects.filter(username="nieuw1").exists()


def test_a_form_sent_too_fast_is_refused_then_works_when_sent_again(client, password):
    url = reverse("account_signup")
    with time_machine.travel(NOW, tick=False) as clock:
        refused = sign_up(client, person(1, password), seconds_on_form=1)
        assert refused.status_code == 400
        assert BOT_MESSAGE in refused.content.decode()
        assert not User.objects.filter(username="nieuw1").exists()
        # The page that says so carries a new start time: a person just sends it again.
        started = refused.context["form"]["started"].value()
        clock.shift(5)
        again = client.post(url, {**person(1, password), "started": started})
    assert again.status_code == 302
    assert User.objects.filter(username="nieuw1").exists()


def test_the_refusal_is_the_sign_up_page_with_its_links_and_the_way_back(client, password):
    """Someone sent from a topic to sign up and refused as too quick keeps, on the page
    that says so, the link to log in instead and the way back to that topic."""
    topic = "/forum/forum/geld-1/topic/vraag-2/"
    url = reverse("account_signup")
    with time_machine.travel(NOW, tick=False) as clock:
        started = client.get(url, {"next": topic}).context["form"]["started"].value()
        refused = client.post(url, {**person(1, password), "started": started, "next": topic})
        assert refused.status_code == 400 and BOT_MESSAGE in refused.content.decode()
        html = BeautifulSoup(refused.content, "html.parser")
        assert html.find("a", href=f"{reverse('account_login')}?next={quote(topic, safe='')}")
        form = html.find("form", action=url)
        sent = {field["name"]: field.get("value", "") for field in form.find_all("input")}
        assert sent["next"] == topic
        clock.shift(5)
        again = client.post(url, {**sent, "password1": password})
    assert again.status_code == 302 and again["Location"] == topic


@pytest.mark.parametrize("started", [None, "", "1700000000", "1700000000:forged:signature"])
def test_a_missing_or_forged_start_time_is_refused(client, password, started):
    data = person(1, password)
    if started is not None:
        data["started"] = started
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 400
    assert BOT_MESSAGE in response.content.decode()
    assert not User.objects.filter(username="nieuw1").exists()


def test_sign_ups_are_limited_per_address(password):
    # Every sign-up in a fresh browser (a new account is signed in), all from one address.
    with time_machine.travel(NOW, tick=False) as clock:
        numbers = iter(range(100))
        for _window in range(4):
            for _ in range(10):
                assert sign_up(Client(), person(next(numbers), password)).status_code == 302
            assert sign_up(Client(), person(next(numbers), password)).status_code == 429
            clock.shift(10 * 60 + 1)
        # 40 a day from one address at most, however slowly.
        assert sign_up(Client(), person(next(numbers), password)).status_code == 429
    assert User.objects.count() == 40


def test_sign_ups_are_limited_for_the_whole_site(client, settings, password):
    settings.SIGNUP_RATE_LIMITS = {"everyone": "3/h"}
    for n in range(3):
        response = sign_up(client, person(n, password), REMOTE_ADDR=f"203.0.113.{n}")
        assert response.status_code == 302
        client.post(reverse("account_logout"))
    refused = sign_up(client, person(9, password), REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert not User.objects.filter(username="nieuw9").exists()


def reset(client, email: str, **meta):
    return client.post(reverse("account_reset_password"), {"email": email}, **meta)


def test_an_unknown_address_gets_at_most_one_mail_a_day(client):
    with time_machine.travel(NOW, tick=False) as clock:
        for email in ("Onbekend@Example.org", " onbekend@example.org ", "onbekend@example.org"):
            assert reset(client, email).status_code == 302
        assert len(mail.outbox) == 1
        assert reset(client, "ander@example.org").status_code == 302
        assert len(mail.outbox) == 2
        clock.shift(24 * 60 * 60)
        assert reset(client, "onbekend@example.org").status_code == 302
    assert [message.to for message in mail.outbox] == [
        ["onbekend@example.org"],
        ["ander@example.org"],
        ["onbekend@example.org"],
    ]


def test_a_known_address_still_gets_each_reset_link(client):
    UserFactory(username="met-mail", email="iemand@example.org")
    for _ in range(2):
        assert reset(client, "iemand@example.org").status_code == 302
    assert len(mail.outbox) == 2


def test_reset_requests_are_limited_per_address(client):
    with time_machine.travel(NOW, tick=False):
        statuses = [reset(client, f"onbekend{n}@example.org").status_code for n in range(6)]
    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5
