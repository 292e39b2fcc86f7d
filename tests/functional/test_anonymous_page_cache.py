"""The whole-page cache for first-time anonymous visitors."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from core.fragments import csrf_placeholder

pytestmark = pytest.mark.django_db


def _token(html: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def test_second_first_time_visitor_gets_cached_page_without_queries(
    steps, django_assert_num_queries
):
    Client().get(steps[0].url)  # fills the cache
    with django_assert_num_queries(0):
        response = Client().get(steps[0].url)
    assert response.status_code == 200
    assert "Klaar met deze stap" in response.content.decode()


def test_cached_page_has_a_working_csrf_token_per_visitor(steps):
    Client().get(steps[0].url)
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get(steps[0].url)
    html = response.content.decode()
    assert csrf_placeholder() not in html
    token = _token(html)
    assert response.cookies["csrftoken"].value
    done = visitor.post(steps[0].url + "klaar/", {"csrfmiddlewaretoken": token})
    assert done.status_code == 302


def test_visitor_with_progress_is_not_served_the_cache(steps):
    Client().get(steps[0].url)
    visitor = Client()
    visitor.post(steps[0].url + "klaar/")
    html = visitor.get(steps[0].url).content.decode()
    assert "Deze stap heb je al gedaan" in html


def test_publishing_invalidates_cached_pages(steps):
    Client().get(steps[0].url)
    steps[0].title = "Nieuwe titel"
    steps[0].save_revision().publish()
    assert "Nieuwe titel" in Client().get(steps[0].url).content.decode()


def test_signed_in_pages_are_never_cached(signed_in, learner_user, steps):
    Client().get(steps[0].url)
    html = signed_in.get(steps[0].url).content.decode()
    assert learner_user.username in html


def test_language_is_part_of_the_key(steps, english_client):
    dutch = Client().get(steps[0].url).content.decode()
    english = english_client.get(steps[0].url).content.decode()
    assert '<html lang="nl">' in dutch
    assert '<html lang="en">' in english


@pytest.mark.parametrize("restriction_type", ["login", "groups"])
def test_a_page_made_private_is_no_longer_served_from_the_cache(steps, restriction_type):
    Client().get(steps[0].url)  # cached while public
    restriction = PageViewRestriction.objects.create(
        page=steps[0].get_parent(), restriction_type=restriction_type
    )
    if restriction_type == "groups":
        restriction.groups.add(Group.objects.create(name="Alleen dit team"))
    response = Client().get(steps[0].url)
    assert response.status_code == 302  # to the login page, as Wagtail answers
    assert f"next={steps[0].url}" in response["Location"]

    restriction.delete()  # public again: served, and cached again
    assert Client().get(steps[0].url).status_code == 200
