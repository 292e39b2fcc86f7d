"""Findability on Elasticsearch (the real cluster of `make test`, which has no
analysis-common module: these run the core-only path): typos corrected and said, word
forms and compounds, best partial matches, synonym groups, and an index with an older
mapping replaced by a rebuild. The texts are short pieces of the demo content."""

import pytest

from search.backends import SearchConfigurationError, TextQuery
from search.backends import elasticsearch as es
from search.models import Kind, OutboxEntry
from search.services import outbox_drain, search_rebuild

from .test_search_contract import page

pytestmark = pytest.mark.django_db

ALLOWANCE = page(
    "huurtoeslag",
    "Wat zijn zorgtoeslag en huurtoeslag?",
    "Huurtoeslag is geld van de overheid voor je huur. Je vraagt het aan bij Dienst Toeslagen.",
)
ASSISTANCE = page(
    "bijstand",
    "Wat is bijstand?",
    "Bijstand is een uitkering van de gemeente. Het is een vangnet.",
    topic_id=2,
)
LETTER = page(
    "motivatiebrief",
    "Een korte motivatiebrief",
    "In een motivatiebrief vertel je waarom je de baan wilt. En waarom je goed past. Houd de "
    "brief kort: niet meer dan één kantje.",
    topic_id=3,
)
DEBT = page(
    "schulden",
    "Gratis hulp bij schulden",
    "Heb je schulden? De gemeente helpt je. Dat heet schuldhulpverlening. Deze hulp is gratis.",
)
INCOME = page(
    "inkomsten",
    "Wat komt er binnen?",
    "Een budget is een overzicht van je geld. Je begint met wat er elke maand binnenkomt.",
)
POST = page(
    "post",
    "Open je post",
    "Open vandaag drie brieven. Leg de rekeningen op een stapel.",
)
DEMO = [ALLOWANCE, ASSISTANCE, LETTER, DEBT, INCOME, POST]


@pytest.fixture
def indexed(elasticsearch):
    elasticsearch.index(Kind.PAGE, DEMO)
    return elasticsearch


def search(backend, text, **options):
    return backend.search(Kind.PAGE, TextQuery(text=text, **options))


def ids(result):
    return [hit["id"] for hit in result.hits]


@pytest.mark.parametrize(
    ("typed", "meant", "expected"),
    [("huurtoelsag", "huurtoeslag", "huurtoeslag"), ("bijstnad", "bijstand", "bijstand")],
)
def test_a_misspelling_is_searched_as_corrected_and_said(indexed, typed, meant, expected):
    result = search(indexed, typed)
    assert ids(result)[0] == expected
    assert result.corrected == meant


def test_a_likely_intended_query_is_offered_beside_results(indexed):
    # Three of four words match, so there are results, and one word is in no document.
    result = search(indexed, "huurtoeslag aanvragen bij gemeetne")
    assert ids(result) and result.corrected == ""
    assert result.suggestion == "huurtoeslag aanvragen bij gemeente"


def test_words_that_are_all_there_get_no_suggestion(indexed):
    result = search(indexed, "huurtoeslag")
    assert (result.corrected, result.suggestion) == ("", "")


def test_a_plural_finds_the_singular_and_a_word_its_compounds(indexed):
    assert {"motivatiebrief", "post"} <= set(ids(search(indexed, "brieven")))
    assert {"motivatiebrief", "post"} <= set(ids(search(indexed, "brief")))
    # The allowance step says "huurtoeslag", never "toeslag" by itself.
    assert "huurtoeslag" in ids(search(indexed, "toeslag"))


def test_a_compound_finds_a_sibling_compound(indexed):
    found = ids(search(indexed, "sollicitatiebrieven"))
    assert found[0] == "motivatiebrief"


def test_a_compound_finds_its_parts(indexed):
    assert ids(search(indexed, "schuldhulp"))[0] == "schulden"


