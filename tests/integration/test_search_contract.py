"""The backend contract: the database backend and Elasticsearch (the real cluster of
`make test`) pass the same tests, on documents prepared from real content."""

from datetime import timedelta

import pytest
from django.utils import timezone

from search.backends import ClientQuery, TextQuery
from search.models import Kind
from search.services import outbox_drain
from team.models import TeamLink

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


def page(doc_id, title, text, topic_id=1, **extra):
    return {
        "id": doc_id,
        "type": "step",
        "title": title,
        "text": text,
        "statements": [],
        "topic_id": topic_id,
        "topic": "Geld",
        "module_id": 10,
        "module": "Budget",
        "language": "nl",
        "url": f"/leren/budget/{doc_id}/",
        **extra,
    }


def found(backend, text, **filters):
    return [hit["id"] for hit in backend.search(Kind.PAGE, TextQuery(text=text, **filters)).hits]


def test_index_search_delete(search_backend):
    search_backend.index(
        Kind.PAGE,
        [
            page("1", "Huurtoeslag aanvragen", "Je vraagt huurtoeslag aan bij Dienst Toeslagen."),
            page("2", "Boodschappen", "Maak een lijstje voor de supermarkt.", topic_id=2),
        ],
    )
    assert found(search_backend, "huurtoeslag") == ["1"]
    assert found(search_backend, "supermarkt") == ["2"]
    assert found(search_backend, "supermarkt", topic_id=1) == []
    search_backend.delete(Kind.PAGE, ["1", "not-there"])
    assert found(search_backend, "huurtoeslag") == []
    assert search_backend.count(Kind.PAGE) == 1


def test_indexing_twice_changes_nothing(search_backend):
    doc = page("1", "Huurtoeslag", "Over toeslagen.")
    search_backend.index(Kind.PAGE, [doc])
    search_backend.index(Kind.PAGE, [doc])
    search_backend.index(Kind.PAGE, [{**doc, "title": "Zorgtoeslag"}])
    assert search_backend.count(Kind.PAGE) == 1
    assert found(search_backend, "zorgtoeslag") == ["1"]


def test_highlights_are_escaped_html(search_backend):
    search_backend.index(
        Kind.PAGE, [page("1", "Budget <script>x</script>", "Een budget <b>maken</b> is fijn.")]
    )
    (hit,) = search_backend.search(Kind.PAGE, TextQuery(text="budget")).hits
    assert "<mark>" in hit["title_html"] and "<script>" not in hit["title_html"]
    # Markup in a document is text: escaped or dropped, never passed on as HTML.
    assert "maken" in hit["snippet_html"] and "<b>" not in hit["snippet_html"]
    assert hit["url"] == "/leren/budget/1/"


def test_paging_and_total(search_backend):
    search_backend.index(
        Kind.PAGE, [page(str(n), f"Sparen deel {n}", "Sparen voor later.") for n in range(1, 8)]
    )
    first = search_backend.search(Kind.PAGE, TextQuery(text="sparen", limit=5))
    rest = search_backend.search(Kind.PAGE, TextQuery(text="sparen", offset=5, limit=5))
    assert first.total == rest.total == 7
    assert len(first.hits) == 5 and len(rest.hits) == 2
    assert not {h["id"] for h in first.hits} & {h["id"] for h in rest.hits}


def test_rebuild_replaces_everything(search_backend):
    search_backend.index(Kind.PAGE, [page("1", "Oud", "Weg ermee.")])
    count = search_backend.rebuild(
        Kind.PAGE, iter([[page("2", "Nieuw", "Blijft.")], [page("3", "Nieuw twee", "Ook.")]])
    )
    assert count == 2 and search_backend.count(Kind.PAGE) == 2
    assert found(search_backend, "oud") == []
    assert sorted(found(search_backend, "nieuw")) == ["2", "3"]


@pytest.mark.parametrize(
    "odd",
    [
        '"',
        '"huur',
        "huur AND OR NOT",
        "*",
        "\\",
        "huur~2",
        "(",
        "a:b",
        "🙂 huur",
        "-huur",
        "x" * 99,
    ],
)
def test_odd_queries_never_fail(search_backend, odd):
    search_backend.index(Kind.PAGE, [page("1", "Huurtoeslag", "Over huur.")])
    result = search_backend.search(Kind.PAGE, TextQuery(text=odd))
    assert result.total == len(result.hits)


# --- progress: the worker's client search and the counts, always within scope ----------


