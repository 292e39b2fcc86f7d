"""Findability on Elasticsearch only (the real cluster of `make test`): an index with an
older mapping is replaced by a rebuild, and changes wait for it. What every backend finds
is in the contract (``test_search_contract``)."""

import pytest

from search.backends import SearchConfigurationError
from search.backends import elasticsearch as es
from search.models import Kind, OutboxEntry
from search.services import outbox_drain, search_rebuild

from .test_search_contract import LETTER, ids, search

pytestmark = pytest.mark.django_db


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


def test_changes_wait_in_the_outbox_for_the_rebuild_of_an_older_index(elasticsearch, module):
    old_index(elasticsearch, Kind.PAGE)
    with pytest.raises(SearchConfigurationError):
        outbox_drain()
    pages = OutboxEntry.objects.filter(kind=Kind.PAGE)
    assert pages.exists() and not pages.filter(elasticsearch_done_at__isnull=False).exists()
    search_rebuild(kinds=[Kind.PAGE], backends=[elasticsearch])
    assert not pages.filter(elasticsearch_done_at__isnull=True).exists()
    assert ids(search(elasticsearch, module.title)) and elasticsearch.count(Kind.PAGE) == 4
