"""The search page: grouped results, filters, paging, suggestions, bad input, the
fallback when Elasticsearch does not answer, and the boxes that lead to it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.models import Kind
from search.services import outbox_drain, search_rebuild

from ..factories import member, start_topic

pytestmark = pytest.mark.django_db
URL = "/zoeken/"


@pytest.fixture
def indexed(module, forum):
    asker = member(display_name="Sam", trusted=True)
    for n in range(12):
        start_topic(forum, asker, subject=f"Budget vraag {n}", content="Hoe maak ik een budget?")
    search_rebuild()
    return module


def test_grouped_results_with_highlights(client, indexed):
    response = client.get(URL, {"q": "budget"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="groep-page"' in html and 'id="groep-post"' in html
    assert "<mark>" in html and "Meer resultaten in het forum" in html
    assert response.context["results"].groups[Kind.POST].total == 12


def test_a_deleted_writer_is_named_in_each_readers_language(client, english_client, forum):
    from django.utils import translation

    from accounts.services import account_delete

    writer = member(trusted=True)
    start_topic(forum, writer, subject="Boodschappen goedkoop", content="Tips?")
    with translation.override("en"):  # an English reader's request drains the outbox
        account_delete(user=writer, keep_posts=True)
        outbox_drain()
    query = {"q": "boodschappen", "soort": "forum"}
    assert "Door verwijderde gebruiker" in client.get(URL, query).content.decode()
    assert "By deleted user" in english_client.get(URL, query).content.decode()


def test_one_group_paged_and_out_of_range_pages(client, indexed):
    first = client.get(URL, {"q": "budget", "soort": "forum"})
    assert first.context["results"].groups[Kind.POST].num_pages == 2
    assert "pagina=2" in first.content.decode()
    for page in ("99", "-1", "abc", "9" * 30):
        response = client.get(URL, {"q": "budget", "soort": "forum", "pagina": page})
        assert response.status_code == 200
    last = client.get(URL, {"q": "budget", "soort": "forum", "pagina": "99"})
    assert last.context["results"].groups[Kind.POST].number == 2


def test_topic_filter_and_unknown_topic(client, indexed):
    other = client.get(URL, {"q": "budget", "onderwerp": indexed.topic.slug})
    assert other.status_code == 200
    bad = client.get(URL, {"q": "budget", "onderwerp": "bestaat-niet"})
    assert bad.status_code == 400
    assert "Dit onderwerp kennen we niet" in bad.content.decode()


def test_a_module_forums_search(client, indexed, forum):
    response = client.get(URL, {"q": "budget", "forum": forum.pk})
    assert response.status_code == 200
    assert list(response.context["results"].groups) == [Kind.POST]
    assert client.get(URL, {"q": "budget", "forum": 999999}).status_code == 404


def test_no_results_suggest_modules(client, indexed):
    response = client.get(URL, {"q": "xylofoon"})
    assert response.status_code == 200
    assert "We vonden niets" in response.content.decode()
    assert indexed.title in response.content.decode()


def test_empty_and_long_queries(client, indexed):
    assert client.get(URL).status_code == 200
    long = client.get(URL, {"q": "budget " * 60})
    assert long.status_code == 200
    assert "erg lang" in long.content.decode()


def test_elasticsearch_down_falls_back_with_a_notice(client, indexed, elasticsearch):
    elasticsearch.client = type(elasticsearch.client)("http://127.0.0.1:9", max_retries=0)
    response = client.get(URL, {"q": "budget"})
    assert response.status_code == 200
    assert "eenvoudiger dan anders" in response.content.decode()
    assert response.context["results"].groups[Kind.POST].total == 12


def test_elasticsearch_serves_the_page(client, indexed, elasticsearch):
    search_rebuild()
    response = client.get(URL, {"q": "budgt"})  # a typo
    assert response.status_code == 200
    assert response.context["results"].groups[Kind.POST].total == 12
    assert not response.context["results"].degraded


def test_the_header_and_forum_boxes_lead_here(client, indexed, forum):
    home = client.get("/leren/").content.decode()
    assert 'action="/zoeken/"' in home and 'role="search"' in home
    forum_page = client.get(reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk}))
    assert f'name="forum" value="{forum.pk}"' in forum_page.content.decode()


FIXTURES_SHARED = [HealthCheck.function_scoped_fixture]  # the index is read, never changed


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES_SHARED)
@given(text=st.text(min_size=0, max_size=300))
def test_any_query_gets_an_answer(client, indexed, text):
    response = client.get(URL, {"q": text})
    assert response.status_code == 200


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURES_SHARED)
@given(text=st.text(alphabet=st.sampled_from('"*\\~^:()[]{}!+-&|/?<>🙂 aAbB'), max_size=60))
def test_operator_soup_on_elasticsearch(client, indexed, elasticsearch, text):
    response = client.get(URL, {"q": text, "soort": "forum"})
    assert response.status_code == 200
    assert not response.context["results"].degraded


def test_posts_found_after_posting(client, forum):
    asker = member(trusted=True)
    start_topic(forum, asker, subject="Zwemles vergoeding")
    outbox_drain()
    assert "Zwemles" in client.get(URL, {"q": "zwemles"}).content.decode()


def test_search_page_queries_do_not_grow_with_the_results(client, forum):
    asker = member(trusted=True)

    def queries_for_a_search(posts: int) -> int:
        for n in range(posts):
            start_topic(forum, asker, subject=f"Vakantiegeld {n}")
        search_rebuild()
        client.get(URL, {"q": "vakantiegeld"})  # the catalog cached
        with CaptureQueriesContext(connection) as queries:
            client.get(URL, {"q": "vakantiegeld"})
        return len(queries)

    # The synonyms setting, then per group (pages, posts and, since issue 17, initiatives:
    # three more) the vocabulary and the page of results; the total is counted only when
    # the first page is full (3 posts fit, 30 do not).
    few = queries_for_a_search(3)
    assert few <= 9
    many = queries_for_a_search(30)
    assert many <= 10
    assert queries_for_a_search(60) == many


def test_a_misconfigured_analyzer_falls_back_too(client, indexed, elasticsearch, settings):
    settings.SEARCH_ELASTICSEARCH_ANALYZER = "dutch"  # not in the test cluster
    response = client.get(URL, {"q": "budget"})
    assert response.status_code == 200 and response.context["results"].degraded