@pytest.fixture
def caseload(db):
    """A worker with two clients: Anna shares every topic, Bram only money. Both did
    the money module; Anna also started the parenting module."""
    money, parenting = TopicFactory(name="Geld"), TopicFactory(name="Opvoeden")
    budget = make_module(topic=money, slug="budget", steps=2, statements=1)
    raising = make_module(topic=parenting, slug="opvoeden", steps=2, statements=1)
    helper, other = worker(), worker()
    anna, bram, stranger = member(), member(), member()
    team_link(anna, helper)
    team_link(bram, helper, topics=[money])
    for client in (anna, bram, stranger):
        complete_steps(client, steps_of(budget))
    complete_steps(anna, steps_of(raising)[:1])
    complete_steps(bram, steps_of(raising))  # outside what Bram shares
    return {
        "money": money,
        "parenting": parenting,
        "budget": budget,
        "statement": budget.can_do_statements.first(),
        "helper": helper,
        "other": other,
        "anna": anna,
        "bram": bram,
        "stranger": stranger,
    }


def test_progress_follows_links_and_scope(search_backend, caseload):
    outbox_drain()
    c = caseload

    def ids(**conditions):
        query = ClientQuery(worker_id=c["helper"].pk, **conditions)
        return search_backend.clients(query).client_ids

    assert ids() == {c["anna"].pk, c["bram"].pk}
    # Bram did parenting, but does not share it: for this worker he has not started it,
    # yet he is not "not started" either, since the topic is outside his link.
    assert ids(not_started_topic_id=c["parenting"].pk) == set()
    assert ids(started_topic_id=c["parenting"].pk) == {c["anna"].pk}
    assert ids(statement_id=c["statement"].pk) == {c["anna"].pk, c["bram"].pk}
    assert ids(active_since=timezone.now() - timedelta(days=30)) == set()
    assert ids(active_since=timezone.now() + timedelta(minutes=1)) == {c["anna"].pk, c["bram"].pk}
    assert search_backend.clients(ClientQuery(worker_id=c["other"].pk)).client_ids == set()

    counts = search_backend.aggregate(viewer_id=c["helper"].pk)
    assert counts.clients_per_topic == {c["money"].pk: 2, c["parenting"].pk: 1}
    assert counts.completed_per_module == {c["budget"].pk: 2}
    assert counts.achieved_per_statement[c["statement"].pk] == 2


def test_ended_link_hides_the_client(search_backend, caseload):
    from team.services import link_end

    c = caseload
    outbox_drain()
    link_end(user=c["anna"], link=TeamLink.objects.get(client=c["anna"], worker=c["helper"]))
    outbox_drain()
    found = search_backend.clients(ClientQuery(worker_id=c["helper"].pk)).client_ids
    assert found == {c["bram"].pk}


def test_words_may_be_in_different_fields(search_backend):
    search_backend.index(
        Kind.PAGE,
        [
            page("1", "Huurtoeslag", "Je kunt het online aanvragen."),
            page("2", "Huurtoeslag", "Over terugbetalen."),
        ],
    )
    assert found(search_backend, "huurtoeslag aanvragen") == ["1"]


def test_the_title_weighs_more(search_backend):
    search_backend.index(
        Kind.PAGE,
        [
            page("budget-step", "Je maandbudget", "Zorgtoeslag is ook inkomen, net als loon."),
            page("allowance", "Zorgtoeslag aanvragen", "Zo vraag je het aan bij Dienst Toeslagen."),
        ],
    )
    assert found(search_backend, "zorgtoeslag") == ["allowance", "budget-step"]


def test_typos_are_tolerated(search_backend):
    search_backend.index(Kind.PAGE, [page("1", "Huurtoeslag aanvragen", "Bij de Belastingdienst.")])
    assert found(search_backend, "huurtoslag") == ["1"]
    assert found(search_backend, "belastingdients aanvrage") == ["1"]


# --- findability: typos, word forms, compounds, partial matches, synonyms ---------------
# The texts are short pieces of the demo content.

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
def indexed(search_backend):
    search_backend.index(Kind.PAGE, DEMO)
    return search_backend


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


@pytest.mark.parametrize("typed", ["sollicitatiebrieven", "sollicitatiebrief", "motivatiebrieven"])
def test_a_compound_finds_a_sibling_compound(indexed, typed):
    assert ids(search(indexed, typed))[0] == "motivatiebrief"


def test_a_compound_finds_its_parts(indexed):
    assert ids(search(indexed, "schuldhulp"))[0] == "schulden"


def test_a_compound_the_text_has_in_parts_finds_those_first(search_backend):
    search_backend.index(
        Kind.PAGE,
        [ASSISTANCE, page("werk", "Werk", "Een uitkering van het UWV.")],
    )
    assert found(search_backend, "bijstandsuitkering") == ["bijstand", "werk"]


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


def test_when_all_words_find_nothing_the_best_partial_matches_come(indexed):
    # No page has three of the four words; "inkomsten" has two (maand, binnen), the
    # allowance and the assistance step one each.
    result = search(indexed, "maand binnen huur vangnet")
    assert result.partial and ids(result)[0] == "inkomsten"
    assert {"huurtoeslag", "bijstand"} <= set(ids(result)[1:])


