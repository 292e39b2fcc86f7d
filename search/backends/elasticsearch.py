"""Elasticsearch 9 through ``elasticsearch.dsl``.

Each kind has one index behind two aliases, ``<prefix>-<kind>`` (read) and
``<prefix>-<kind>-write``; a rebuild fills a new index and swaps both aliases in one
atomic call, so searches never see a half-built index. The text analyzer is a setting
(``SEARCH_ELASTICSEARCH_ANALYZER``: ``dutch`` in production; the test distribution has
only ``standard``); a missing one is reported as such before any index is created.
Any transport or server error becomes ``SearchUnavailable``, so pages can fall back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from elasticsearch.dsl import Boolean, Date, Document, Index, Integer, Keyword, Text

from ..models import Kind
from .base import (
    MARK_END,
    MARK_START,
    ClientMatches,
    ClientQuery,
    ProgressCounts,
    SearchBackend,
    SearchConfigurationError,
    SearchUnavailable,
    TextHits,
    TextQuery,
    clean_text,
    safe_snippet,
)

# More than any caseload, catalog or team will have: terms aggregations return every
# bucket, so the counts are exact.
MAX_BUCKETS = 50_000
# Results counted exactly; beyond this a search says "more than" (counting every match
# of a common word costs more than finding the best ten).
MAX_COUNTED = 1_000
# Words of a query that are searched for (a query is at most 200 characters anyway).
MAX_WORDS = 12


class PageDocument(Document):
    type = Keyword()
    title = Text()
    text = Text()
    statements = Text()
    topic_id = Integer()
    topic = Keyword()
    module_id = Integer()
    module = Text()
    language = Keyword()
    url = Keyword(index=False)


class PostDocument(Document):
    title = Text()
    text = Text()
    author = Keyword()
    topic_id = Integer()
    module_id = Integer()
    module = Text()
    forum_id = Integer()
    forum_topic_id = Integer()
    created = Date()
    url = Keyword(index=False)


class ProgressDocument(Document):
    client_id = Integer()
    topic_id = Integer()
    viewers = Integer()
    teams = Integer()
    started = Boolean()
    modules_started = Integer()
    modules_done = Integer()
    statements = Integer()
    last_active = Date()


DOCUMENT_CLASSES: dict[str, type[Document]] = {
    Kind.PAGE: PageDocument,
    Kind.POST: PostDocument,
    Kind.PROGRESS: ProgressDocument,
}
TEXT_FIELDS = ["title^3", "statements^2", "module", "text"]


def _unavailable(error: Exception) -> SearchUnavailable:
    return SearchUnavailable(f"Elasticsearch: {error}")


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self) -> None:
        self.client = Elasticsearch(
            settings.SEARCH_ELASTICSEARCH_URL,
            request_timeout=settings.SEARCH_ELASTICSEARCH_TIMEOUT,
            max_retries=0,
        )
        self.prefix = settings.SEARCH_INDEX_PREFIX
        self._ready: set[str] = set()

    # --- names and index management -------------------------------------------------

    def alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}"

    def write_alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}-write"

    def check_analyzer(self) -> None:
        """Raise ``SearchConfigurationError`` unless the cluster has the configured analyzer."""
        analyzer = settings.SEARCH_ELASTICSEARCH_ANALYZER
        try:
            self.client.indices.analyze(analyzer=analyzer, text="fietsen")
        except ApiError as error:
            if error.status_code == 400:
                raise SearchConfigurationError(
                    f"Elasticsearch has no analyzer {analyzer!r} (is the analysis-common "
                    "module installed?). Set SEARCH_ELASTICSEARCH_ANALYZER to one it has, "
                    "such as 'standard'."
                ) from error
            raise _unavailable(error) from error
        except TransportError as error:
            raise _unavailable(error) from error

    def _new_index(self, kind: str, *, name: str | None = None, aliased: bool = False) -> str:
        """Create an index for ``kind`` (named by the time unless ``name`` is given), with
        both aliases already on it when ``aliased``."""
        self.check_analyzer()
        name = name or f"{self.alias(kind)}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        index = Index(name, using=self.client)
        index.settings(
            number_of_shards=settings.SEARCH_ELASTICSEARCH_SHARDS,
            number_of_replicas=settings.SEARCH_ELASTICSEARCH_REPLICAS,
            # Every text field uses the configured analyzer.
            analysis={"analyzer": {"default": {"type": settings.SEARCH_ELASTICSEARCH_ANALYZER}}},
        )
        if aliased:
            index.aliases(**{self.alias(kind): {}, self.write_alias(kind): {}})
        index.document(DOCUMENT_CLASSES[kind])
        index.create()
        return name

    def ensure_index(self, kind: str) -> None:
        """Create the first index of ``kind`` and its aliases when there are none yet."""
        if kind in self._ready:
            return
        try:
            if not self.client.indices.exists_alias(name=self.alias(kind)):
                # A fixed name, index and aliases in one call: of two processes starting
                # at once, one creates it and the other is told it exists.
                self._new_index(kind, name=f"{self.alias(kind)}-initial", aliased=True)
        except ApiError as error:
            if error.error != "resource_already_exists_exception":
                raise _unavailable(error) from error
        except TransportError as error:
            raise _unavailable(error) from error
        self._ready.add(kind)

    def drop(self, kind: str) -> None:
        """Delete every index of ``kind`` (wildcards are refused by default, so by name)."""
        for name in self.client.indices.get(index=f"{self.alias(kind)}-*"):
            self.client.indices.delete(index=name)
        self._ready.discard(kind)

    # --- writing ----------------------------------------------------------------------

    def _actions(
        self, index: str, docs: list[dict], deleted_ids: list[str]
    ) -> Iterator[dict[str, Any]]:
        for doc in docs:
            source = {key: value for key, value in doc.items() if key != "id"}
            for field in ("title", "text"):
                if field in source:
                    source[field] = clean_text(source[field])
            yield {"_op_type": "index", "_index": index, "_id": doc["id"], "_source": source}
        for doc_id in deleted_ids:
            yield {"_op_type": "delete", "_index": index, "_id": doc_id}

    def _bulk(self, index: str, docs: list[dict], deleted_ids: list[str]) -> None:
        try:
            _, errors = helpers.bulk(
                self.client,
                self._actions(index, docs, deleted_ids),
                raise_on_error=False,
                refresh=settings.SEARCH_ELASTICSEARCH_REFRESH,
            )
        except (ApiError, TransportError) as error:
            raise _unavailable(error) from error
        # Deleting what is not there is fine; anything else is not. (``errors`` is a list,
        # not a count, with raise_on_error=False.)
        failed = [e for e in errors if e.get("delete", {}).get("status") != 404]  # type: ignore[union-attr]
        if failed:
            raise SearchUnavailable(f"Elasticsearch refused {len(failed)} documents: {failed[:3]}")

    def bulk(self, kind: str, docs: list[dict], deleted_ids: list[str]) -> None:
        if not docs and not deleted_ids:
            return
        self.ensure_index(kind)
        self._bulk(self.write_alias(kind), docs, deleted_ids)

    def rebuild(self, kind: str, batches: Iterable[list[dict]]) -> int:
        try:
            name = self._new_index(kind)
            total = 0
            for docs in batches:
                self._bulk(name, docs, [])
                total += len(docs)
            self.client.indices.refresh(index=name)
            old = (
                list(self.client.indices.get_alias(name=self.alias(kind)))
                if self.client.indices.exists_alias(name=self.alias(kind))
                else []
            )
            actions = [
                {"add": {"index": name, "alias": self.alias(kind)}},
                {"add": {"index": name, "alias": self.write_alias(kind)}},
            ] + [{"remove_index": {"index": index}} for index in old]
            self.client.indices.update_aliases(actions=actions)
        except (ApiError, TransportError) as error:
            raise _unavailable(error) from error
        self._ready.add(kind)
        return total

    def count(self, kind: str) -> int:
        try:
            if not self.client.indices.exists_alias(name=self.alias(kind)):
                return 0
            return self.client.count(index=self.alias(kind))["count"]
        except (ApiError, TransportError) as error:
            raise _unavailable(error) from error

    def _search(self, kind: str, **body: Any) -> dict:
        self.ensure_index(kind)
        try:
            return self.client.search(index=self.alias(kind), **body).body
        except (ApiError, TransportError) as error:
            raise _unavailable(error) from error

    # --- reading: pages and posts -----------------------------------------------------

    def _text_search(self, kind: str, query: TextQuery, *, fuzzy: bool) -> dict:
        filters = []
        if query.topic_id is not None:
            filters.append({"term": {"topic_id": query.topic_id}})
        if query.forum_id is not None:
            filters.append({"term": {"forum_id": query.forum_id}})
        # One clause per word, each matching any field (with ``fuzzy``, typos tolerated
        # but the first letter right, which keeps it cheap); one or two words must all
        # match, longer questions three in four. multi_match has no query syntax:
        # quotes, operators and wildcards are just text.
        typos = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20} if fuzzy else {}
        words = [
            {"multi_match": {"query": word, "fields": TEXT_FIELDS, **typos}}
            for word in query.text.split()[:MAX_WORDS]
        ]
        phrase = {"multi_match": {"query": query.text, "fields": TEXT_FIELDS, "type": "phrase"}}
        return self._search(
            kind,
            query={
                "bool": {
                    "filter": filters,
                    "must": [{"bool": {"should": words, "minimum_should_match": "2<75%"}}],
                    "should": [phrase],  # the words together rank first
                }
            },
            highlight={
                # Highlighting a fuzzy query re-runs its automata over every shown text
                # (measured: ten times the search itself); the words as typed suffice.
                "highlight_query": {
                    "multi_match": {"query": query.text, "fields": ["title", "text"]}
                },
                "pre_tags": [MARK_START],
                "post_tags": [MARK_END],
                "fields": {
                    "title": {"number_of_fragments": 0},
                    "text": {"fragment_size": 180, "number_of_fragments": 1, "no_match_size": 180},
                },
            },
            from_=query.offset,
            size=query.limit,
            track_total_hits=MAX_COUNTED,
        )

    def search(self, kind: str, query: TextQuery) -> TextHits:
        # Exact words first; only when they find nothing, again with typos tolerated
        # (fuzzy matching costs several times more, and most people spell it right).
        result = self._text_search(kind, query, fuzzy=False)
        if not result["hits"]["total"]["value"]:
            result = self._text_search(kind, query, fuzzy=True)
        hits = []
        for hit in result["hits"]["hits"]:
            marked = hit.get("highlight", {})
            source = hit["_source"]
            hits.append(
                {
                    **source,
                    "id": hit["_id"],
                    "title_html": safe_snippet((marked.get("title") or [source["title"]])[0]),
                    "snippet_html": safe_snippet((marked.get("text") or [""])[0]),
                }
            )
        total = result["hits"]["total"]
        return TextHits(total=total["value"], hits=hits, more=total["relation"] == "gte")

    # --- reading: progress --------------------------------------------------------------

    def _client_ids(self, *filters: dict[str, Any]) -> set[int]:
        result = self._search(
            Kind.PROGRESS,
            query={"bool": {"filter": list(filters)}},
            size=0,
            aggs={"clients": {"terms": {"field": "client_id", "size": MAX_BUCKETS}}},
        )
        return {bucket["key"] for bucket in result["aggregations"]["clients"]["buckets"]}

    def clients(self, query: ClientQuery) -> ClientMatches:
        mine = {"term": {"viewers": query.worker_id}}
        client_ids = self._client_ids(mine)
        if query.not_started_topic_id is not None:
            client_ids &= self._client_ids(
                mine,
                {"term": {"topic_id": query.not_started_topic_id}},
                {"term": {"started": False}},
            )
        if query.started_topic_id is not None:
            client_ids &= self._client_ids(
                mine, {"term": {"topic_id": query.started_topic_id}}, {"term": {"started": True}}
            )
        if query.statement_id is not None:
            client_ids &= self._client_ids(mine, {"term": {"statements": query.statement_id}})
        if query.active_since is not None:
            client_ids -= self._client_ids(
                mine, {"range": {"last_active": {"gte": query.active_since.isoformat()}}}
            )
        result = self._search(
            Kind.PROGRESS,
            query={
                "bool": {
                    "filter": [
                        mine,
                        {"terms": {"client_id": sorted(client_ids)}},
                        {"term": {"started": True}},
                    ]
                }
            },
            size=0,
            aggs={"topics": {"terms": {"field": "topic_id", "size": MAX_BUCKETS}}},
        )
        per_topic = {b["key"]: b["doc_count"] for b in result["aggregations"]["topics"]["buckets"]}
        return ClientMatches(client_ids=client_ids, started_per_topic=per_topic)

    def aggregate(
        self, *, viewer_id: int | None = None, team_ids: list[int] | None = None
    ) -> ProgressCounts:
        scope: dict[str, Any]
        if viewer_id is not None:
            scope = {"term": {"viewers": viewer_id}}
        else:  # then team_ids is given (the contract)
            scope = {"terms": {"teams": [getattr(team, "pk", team) for team in team_ids]}}  # type: ignore[union-attr]

        def terms(field: str) -> dict[str, Any]:
            return {"terms": {"field": field, "size": MAX_BUCKETS}}

        result = self._search(
            Kind.PROGRESS,
            query={"bool": {"filter": [scope]}},
            size=0,
            aggs={
                "topics": terms("topic_id"),
                "started": terms("modules_started"),
                "done": terms("modules_done"),
                "statements": terms("statements"),
            },
        )
        aggs = result["aggregations"]

        def counts(name: str) -> dict[int, int]:
            return {bucket["key"]: bucket["doc_count"] for bucket in aggs[name]["buckets"]}

        return ProgressCounts(
            clients_per_topic=counts("topics"),
            started_per_module=counts("started"),
            completed_per_module=counts("done"),
            achieved_per_statement=counts("statements"),
        )
