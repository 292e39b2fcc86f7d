"""Wagtail's view restrictions (the page's "Privacy" setting) on learning pages, which
answer from the catalog when no restriction or alias is above the page
(``learning.models.CatalogRestrictionsMixin``)."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from ..factories import make_module, steps_of

pytestmark = pytest.mark.django_db


def _restrict(page, restriction_type, **fields):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, **fields
    )


def test_a_public_step_page_asks_no_restriction_queries(signed_in, steps):
    signed_in.get(steps[0].url)  # warm
    with CaptureQueriesContext(connection) as queries:
        assert signed_in.get(steps[0].url).status_code == 200
    asked = [q["sql"] for q in queries.captured_queries if "viewrestriction" in q["sql"]]
    assert asked == []


def test_login_restriction_on_the_module_covers_its_steps(steps, learner_user):
    module = steps[0].get_parent()
    _restrict(module, PageViewRestriction.LOGIN)
    for url in (module.url, steps[0].url, steps[1].url + "klaar/"):
        response = Client().get(url)
        assert response.status_code == 302, url
        assert "next=" in response["Location"]
    member = Client()
    member.force_login(learner_user)
    assert member.get(steps[0].url).status_code == 200
    assert member.get(module.url).status_code == 200


def test_group_restriction_lets_only_the_group_in(steps, learner_user):
    team = Group.objects.create(name="Alleen dit team")
    restriction = _restrict(steps[1], PageViewRestriction.GROUPS)
    restriction.groups.add(team)
    member = Client()
    member.force_login(learner_user)
    assert member.get(steps[1].url).status_code == 302
    assert member.get(steps[0].url).status_code == 200  # the step beside it stays open
    learner_user.groups.add(team)
    assert member.get(steps[1].url).status_code == 200


def test_password_restriction_shows_wagtails_password_form(steps):
    _restrict(steps[0], PageViewRestriction.PASSWORD, password="geheim-woord")
    response = Client().get(steps[0].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="password"' in html
    assert "Klaar met deze stap" not in html


def test_lifting_a_restriction_opens_the_page_again(steps):
    restriction = _restrict(steps[0], PageViewRestriction.LOGIN)
    assert Client().get(steps[0].url).status_code == 302
    restriction.delete()
    assert Client().get(steps[0].url).status_code == 200


def test_an_alias_of_a_private_step_is_private_too(steps):
    # Wagtail's rule: an alias has its original's own restrictions (not those above it).
    other = make_module(steps=1, slug="andere-module")
    _restrict(steps[0], PageViewRestriction.LOGIN)
    alias = steps[0].create_alias(parent=other, update_slug="gedeelde-stap")
    assert alias.url in {s.url for s in steps_of(other)}
    response = Client().get(alias.url)
    assert response.status_code == 302
    assert "next=" in response["Location"]
