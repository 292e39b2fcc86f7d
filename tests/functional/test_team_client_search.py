"""A worker's search over their own clients on "Mijn cliënten": conditions within each
link's scope, topic facets, refusals, and the database standing in for Elasticsearch."""

import pytest
from django.urls import reverse

from search.services import outbox_drain

from ..factories import (
    TopicFactory,
    complete_steps,
    make_module,
    member,
    steps_of,
    team_link,
    worker,
)

pytestmark = pytest.mark.django_db
URL = reverse("team:clients")


@pytest.fixture
def setup(db):
    money, work = TopicFactory(name="Geld"), TopicFactory(name="Werk")
    budget = make_module(topic=money, slug="budget", steps=1, statements=1)
    make_module(topic=work, slug="cv", steps=1, statements=1)
    helper = worker()
    anna = member(display_name="Anna")
    bram = member(display_name="Bram")
    team_link(anna, helper)
    team_link(bram, helper, topics=[money])
    complete_steps(anna, steps_of(budget))
    outbox_drain()
    return {"helper": helper, "money": money, "work": work, "budget": budget}


def names(response) -> list[str]:
    return [row.client.public_name for row in response.context["rows"]]


@pytest.mark.parametrize("backend", ["database", "elasticsearch"])
def test_conditions_and_facets(client, setup, backend, request):
    if backend == "elasticsearch":
        request.getfixturevalue("elasticsearch")
        outbox_drain()
    client.force_login(setup["helper"])
    assert names(client.get(URL)) == ["Anna", "Bram"]
    # Bram shares only money: "not started with work" can only be about Anna, who did
    # not start it either.
    assert names(client.get(URL, {"niet_begonnen": setup["work"].slug})) == ["Anna"]
    assert names(client.get(URL, {"niet_begonnen": setup["money"].slug})) == ["Bram"]
    statement = setup["budget"].can_do_statements.first()
    assert names(client.get(URL, {"kan": statement.pk})) == ["Anna"]
    assert names(client.get(URL, {"inactief": "on"})) == ["Bram"]
    response = client.get(URL)
    assert [(topic.name, n) for topic, n in response.context["facets"]] == [("Geld", 1)]
    assert not response.context["degraded"]


def test_unknown_choices_are_refused(client, setup):
    client.force_login(setup["helper"])
    response = client.get(URL, {"niet_begonnen": "onbekend"})
    assert response.status_code == 400
    assert "Deze keuze kennen we niet" in response.content.decode()
    assert client.get(URL, {"kan": "abc"}).status_code == 400


def test_only_workers_search(client, setup):
    client.force_login(member())
    assert client.get(URL, {"niet_begonnen": setup["work"].slug}).status_code == 403


def test_elasticsearch_down_falls_back(client, setup, elasticsearch):
    elasticsearch.client = type(elasticsearch.client)("http://127.0.0.1:9", max_retries=0)
    client.force_login(setup["helper"])
    response = client.get(URL, {"niet_begonnen": setup["work"].slug})
    assert response.status_code == 200
    assert names(response) == ["Anna"] and response.context["degraded"]