def test_when_all_words_find_nothing_the_best_partial_matches_come(indexed):
    # No page has three of the four words; "inkomsten" has two (maand, binnen), the
    # allowance and the assistance step one each.
    found = ids(search(indexed, "maand binnen huur vangnet"))
    assert found[0] == "inkomsten"
    assert {"huurtoeslag", "bijstand"} <= set(found[1:])


def test_a_synonym_group_counts_as_one_part_of_the_query(elasticsearch):
    elasticsearch.index(
        Kind.PAGE,
        [
            LETTER,
            page("rondkomen", "Lukt het niet?", "Lukt het om de eindjes aan elkaar te knopen?"),
        ],
    )
    job = (("werk", "baan", "job"),)
    assert ids(search(elasticsearch, "werk", synonyms=job)) == ["motivatiebrief"]
    assert ids(search(elasticsearch, "werk")) == []
    make_ends_meet = (("rondkomen", "de eindjes aan elkaar knopen"),)
    found = search(elasticsearch, "hoe rondkomen", synonyms=make_ends_meet)
    assert ids(found) == ["rondkomen"]


def old_index(backend, kind):
    """An index of ``kind`` as made before mappings had a version, behind both aliases."""
    alias = backend.alias(kind)
    backend.client.indices.create(
        index=f"{alias}-initial",
        aliases={alias: {}, backend.write_alias(kind): {}},
        mappings={"properties": {"title": {"type": "text"}, "text": {"type": "text"}}},
    )
    return f"{alias}-initial"


def test_an_index_with_an_older_mapping_is_replaced_by_a_rebuild(elasticsearch):
    """An index from before this mapping (no version in its ``_meta``) is not searched:
    pages fall back to the database until ``search_rebuild`` swaps a new one in."""
    alias = elasticsearch.alias(Kind.PAGE)
    old = old_index(elasticsearch, Kind.PAGE)
    with pytest.raises(SearchConfigurationError, match="search_rebuild"):
        search(elasticsearch, "brief")
    assert elasticsearch.rebuild(Kind.PAGE, iter([[LETTER]])) == 1
    assert ids(search(elasticsearch, "brieven")) == ["motivatiebrief"]
    assert not elasticsearch.client.indices.exists(index=old)
    (index,) = elasticsearch.client.indices.get_alias(name=alias)
    meta = elasticsearch.client.indices.get_mapping(index=index)[index]["mappings"]["_meta"]
    assert meta == {"version": es.MAPPING_VERSION, "analysis": "core"}


def test_a_page_with_both_parts_of_a_compound_comes_first(indexed):
    indexed.index(
        Kind.PAGE,
        [
            page(
                "eerst",
                "Wat betaal je eerst?",
                "Betaal eerst de rekeningen voor je huis: huur, energie en water.",
            )
        ],
    )
    # The post step has "rekeningen" only; this one "energie" too.
    assert ids(search(indexed, "energierekening"))[0] == "eerst"


def test_the_words_of_a_synonym_phrase_are_not_corrected(elasticsearch):
    elasticsearch.index(Kind.PAGE, [page("einde", "Het einde", "Aan het einde van de maand.")])
    group = (("de eindjes aan elkaar knopen", "rondkomen"),)
    result = search(elasticsearch, "de eindjes aan elkaar knopen", synonyms=group)
    assert (result.corrected, result.suggestion) == ("", "")


def test_changes_wait_in_the_outbox_for_the_rebuild_of_an_older_index(elasticsearch, module):
    old_index(elasticsearch, Kind.PAGE)
    with pytest.raises(SearchConfigurationError):
        outbox_drain()
    pages = OutboxEntry.objects.filter(kind=Kind.PAGE)
    assert pages.exists() and not pages.filter(elasticsearch_done_at__isnull=False).exists()
    search_rebuild(kinds=[Kind.PAGE], backends=[elasticsearch])
    assert not pages.filter(elasticsearch_done_at__isnull=True).exists()
    assert ids(search(elasticsearch, module.title)) and elasticsearch.count(Kind.PAGE) == 4
