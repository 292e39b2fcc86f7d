"""The relevance set (``tests/data/search_relevance.yaml``) on the shipped demo content,
through the search page's selector, on the database backend of the database the suite
runs on: PostgreSQL in the suite, SQLite in the second run `make test` starts
(``DATABASE_URL=sqlite://…``, this file only)."""

import pytest
from django.core.management import call_command
from django.db import connection

from bench.relevance import cases, measure
from search.services import search_rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_indexed():
    call_command("load_demo")
    search_rebuild()


def test_the_relevance_set_is_written_for_clients():
    written = cases()
    assert len(written) >= 60
    kinds = {case.kind for case in written}
    assert {"typo", "compound", "plural", "spoken", "loanword", "synonym"} <= kinds


def test_a_good_page_is_in_the_first_three_for_nine_in_ten_queries(demo_indexed):
    scores = measure()
    summary = scores.summary(f"database ({connection.vendor})")
    assert not scores.empty, summary
    assert scores.hit_at_3 >= 0.9, summary


def test_elasticsearch_too_finds_a_good_page_in_the_first_three_for_nine_in_ten_queries(
    elasticsearch, demo_indexed
):
    scores = measure()
    summary = scores.summary("elasticsearch")
    assert not scores.empty, summary
    assert scores.hit_at_3 >= 0.9, summary