def test_a_synonym_group_counts_as_one_part_of_the_query(search_backend):
    search_backend.index(
        Kind.PAGE,
        [
            LETTER,
            page("rondkomen", "Lukt het niet?", "Lukt het om de eindjes aan elkaar te knopen?"),
        ],
    )
    job = (("werk", "baan", "job"),)
    assert ids(search(search_backend, "werk", synonyms=job)) == ["motivatiebrief"]
    assert ids(search(search_backend, "werk")) == []
    make_ends_meet = (("rondkomen", "de eindjes aan elkaar knopen"),)
    result = search(search_backend, "hoe rondkomen", synonyms=make_ends_meet)
    assert ids(result) == ["rondkomen"]


def test_the_words_of_a_synonym_phrase_are_not_corrected(search_backend):
    search_backend.index(Kind.PAGE, [page("einde", "Het einde", "Aan het einde van de maand.")])
    group = (("de eindjes aan elkaar knopen", "rondkomen"),)
    result = search(search_backend, "de eindjes aan elkaar knopen", synonyms=group)
    assert (result.corrected, result.suggestion) == ("", "")


# --- initiatives ("In de buurt"), prepared from real rows through the outbox ----------------


@pytest.fixture
def initiatives(db):
    from ..factories import initiative

    money = TopicFactory(name="Geld & budget")
    made = {
        "brug": initiative(name="Taalcafé De Brug", place="Utrecht", postcode="3511"),
        "tilburg": initiative(name="Taalcafé Noord", place="Tilburg", postcode="5038"),
        "voedsel_utrecht": initiative(
            name="Voedselbank Utrecht",
            place="Utrecht",
            postcode="3531",
            what="Een pakket met eten voor wie even niet rond kan komen.",
            topics=[money],
        ),
        "voedsel_zwolle": initiative(
            name="Voedselbank Zwolle",
            place="Zwolle",
            postcode="8011",
            what="Een pakket met eten voor wie even niet rond kan komen.",
        ),
        "waiting": initiative(name="Taalcafé Wacht", place="Utrecht", published=False),
    }
    outbox_drain()
    return made


def initiatives_found(backend, text, **fields):
    from search.selectors import initiative_query

    hits = backend.search(Kind.INITIATIVE, initiative_query(text, synonyms=(), **fields)).hits
    return {hit["id"] for hit in hits}


def ids_of(initiatives, *keys):
    return {str(initiatives[key].pk) for key in keys}


def test_initiatives_are_found_by_word_and_place(search_backend, initiatives):
    assert initiatives_found(search_backend, "taalcafé Utrecht") == ids_of(initiatives, "brug")
    assert initiatives_found(search_backend, "taalcafé") == ids_of(initiatives, "brug", "tilburg")
    # A topic's name is among their words.
    assert initiatives_found(search_backend, "budget") == ids_of(initiatives, "voedsel_utrecht")


def test_a_postcode_in_the_words_looks_in_its_area(search_backend, initiatives):
    # 3511 and 3531 share "35": Utrecht's food bank is nearby, Zwolle's (8011) is not.
    assert initiatives_found(search_backend, "voedselbank 3511") == ids_of(
        initiatives, "voedsel_utrecht"
    )
    assert initiatives_found(search_backend, "voedselbank 8011 AB") == ids_of(
        initiatives, "voedsel_zwolle"
    )


def test_only_published_initiatives_are_found(search_backend, initiatives):
    from nearby.models import Status

    assert str(initiatives["waiting"].pk) not in initiatives_found(search_backend, "wacht")
    waiting = initiatives["waiting"]
    waiting.status = Status.PUBLISHED
    waiting.save()
    outbox_drain()
    assert initiatives_found(search_backend, "wacht") == ids_of(initiatives, "waiting")
    brug = initiatives["brug"]
    brug.status = Status.REJECTED
    brug.save()
    initiatives["tilburg"].delete()
    outbox_drain()
    assert initiatives_found(search_backend, "brug") == set()
    assert initiatives_found(search_backend, "noord") == set()
    assert initiatives_found(search_backend, "taalcafé") == ids_of(initiatives, "waiting")


def test_the_hit_shows_place_and_link(search_backend, initiatives):
    from search.selectors import initiative_query

    (hit,) = search_backend.search(
        Kind.INITIATIVE, initiative_query("taalcafé Tilburg", synonyms=())
    ).hits
    assert hit["place"] == "Tilburg" and hit["postcode"] == "5038"
    assert hit["url"] == f"/in-de-buurt/{initiatives['tilburg'].pk}/"
    assert "<mark>" in hit["title_html"]
