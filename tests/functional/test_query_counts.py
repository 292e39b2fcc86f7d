"""Query counts per page stay bounded, whatever the size of the catalog."""

import pytest
from django.urls import reverse

from learning.learners import Learner
from learning.services import step_complete

from ..factories import make_module, steps_of

pytestmark = pytest.mark.django_db


def _grow_catalog(modules: int):
    for _ in range(modules):
        make_module(steps=5)


@pytest.mark.parametrize("extra_modules", [0, 8])
def test_step_page_for_signed_in_learner(
    signed_in, learner_user, module, steps, extra_modules, django_assert_max_num_queries
):
    _grow_catalog(extra_modules)
    learner = Learner(user=learner_user, session=None)
    step_complete(learner=learner, step=steps[0])
    signed_in.get(steps[1].url)  # warm the catalog cache, as every later request finds it
    # The user, the learner's progress and the topic's initiatives "in de buurt" (3
    # measured; the last since issue 17): routing, the page itself and Wagtail's privacy
    # check come from the catalog and the cache.
    with django_assert_max_num_queries(4):
        response = signed_in.get(steps[1].url)
    assert response.status_code == 200


@pytest.mark.parametrize("extra_modules", [0, 8])
def test_progress_and_index_pages(
    signed_in, learner_user, extra_modules, django_assert_max_num_queries
):
    _grow_catalog(extra_modules)
    make_module(steps=3)
    learner = Learner(user=learner_user, session=None)
    from learning.models import ModulePage

    for module in ModulePage.objects.all():
        step_complete(learner=learner, step=steps_of(module)[0])
    for url in (reverse("my_progress"), "/leren/", "/"):
        signed_in.get(url)
        with django_assert_max_num_queries(10):
            assert signed_in.get(url).status_code == 200


def test_catalog_cold_build_is_bounded(client, django_assert_max_num_queries):
    _grow_catalog(6)
    with django_assert_max_num_queries(25):
        assert client.get("/leren/").status_code == 200
