"""Elasticsearch 9 through ``elasticsearch.dsl``.

Each kind has one index behind two aliases, ``<prefix>-<kind>`` (read) and
``<prefix>-<kind>-write``; a rebuild fills a new index and swaps both aliases in one
atomic call, so searches never see a half-built index. The text analyzer is a setting
(``SEARCH_ELASTICSEARCH_ANALYZER``: ``dutch`` in production; the test distribution has
only ``standard``); a missing one is reported as such before any index is created.
Any transport or server error becomes ``SearchUnavailable``, so pages can fall back.

Findability works on the core of Elasticsearch alone (what `make test` runs): an
unstemmed vocabulary (``words``) for "Bedoelde je …?" and typos, Dutch stems made in
Python (``stems``, ``words.stem``) for word forms, and infix matching on them for the
parts of compounds. Where the cluster has the analysis-common module, titles and texts
also get a decompounded, stemmed sub-field. An index records its mapping version and which of the
two it has; one of another version is refused until ``search_rebuild`` replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
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
from .words import stem

# More than any caseload, catalog or team will have: terms aggregations return every
# bucket, so the counts are exact.
MAX_BUCKETS = 50_000
# Results counted exactly; beyond this a search says "more than" (counting every match
# of a common word costs more than finding the best ten).
MAX_COUNTED = 1_000
# Words of a query that are searched for (a query is at most 200 characters anyway).
MAX_WORDS = 12


# Every text a person searches is also copied, unstemmed, into ``words`` (the standard
# analyzer, in Elasticsearch's core): the vocabulary that suggestions and typo tolerance
# are matched against, whatever ``SEARCH_ELASTICSEARCH_ANALYZER`` does. ``stems`` holds
# the same words stemmed the Dutch way by this module (``stemmed``: the core has no Dutch
# stemmer), for word forms and the parts of compounds; neither is returned with a hit.
WORDS = Text(analyzer="standard")
STEMS = Text(analyzer="standard", index_prefixes={"min_chars": 2, "max_chars": 8})


class PageDocument(Document):
    type = Keyword()
    title = Text(copy_to="words")
    text = Text(copy_to="words")
    statements = Text(copy_to="words")
    topic_id = Integer()
    topic = Keyword()
    module_id = Integer()
    module = Text()
    language = Keyword()
    url = Keyword(index=False)
    words = WORDS
    stems = STEMS


class PostDocument(Document):
    title = Text(copy_to="words")
    text = Text(copy_to="words")
    author = Keyword()
    topic_id = Integer()
    module_id = Integer()
    module = Text()
    forum_id = Integer()
    forum_topic_id = Integer()
    created = Date()
    url = Keyword(index=False)
    words = WORDS
    stems = STEMS


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


class InitiativeDocument(Document):
    title = Text(copy_to="words")
    text = Text(copy_to="words")
    place = Keyword()
    postcode = Keyword()
    topics = Keyword()
    url = Keyword(index=False)
    words = WORDS
    stems = STEMS


DOCUMENT_CLASSES: dict[str, type[Document]] = {
    Kind.PAGE: PageDocument,
    Kind.POST: PostDocument,
    Kind.PROGRESS: ProgressDocument,
    Kind.INITIATIVE: InitiativeDocument,
}
TEXT_FIELDS = ["title^3", "statements^2", "module", "text"]
# On a cluster with analysis-common: the compound parts and stems of titles and texts.
PART_FIELDS = ["title.parts^3", "text.parts"]
# Bumped whenever the mapping or analysis changes: an index with another version is not
# used until ``search_rebuild`` replaces it (see ``ElasticsearchBackend._check_mapping``).
MAPPING_VERSION = 2
COMPOUND_PARTS = Path(__file__).resolve().parent.parent / "compound_parts.txt"


def compound_parts() -> list[str]:
    """The word list of the decompounder (``search/compound_parts.txt``)."""
    lines = COMPOUND_PARTS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def index_body(
    kind: str, *, analyzer: str, full_analysis: bool, shards: int, replicas: int
) -> dict[str, Any]:
    """Settings and mappings of a new index of ``kind``. Every text field uses
    ``analyzer``; with ``full_analysis`` (the cluster has analysis-common) titles and
    texts also get a ``parts`` sub-field that splits compounds into the words of
    ``compound_parts()`` and stems them the Dutch way, so "sollicitatiebrieven" and
    "motivatiebrief" share "brief". The ``_meta`` says which it is and the version."""
    index = Index("unnamed")
    index.document(DOCUMENT_CLASSES[kind])
    body = index.to_dict()
    analysis: dict[str, Any] = {"analyzer": {"default": {"type": analyzer}}}
    if full_analysis:
        analysis["filter"] = {
            "nl_stop": {"type": "stop", "stopwords": "_dutch_"},
            "nl_parts": {
                "type": "dictionary_decompounder",
                "word_list": compound_parts(),
                "min_subword_size": 4,
            },
            "nl_stem": {"type": "stemmer", "language": "dutch"},
        }
        analysis["analyzer"]["nl_parts"] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "nl_stop", "nl_parts", "nl_stem"],
        }
        properties = body["mappings"]["properties"]
        for name in ("title", "text"):
            if name in properties:
                properties[name]["fields"] = {"parts": {"type": "text", "analyzer": "nl_parts"}}
    body["settings"] = {
        "number_of_shards": shards,
        "number_of_replicas": replicas,
        "analysis": analysis,
    }
    body["mappings"]["_source"] = {"excludes": ["stems"]}
    body["mappings"]["_meta"] = {
        "version": MAPPING_VERSION,
        "analysis": "full" if full_analysis else "core",
    }
    return body


# --- the query of a text search ------------------------------------------------------

# Word parts shorter than this match too much ("ing", "ver").
MIN_PART = 4
# Words at least this long may be compounds: their parts are searched loosely.
MIN_COMPOUND = 8
# Weights of the looser forms of a word, below the word itself (the wildcards' and
# prefixes' are their whole score).
STEM_BOOST = 0.8
INFIX_BOOST = 0.4
PART_BOOST = 0.6


def stemmed(text: str) -> str:
    """Every word of ``text``, stemmed, for the ``stems`` field."""
    return " ".join(stem(word) for word in re.findall(r"\w+", text))


def _word_clause(word: str, *, loose: bool, full: bool) -> dict[str, Any]:
    """One word of the query, matched in its best form: the word itself in every field
    (the title weighs most); its stem; any word it is part of (a Dutch compound ends in
    its main word: "toeslag" in "huurtoeslag"); with ``full``, the decompounded and
    stemmed sub-fields. ``loose`` adds typos and the parts of a compound the word is
    ("sollicitatiebrief": "brief", "sollicitatie"), each weighing as much as it is long."""
    forms: list[dict[str, Any]] = [{"multi_match": {"query": word, "fields": TEXT_FIELDS}}]
    if full:
        forms.append({"multi_match": {"query": word, "fields": PART_FIELDS}})
    base = stem(word)
    forms.append({"match": {"stems": {"query": base, "boost": STEM_BOOST}}})
    # Only letters: anything else would be wildcard syntax.
    if len(base) >= MIN_PART and base.isalpha():
        forms.append({"wildcard": {"stems": {"value": f"*{base}*", "boost": INFIX_BOOST}}})
        if loose and len(base) >= MIN_COMPOUND:
            # The best first part and the best last part add up: a page with both
            # "energie" and "rekening" answers "energierekening" better than either.
            cuts = range(MIN_PART, len(base) - MIN_PART + 1)
            heads = [
                {"prefix": {"stems": {"value": base[:cut], "boost": PART_BOOST * cut / len(base)}}}
                for cut in cuts
            ]
            tails = [
                {
                    "wildcard": {
                        "stems": {
                            "value": f"*{base[cut:]}*",
                            "boost": PART_BOOST * (len(base) - cut) / len(base),
                        }
                    }
                }
                for cut in cuts
            ]
            forms.append(
                {
                    "bool": {
                        "should": [{"dis_max": {"queries": heads}}, {"dis_max": {"queries": tails}}]
                    }
                }
            )
    if loose:
        typos = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20}
        forms.append({"match": {"words": {"query": word, **typos}}})
    return {"dis_max": {"queries": forms}}


def text_parts(
    text: str, synonyms: tuple[tuple[str, ...], ...], *, loose: bool, full: bool
) -> tuple[list[dict[str, Any]], list[str]]:
    """The parts of the query for ``text`` (one per synonym group found in it, one per
    other word, at most ``MAX_WORDS``) and every phrase searched, for highlighting. A
    group matches when any of its phrases does, as a phrase (a word or two may come
    between: "de eindjes aan elkaar te knopen")."""
    parts = []
    phrases: list[str] = []
    for group in synonyms:
        pattern = re.compile(rf"(?<!\w){re.escape(group[0])}(?!\w)", re.IGNORECASE)
        if not pattern.search(text):
            continue
        text = pattern.sub(" ", text, count=1)
        parts.append(
            {
                "dis_max": {
                    "queries": [
                        _word_clause(phrase, loose=loose, full=full)
                        if len(phrase.split()) == 1
                        else {
                            "multi_match": {
                                "query": phrase,
                                "fields": TEXT_FIELDS,
                                "type": "phrase",
                                "slop": 2,
                            }
                        }
                        for phrase in group
                    ]
                }
            }
        )
        phrases.extend(group)
    words = text.split()[: max(MAX_WORDS - len(parts), 0)]
    parts.extend(_word_clause(word, loose=loose, full=full) for word in words)
    return parts, [*words, *phrases]


def corrected_text(
    text: str, suggested: list[dict[str, Any]], synonyms: tuple[tuple[str, ...], ...] = ()
) -> str:
    """``text`` with each word the term suggester found in no document replaced by the
    closest word that is in one; "" when there is nothing to replace. The words of a
    phrase that has synonyms stay: the editors know them as words."""
    known = {word.lower() for group in synonyms for word in group[0].split()}
    changed = text
    # From the end, so the offsets of the words before stay right.
    for entry in sorted(suggested, key=lambda entry: entry["offset"], reverse=True):
        if entry["options"] and entry["text"] not in known:
            start = entry["offset"]
            changed = (
                changed[:start] + entry["options"][0]["text"] + changed[start + entry["length"] :]
            )
    return changed if changed != text else ""


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
        self._analysis_common: bool | None = None
        # Per kind: whether its index has the ``parts`` sub-fields (analysis-common).
        self._full: dict[str, bool] = {}

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

    def has_analysis_common(self) -> bool:
        """Whether the cluster has the analysis-common module (decompounder, stemmers):
        the full distribution has it, the integration-test distribution does not."""
        if self._analysis_common is None:
            try:
                self.client.indices.analyze(
                    tokenizer="standard",
                    filter=[{"type": "dictionary_decompounder", "word_list": ["brief"]}],
                    text="motivatiebrief",
                )
                self._analysis_common = True
            except ApiError as error:
                if error.status_code != 400:
                    raise _unavailable(error) from error
                self._analysis_common = False
            except TransportError as error:
                raise _unavailable(error) from error
        return self._analysis_common

    def _new_index(self, kind: str, *, name: str | None = None, aliased: bool = False) -> str:
        """Create an index for ``kind`` (named by the time unless ``name`` is given), with
        both aliases already on it when ``aliased``."""
        self.check_analyzer()
        name = name or f"{self.alias(kind)}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        full = self.has_analysis_common()
        body = index_body(
            kind,
            analyzer=settings.SEARCH_ELASTICSEARCH_ANALYZER,
            full_analysis=full,
            shards=settings.SEARCH_ELASTICSEARCH_SHARDS,
            replicas=settings.SEARCH_ELASTICSEARCH_REPLICAS,
        )
        if aliased:
            body["aliases"] = {self.alias(kind): {}, self.write_alias(kind): {}}
        self.client.indices.create(index=name, **body)
        return name

    def _check_mapping(self, kind: str) -> None:
        """Remember how the index behind the alias analyses text; raise
        ``SearchConfigurationError`` when it was built for another mapping version
        (searches fall back to the database and writes wait in the outbox until
        ``search_rebuild`` swaps in an index with this one)."""
        for name, index in self.client.indices.get_mapping(index=self.alias(kind)).items():
            meta = index["mappings"].get("_meta", {})
            if meta.get("version") != MAPPING_VERSION:
                raise SearchConfigurationError(
                    f"The Elasticsearch index {name} has mapping version "
                    f"{meta.get('version')}, this code needs {MAPPING_VERSION}: run "
                    "`manage.py search_rebuild`."
                )
            self._full[kind] = meta["analysis"] == "full"

    def ensure_index(self, kind: str) -> None:
        """Create the first index of ``kind`` and its aliases when there are none yet;
        check that an existing one has this code's mapping."""
        if kind in self._ready:
            return
        try:
            if not self.client.indices.exists_alias(name=self.alias(kind)):
                try:
                    # A fixed name, index and aliases in one call: of two processes
                    # starting at once, one creates it and the other is told it exists.
                    self._new_index(kind, name=f"{self.alias(kind)}-initial", aliased=True)
                except ApiError as error:
                    if error.error != "resource_already_exists_exception":
                        raise
            self._check_mapping(kind)
        except (ApiError, TransportError) as error:
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
            if "text" in source:  # pages and posts
                texts = [source["title"], source["text"], *source.get("statements", [])]
                source["stems"] = stemmed(" ".join(texts))
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
            self._check_mapping(kind)
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

    def _text_search(
        self, kind: str, query: TextQuery, text: str, *, loose: bool, suggest: bool = False
    ) -> dict:
        filters: list[dict[str, Any]] = []
        if query.topic_id is not None:
            filters.append({"term": {"topic_id": query.topic_id}})
        if query.forum_id is not None:
            filters.append({"term": {"forum_id": query.forum_id}})
        if query.area:
            filters.append({"prefix": {"postcode": query.area}})
        parts, phrases = text_parts(
            text, query.synonyms, loose=loose, full=self._full.get(kind, False)
        )
        # The words together rank first. multi_match has no query syntax: quotes,
        # operators and wildcards are just text.
        phrase = {"multi_match": {"query": text, "fields": TEXT_FIELDS, "type": "phrase"}}
        body: dict[str, Any] = {}
        if suggest:
            # Words that are in no document, each with the closest word that is.
            body["suggest"] = {
                "text": text,
                "words": {"term": {"field": "words", "suggest_mode": "missing", "size": 1}},
            }
        return self._search(
            kind,
            query={
                "bool": {
                    "filter": filters,
                    # As typed, one or two parts must all match, longer questions three
                    # in four; loosely, any part, the documents with most parts first.
                    "must": [
                        {
                            "bool": {
                                "should": parts,
                                "minimum_should_match": "1" if loose else "2<75%",
                            }
                        }
                    ],
                    "should": [phrase],
                }
            },
            highlight={
                # Highlighting a fuzzy query re-runs its automata over every shown text
                # (measured: ten times the search itself); the words as typed suffice.
                "highlight_query": {
                    "multi_match": {"query": " ".join(phrases), "fields": ["title", "text"]}
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
            **body,
        )

    def search(self, kind: str, query: TextQuery) -> TextHits:
        # The words as typed (their forms and the compounds they are part of), with the
        # closest known word for each unknown one. Only when that finds nothing: the
        # corrected words, then loosely (typos, parts of compounds, any part of the
        # question), which costs several times more and most searches do not need.
        self.ensure_index(kind)
        result = self._text_search(kind, query, query.text, loose=False, suggest=True)
        suggested = result.get("suggest", {}).get("words", [])
        suggestion = corrected_text(query.text, suggested, query.synonyms)
        corrected = ""
        if not result["hits"]["total"]["value"] and suggestion:
            result = self._text_search(kind, query, suggestion, loose=False)
            if result["hits"]["total"]["value"]:
                corrected, suggestion = suggestion, ""
        partial = not result["hits"]["total"]["value"]
        if partial:
            result = self._text_search(kind, query, query.text, loose=True)
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
        return TextHits(
            total=total["value"],
            hits=hits,
            more=total["relation"] == "gte",
            partial=partial,
            corrected=corrected,
            suggestion=suggestion,
        )

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
