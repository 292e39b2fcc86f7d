"""Malformed input answers 400 or 404, never a 500 (issue 13, item 9): a form body in a
charset other than UTF-8, and ids that are not ids (too large for a database column,
negative, non-ASCII digits, not numbers) in query strings, form fields and URLs.

An id out of range must be refused before any query: PostgreSQL compares it harmlessly,
but SQLite (the embedded default of `make run`) overflows on it, so each case also checks
that the value never reaches the database."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..factories import make_module, member, module_forum, start_topic, steps_of, team_link, worker

pytestmark = pytest.mark.django_db

TWENTY_DIGITS = "1" * 20
NOT_IDS = [
    TWENTY_DIGITS,
    str(2**63),  # one past PostgreSQL's bigint
    "-1",
    "²",  # str.isdigit() says yes, int() says no
    "٣",  # an Arabic-Indic three: int() takes it, an id it is not
    "9" * 5000,  # more digits than int() converts
    "abc",
]


def _visitor() -> Client:
    return Client(raise_request_exception=False)


def _signed_in(user) -> Client:
    visitor = _visitor()
    visitor.force_login(user)
    return visitor


@pytest.fixture
def setting():
    """A module with its forum and a question in it; a client linked to a worker."""
    module = make_module()
    forum = module_forum(module)
    owner, helper = member(trusted=True), worker()
    start_topic(forum, owner)
    team_link(owner, helper)
    return {"module": module, "forum": forum, "client": owner, "worker": helper}


def _queries_without(value, send):
    """Send the request; assert a ``value`` too large for any id column is compared in
    none of the SQL it ran (as a number: not inside a quoted path, as the redirects
    lookup of a 404 has it)."""
    with CaptureQueriesContext(connection) as queries:
        response = send()
    digits = value.lstrip("-")
    if len(digits) >= len(str(2**63)) and digits.isascii() and digits.isdigit():
        as_number = re.compile(rf"(?<![\w/']){digits}(?![\w/'])")
        assert not [q["sql"] for q in queries.captured_queries if as_number.search(q["sql"])]
    return response


@pytest.mark.parametrize("charset", ["latin-1", "iso-8859-2", "utf-16"])
@pytest.mark.parametrize("path", ["/account/login/", "/forum/", "/team/plan/"])
def test_a_form_body_in_another_charset_is_a_400(charset, path):
    """Django refuses such a body (an unknown charset it reads as UTF-8); the CSRF check
    is the first to read it, so the 400 page must not read it again."""
    visitor = Client(enforce_csrf_checks=True, raise_request_exception=False)
    visitor.cookies["csrftoken"] = "a" * 32
    response = visitor.generic(
        "POST",
        path,
        b"naam=Jos%E9&tekst=caf\xe9",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert "Dit verzoek konden we niet lezen" in response.content.decode()


@pytest.mark.parametrize("value", NOT_IDS)
def test_help_today_with_a_topic_that_is_no_id_is_a_404(setting, value):
    response = _queries_without(
        value, lambda: _visitor().get(reverse("community:help_today"), {"onderwerp": value})
    )
    assert response.status_code == 404


@pytest.mark.parametrize("value", NOT_IDS)
def test_new_topic_with_a_step_that_is_no_id_is_a_404(setting, value):
    forum = setting["forum"]
    url = reverse(
        "forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk}
    )
    asker = _signed_in(setting["client"])
    response = _queries_without(value, lambda: asker.get(url, {"stap": value}))
    assert response.status_code == 404
    response = _queries_without(
        value,
        lambda: asker.post(url, {"subject": "Een vraag", "content": "Wie weet?", "step": value}),
    )
    assert response.status_code == 404


def test_new_topic_from_a_step_of_another_module_is_still_asked_without_it(setting):
    """A real id that is not a step of this forum's module is ignored, as before."""
    forum = setting["forum"]
    other = steps_of(make_module())[0]
    url = reverse(
        "forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk}
    )
    response = _signed_in(setting["client"]).get(url, {"stap": other.pk})
    assert response.status_code == 200 and other.url not in response.content.decode()


@pytest.mark.parametrize("value", NOT_IDS)
def test_topic_page_with_a_post_that_is_no_id_is_a_404(setting, value):
    topic = start_topic(setting["forum"], setting["client"], subject="Nog een vraag")
    url = reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum.pk,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )
    response = _queries_without(value, lambda: _visitor().get(url, {"post": value}))
    assert response.status_code == 404


@pytest.mark.parametrize("value", NOT_IDS)
def test_plan_module_that_is_no_id_is_a_400_on_both_sides(setting, value):
    owner, helper = setting["client"], setting["worker"]
    for user, url in [
        (owner, reverse("team:plan")),
        (helper, reverse("team:client_plan", args=[owner.pk])),
    ]:
        response = _queries_without(
            value,
            lambda user=user, url=url: _signed_in(user).post(
                url, {"text": "Samen bellen", "who": "client", "module": value}
            ),
        )
        assert response.status_code == 400
        assert "Selecteer een geldige keuze" in response.content.decode()


@pytest.mark.parametrize("value", NOT_IDS)
def test_plan_worker_that_is_no_id_is_a_400(setting, value):
    response = _queries_without(
        value,
        lambda: _signed_in(setting["client"]).post(
            reverse("team:plan"), {"text": "Bas belt", "who": "worker", "worker": value}
        ),
    )
    assert response.status_code == 400


@pytest.mark.parametrize("value", NOT_IDS)
def test_invitation_topics_that_are_no_ids_are_a_400(setting, value):
    topic = setting["module"].topic
    response = _queries_without(
        value,
        lambda: _signed_in(setting["client"]).post(
            reverse("team:invitation_new"),
            {"scope": "kiezen", "topics": [topic.pk, value], "share_plan": "on"},
        ),
    )
    assert response.status_code == 400
    assert "is geen geldige waarde" in response.content.decode()


@pytest.mark.parametrize("value", [TWENTY_DIGITS, str(2**63), "9" * 5000])
@pytest.mark.parametrize("name", ["team:client", "team:client_plan"])
def test_client_pages_with_an_id_too_large_are_a_404(setting, name, value):
    helper = _signed_in(setting["worker"])
    path = reverse(name, args=[1]).replace("/1/", f"/{value}/")
    response = _queries_without(value, lambda: helper.get(path))
    assert response.status_code == 404
