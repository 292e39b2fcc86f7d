"""Login limits: strict per account, generous per address (a library, a shelter, a shared
computer), and the address is the client's own behind a trusted proxy, the same one for
allauth and for django-ratelimit."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from core.ratelimits import rate_limited

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LOAD_BALANCER = "10.0.0.2"


def log_in(client, login: str, password: str, **meta):
    return client.post(reverse("account_login"), {"login": login, "password": password}, **meta)


def test_wrong_passwords_for_one_account_do_not_lock_out_others_at_the_same_address(password):
    someone, other = UserFactory(), UserFactory()
    guesser = Client()
    statuses = [log_in(guesser, someone.username, f"fout-{i}").status_code for i in range(40)]
    assert statuses[:5] == [200] * 5
    assert set(statuses[5:]) == {429}  # the account itself is stopped ...
    # ... but the person at the next computer (same address) logs in.
    assert log_in(Client(), other.username, password).status_code == 302


def test_a_shared_computer_lets_many_people_mistype_once(password):
    people = UserFactory.create_batch(15)
    computer = Client()
    for person in people:
        assert log_in(computer, person.username, "oeps-typfout").status_code == 200
        assert log_in(computer, person.username, password).status_code == 302
        computer.post(reverse("account_logout"))


def test_the_account_limit_holds_across_addresses(learner_user, password):
    for i in range(5):
        response = log_in(Client(), learner_user.username, "fout", REMOTE_ADDR=f"203.0.113.{i}")
        assert response.status_code == 200
    locked = log_in(Client(), learner_user.username, password, REMOTE_ADDR="203.0.113.99")
    assert locked.status_code == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_budget(settings, password):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    sprayer = {"REMOTE_ADDR": LOAD_BALANCER, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    neighbour = {"REMOTE_ADDR": LOAD_BALANCER, "HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    # One client tries a password on many names: its address runs out ...
    statuses = [log_in(Client(), f"niemand{i}", "fout", **sprayer).status_code for i in range(40)]
    assert 429 in statuses
    assert log_in(Client(), "nog-iemand", "fout", **sprayer).status_code == 429
    # ... while another client behind the same load balancer is counted apart.
    user = UserFactory()
    assert log_in(Client(), user.username, password, **neighbour).status_code == 302


def test_a_forwarded_for_header_is_not_trusted_without_a_proxy_setting(settings):
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0
    statuses = [
        log_in(Client(), f"niemand{i}", "fout", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").status_code
        for i in range(40)
    ]
    # A new made-up address in the header does not buy new attempts.
    assert 429 in statuses
    assert statuses[-1] == 429


def _request(**meta):
    return RequestFactory().post("/", **{"REMOTE_ADDR": LOAD_BALANCER, **meta})


def test_django_ratelimit_sees_the_same_client_as_allauth(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first, second = "198.51.100.7", "198.51.100.8"
    limits = {"ip": "1/m"}
    assert not rate_limited(_request(HTTP_X_FORWARDED_FOR=first), "probe", limits)
    assert not rate_limited(_request(HTTP_X_FORWARDED_FOR=f"10.9.9.9, {second}"), "probe", limits)
    assert rate_limited(_request(HTTP_X_FORWARDED_FOR=first), "probe", limits)


def test_django_ratelimit_reads_a_trusted_client_ip_header(settings):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    limits = {"ip": "1/m"}
    assert not rate_limited(_request(HTTP_X_REAL_IP="198.51.100.7"), "probe", limits)
    assert not rate_limited(_request(HTTP_X_REAL_IP="198.51.100.8"), "probe", limits)
    assert rate_limited(_request(HTTP_X_REAL_IP="198.51.100.7"), "probe", limits)


def test_django_ratelimit_ignores_a_spoofed_header_without_a_proxy_setting():
    limits = {"ip": "1/m"}
    assert not rate_limited(_request(HTTP_X_FORWARDED_FOR="198.51.100.7"), "probe", limits)
    assert rate_limited(_request(HTTP_X_FORWARDED_FOR="198.51.100.8"), "probe", limits)


def test_the_proxy_setting_comes_from_the_environment():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "TRUSTED_PROXY_COUNT": "1",
        "TRUSTED_CLIENT_IP_HEADER": "X-Real-IP",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings as s; print(s.ALLAUTH_TRUSTED_PROXY_COUNT,"
            " s.ALLAUTH_TRUSTED_CLIENT_IP_HEADER, s.RATELIMIT_IP_META_KEY)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "X-Real-IP", "core.ratelimits.client_ip"]
