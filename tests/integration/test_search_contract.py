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


def test_typos_are_tolerated_on_elasticsearch(elasticsearch):
    elasticsearch.index(Kind.PAGE, [page("1", "Huurtoeslag aanvragen", "Bij de Belastingdienst.")])
    assert found(elasticsearch, "huurtoslag") == ["1"]
    assert found(elasticsearch, "belastingdients aanvrage") == ["1"]
