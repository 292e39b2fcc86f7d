"""Findability on the search page with the database backend, on PostgreSQL and on its
word matching (what SQLite uses): a typo offered, the editors' synonyms, and a page that
never ends in nothing. What every backend finds is in the contract
(``tests/integration/test_search_contract.py``)."""

import pytest
from django.urls import reverse

from forum import links
from search.backends import database, database_backend
from search.models import Kind, SearchSynonyms
from search.selectors import site_search
from search.synonyms import groups_in, parse_groups

from ..factories import member
from ..integration.test_search_contract import page

pytestmark = pytest.mark.django_db
URL = reverse("search:search")


@pytest.fixture(params=["postgres", "words"])
def backend(request, db, monkeypatch):
    if request.param == "words":
        monkeypatch.setattr(database, "_postgres", lambda: False)
    return database_backend()


def found(text):
    group = site_search(text=text, only=Kind.PAGE).groups[Kind.PAGE]
    return [hit["id"] for hit in group.hits], group


def test_a_typo_beside_words_that_find_something_is_offered(backend, client):
    backend.index(
        Kind.PAGE,
        [
            page("1", "Huurtoeslag aanvragen", "Je vraagt huurtoeslag aan."),
            page("2", "Boodschappen", "Maak een lijstje voor de supermarkt."),
        ],
    )
    ids, group = found("huurtoelsag supermarkt")
    assert ids == ["2"] and group.partial and group.suggestion == "huurtoeslag supermarkt"
    html = client.get(URL, {"q": "huurtoelsag supermarkt"}).content.decode()
    assert "Bedoelde je" in html and "q=huurtoeslag+supermarkt" in html


def test_editors_synonyms_match(backend):
    setting = SearchSynonyms.load()
    setting.groups = "baan, werk, job\ncv, curriculum vitae"
    setting.save()
    backend.index(
        Kind.PAGE,
        [page("1", "Werk zoeken", "Vacatures op werk.nl."), page("2", "Je cv", "Kort en eerlijk.")],
    )
    assert found("job")[0] == ["1"]
    assert found("curriculum vitae")[0] == ["2"]


def test_synonym_groups_are_parsed_and_found():
    groups = parse_groups(
        "Baan, werk, job\n# niet\nalleen\nrondkomen, de eindjes aan elkaar knopen"
    )
    assert groups == (("baan", "werk", "job"), ("rondkomen", "de eindjes aan elkaar knopen"))
    assert groups_in("De eindjes aan elkaar knopen als JOB", groups) == (
        ("De eindjes aan elkaar knopen", "rondkomen"),
        ("JOB", "baan", "werk"),
    )


def test_nothing_found_offers_the_forum_help_and_topics(backend, client):
    backend.index(Kind.PAGE, [page("1", "Huurtoeslag", "Over huur.")])
    html = client.get(URL, {"q": "qqxzzv"}).content.decode()
    assert 'href="/forum/"' in html and "Stel je vraag op het forum" in html
    assert 'href="/hulp/"' in html and 'href="/leren/"' in html


def test_a_partial_match_asks_in_the_forum_of_its_module(client, forum, module):
    database_backend().index(
        Kind.PAGE, [page("1", "Huurtoeslag", "Over huur.", module_id=module.pk)]
    )
    response = client.get(URL, {"q": "huurtoeslag vakantiegeld"})
    ask = f"{links.new_topic_url(forum)}?vraag=huurtoeslag+vakantiegeld"
    assert ask in response.content.decode()
    client.force_login(member(trusted=True))
    form = client.get(ask).context["form"]
    assert form.initial["subject"] == "huurtoeslag vakantiegeld"
