"""Sign-up, login, logout, password reset and their limits."""

from urllib.parse import quote

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import User
from learning.models import StepProgress

from ..factories import UserFactory, sign_up

pytestmark = pytest.mark.django_db


def test_signup_needs_only_username_and_password(client, password):
    response = sign_up(client, {"username": "zonnebloem", "password1": password})
    assert response.status_code == 302
    user = User.objects.get(username="zonnebloem")
    assert user.email == ""
    assert not user.email_progress


def test_signup_with_taken_username_says_why_in_dutch(client, password):
    UserFactory(username="zonnebloem")
    response = sign_up(client, {"username": "zonnebloem", "password1": password})
    assert response.status_code == 200
    assert "Er bestaat al een gebruiker met deze gebruikersnaam" in response.content.decode()


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        ("kort1", "Dit wachtwoord is te kort"),
        ("12345678901", "Dit wachtwoord bevat alleen cijfers"),
        ("wachtwoord", "Dit wachtwoord is te algemeen"),
    ],
)
def test_signup_with_weak_password_says_why_in_dutch(client, weak, reason):
    response = sign_up(client, {"username": "zonnebloem", "password1": weak})
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not User.objects.filter(username="zonnebloem").exists()


def test_signup_merges_anonymous_progress(client, steps, password):
    client.post(steps[0].url + "klaar/")
    sign_up(client, {"username": "zonnebloem", "password1": password})
    user = User.objects.get(username="zonnebloem")
    assert StepProgress.objects.filter(user=user, completed_at__isnull=False).count() == 1
    assert "1 van 3 stappen gedaan" in client.get(reverse("my_progress")).content.decode()


def test_login_merges_anonymous_progress_once(client, learner_user, steps, password):
    client.post(steps[1].url + "klaar/")
    client.post(reverse("account_login"), {"login": learner_user.username, "password": password})
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": learner_user.username, "password": password})
    assert StepProgress.objects.filter(user=learner_user).count() == 1


def test_login_and_logout(client, learner_user, password):
    response = client.post(
        reverse("account_login"), {"login": learner_user.username, "password": password}
    )
    assert response.status_code == 302
    assert client.get("/").context["user"].is_authenticated
    assert client.post(reverse("account_logout")).status_code == 302
    assert not client.get("/").context["user"].is_authenticated


def test_rapid_wrong_passwords_are_throttled_then_cool_down(client, learner_user, password):
    """50 wrong passwords for one account: at least 40 answered 429; after 5 minutes it works."""
    url = reverse("account_login")
    with time_machine.travel("2026-11-24 12:00:00 +0000", tick=False) as clock:
        statuses = [
            client.post(url, {"login": learner_user.username, "password": f"fout-{i}"}).status_code
            for i in range(50)
        ]
        assert statuses.count(429) >= 40, statuses
        assert (
            "Even wachten"
            in client.post(url, {"login": learner_user.username, "password": "x"}).content.decode()
        )
        # The right password is refused too while the limit holds ...
        locked = client.post(url, {"login": learner_user.username, "password": password})
        assert locked.status_code == 429
        # ... and works after the cool-down.
        clock.shift(5 * 60 + 1)
        ok = client.post(url, {"login": learner_user.username, "password": password})
        assert ok.status_code == 302


def test_password_reset_mails_a_link(client):
    UserFactory(username="met-mail", email="iemand@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "iemand@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/account/password/reset/key/" in mail.outbox[0].body


def test_signup_is_rate_limited_per_ip(password):
    statuses = [
        sign_up(Client(), {"username": f"nieuw{i}", "password1": password}).status_code
        for i in range(25)
    ]
    assert 429 in statuses


def test_language_switch_is_remembered_on_account(signed_in, learner_user):
    response = signed_in.post(reverse("set_language"), {"language": "en", "next": "/leren/"})
    assert response.status_code == 302
    learner_user.refresh_from_db()
    assert learner_user.language == "en"
    assert signed_in.get("/leren/").content.decode().startswith("<!doctype html>")
    assert '<html lang="en">' in signed_in.get("/mijn-voortgang/").content.decode()


def test_language_switch_for_anonymous_uses_cookie(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/mijn-voortgang/").content.decode()
    assert '<html lang="en">' in html


def test_set_language_is_post_only(client):
    assert client.get(reverse("set_language")).status_code == 405


def test_profile_requires_login(client):
    response = client.get(reverse("account_profile"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_profile_changes_name_preferences_and_language(signed_in, learner_user):
    response = signed_in.post(
        reverse("account_profile"),
        {
            "display_name": "Zon",
            "email_progress": "on",
            "forum_email": "immediate",
            "language": "en",
        },
    )
    assert response.status_code == 302
    learner_user.refresh_from_db()
    assert (
        learner_user.display_name,
        learner_user.email_progress,
        learner_user.forum_email,
        learner_user.language,
    ) == ("Zon", True, "immediate", "en")


def test_profile_rejects_unknown_language(signed_in, learner_user):
    response = signed_in.post(reverse("account_profile"), {"display_name": "", "language": "xx"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_language_error"' in html
    assert 'href="#id_language' in html  # the error summary leads to the field
    learner_user.refresh_from_db()
    assert learner_user.language == "nl"


@pytest.mark.parametrize(
    ("username", "landing"),
    [("demo-hulpverlener", "/team/clienten/"), ("demo-client", "/")],
    ids=["worker", "client"],
)
def test_after_login_a_worker_starts_at_their_clients(client, username, landing, password):
    """Issue 15: a worker who signed in landed where clients do; their own overview
    ("Mijn cliënten") is where a worker's day starts. A ``next`` on this site still wins."""
    call_command("load_demo", "--with-users")
    user = User.objects.get(username=username)
    user.set_password(password)
    user.save()
    url = reverse("account_login")
    data = {"login": username, "password": password}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == landing
    assert client.get(landing).status_code == 200

    for next_url, expected in [
        ("/forum/", "/forum/"),
        ("/team/plan/", "/team/plan/"),
        ("https://elders.example/team/", landing),
        ("//elders.example/", landing),
    ]:
        client.post(reverse("account_logout"))
        response = client.post(f"{url}?next={quote(next_url)}", data)
        assert response["Location"] == expected, next_url
        client.post(reverse("account_logout"))
        response = client.post(url, {**data, "next": next_url})
        assert response["Location"] == expected, next_url
