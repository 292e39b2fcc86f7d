"""The embedded default: an index table in the database itself.

Pages and posts live in ``IndexEntry``. On PostgreSQL they are matched with full-text
search (``SEARCH_DATABASE_CONFIG``, Dutch by default: stemming and stop words) and
ranked, with highlighted snippets from ``ts_headline``; on SQLite every word must occur
in the title or text (no stemming, no typo tolerance). Progress is not copied at all:
the summaries in ``learning`` already are the index, so it is read from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Count, F, Func, OuterRef, Q, QuerySet, Subquery

from learning.models import ModuleSummary, StatementAchieved, Topic
from learning.selectors import catalog
from team.models import TeamLink
from team.permissions import active_links, in_team_scope, in_worker_scope

from ..models import IndexEntry, Kind
from .base import (
    MARK_END,
    MARK_START,
    ClientMatches,
    ClientQuery,
    ProgressCounts,
    SearchBackend,
    TextHits,
    TextQuery,
    clean_text,
    safe_snippet,
)

SNIPPET_CHARS = 180


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _entry(kind: str, doc: dict) -> IndexEntry:
    extra = " ".join(doc.get("statements", []) + [doc.get("module", ""), doc.get("author", "")])
    return IndexEntry(
        kind=kind,
        doc_id=doc["id"],
        title=clean_text(doc["title"])[:300],
        text=clean_text(f"{doc['text']} {extra}"),
        topic_id=doc.get("topic_id"),
        module_id=doc.get("module_id"),
        forum_id=doc.get("forum_id"),
        data=doc,
    )


def _mark_words(text: str, words: list[str]) -> str:
    """``text`` with each occurrence of ``words`` between the highlight markers."""
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", text)


def _window(text: str, words: list[str]) -> str:
    """About ``SNIPPET_CHARS`` of ``text`` around the first word found."""
    lowered = text.lower()
    found = [lowered.find(word.lower()) for word in words]
    first = min((at for at in found if at >= 0), default=0)
    start = max(0, first - SNIPPET_CHARS // 3)
    snippet = text[start : start + SNIPPET_CHARS]
    return ("… " if start else "") + snippet + (" …" if start + SNIPPET_CHARS < len(text) else "")


class DatabaseBackend(SearchBackend):
    name = "database"

    # --- pages and posts -----------------------------------------------------------

    def bulk(self, kind: str, docs: list[dict], deleted_ids: list[str]) -> None:
        if kind == Kind.PROGRESS:
            return  # read from the summaries themselves
        with transaction.atomic():
            if deleted_ids:
                IndexEntry.objects.filter(kind=kind, doc_id__in=deleted_ids).delete()
            if docs:
                IndexEntry.objects.bulk_create(
                    [_entry(kind, doc) for doc in docs],
                    update_conflicts=True,
                    unique_fields=["kind", "doc_id"],
                    update_fields=["title", "text", "topic_id", "module_id", "forum_id", "data"],
                )
                self._vectorise(
                    IndexEntry.objects.filter(kind=kind, doc_id__in=[d["id"] for d in docs])
                )

    def _vectorise(self, entries: QuerySet[IndexEntry]) -> None:
        if _postgres():
            config = settings.SEARCH_DATABASE_CONFIG
            entries.update(
                search_vector=SearchVector("title", weight="A", config=config)
                + SearchVector("text", weight="B", config=config)
            )

    def rebuild(self, kind: str, batches: Iterable[list[dict]]) -> int:
        if kind == Kind.PROGRESS:
            return 0
        # One transaction: searches see the old index until the new one is complete.
        total = 0
        with transaction.atomic():
            IndexEntry.objects.filter(kind=kind).delete()
            for docs in batches:
                IndexEntry.objects.bulk_create([_entry(kind, doc) for doc in docs])
                total += len(docs)
            self._vectorise(IndexEntry.objects.filter(kind=kind))
        return total

    def count(self, kind: str) -> int:
        if kind == Kind.PROGRESS:
            return (
                TeamLink.objects.filter(ended_at__isnull=True).values("client").distinct().count()
            )
        return IndexEntry.objects.filter(kind=kind).count()

    def search(self, kind: str, query: TextQuery) -> TextHits:
        entries = IndexEntry.objects.filter(kind=kind)
        if query.topic_id is not None:
            entries = entries.filter(topic_id=query.topic_id)
        if query.forum_id is not None:
            entries = entries.filter(forum_id=query.forum_id)
        if _postgres():
            return self._search_postgres(entries, query)
        return self._search_words(entries, query)

    def _search_postgres(self, entries: QuerySet[IndexEntry], query: TextQuery) -> TextHits:
        config = settings.SEARCH_DATABASE_CONFIG
        # websearch_to_tsquery accepts anything a person types: quotes, -, "or".
        ts_query = SearchQuery(query.text, config=config, search_type="websearch")
        entries = entries.filter(search_vector=ts_query)
        total = entries.count()
        headline = {"start_sel": MARK_START, "stop_sel": MARK_END, "config": config}
        rows = (
            entries.annotate(
                rank=SearchRank(F("search_vector"), ts_query),
                title_marked=SearchHeadline("title", ts_query, highlight_all=True, **headline),
                text_marked=SearchHeadline(
                    "text", ts_query, max_words=30, min_words=12, max_fragments=1, **headline
                ),
            )
            .order_by("-rank", "-pk")
            .values("data", "title_marked", "text_marked")[
                query.offset : query.offset + query.limit
            ]
        )
        return TextHits(
            total=total,
            hits=[
                {
                    **row["data"],
                    "title_html": safe_snippet(row["title_marked"]),
                    "snippet_html": safe_snippet(row["text_marked"]),
                }
                for row in rows
            ],
        )

    def _search_words(self, entries: QuerySet[IndexEntry], query: TextQuery) -> TextHits:
        words = query.text.replace('"', " ").split()[:10]
        for word in words:
            entries = entries.filter(Q(title__icontains=word) | Q(text__icontains=word))
        total = entries.count()
        rows = entries.order_by("-pk").values("data", "title", "text")[
            query.offset : query.offset + query.limit
        ]
        return TextHits(
            total=total,
            hits=[
                {
                    **row["data"],
                    "title_html": safe_snippet(_mark_words(row["title"], words)),
                    "snippet_html": safe_snippet(_mark_words(_window(row["text"], words), words)),
                }
                for row in rows
            ],
        )

    # --- progress, from the summaries -----------------------------------------------

    def clients(self, query: ClientQuery) -> ClientMatches:
        links = active_links(worker=query.worker_id)
        client_ids = set(links.values_list("client_id", flat=True))
        live = list(catalog().modules)
        in_scope = ModuleSummary.objects.filter(
            in_worker_scope(worker=query.worker_id), module_id__in=live
        )

        def covering(topic_id: int) -> set[int]:
            return set(
                links.filter(Q(all_topics=True) | Q(topics=topic_id)).values_list(
                    "client_id", flat=True
                )
            )

        def started(topic_id: int) -> set[int]:
            return set(in_scope.filter(topic_id=topic_id).values_list("user_id", flat=True))

        if query.not_started_topic_id is not None:
            topic = query.not_started_topic_id
            client_ids &= covering(topic) - started(topic)
        if query.started_topic_id is not None:
            client_ids &= started(query.started_topic_id)
        if query.statement_id is not None:
            client_ids &= set(
                StatementAchieved.objects.filter(
                    in_worker_scope(worker=query.worker_id),
                    statement_id=query.statement_id,
                    module_id__in=live,
                ).values_list("user_id", flat=True)
            )
        if query.active_since is not None:
            client_ids -= set(
                in_scope.filter(last_activity_at__gte=query.active_since).values_list(
                    "user_id", flat=True
                )
            )
        per_topic = dict(
            in_scope.filter(user_id__in=client_ids)
            .values("topic_id")
            .annotate(n=Count("user_id", distinct=True))
            .values_list("topic_id", "n")
        )
        return ClientMatches(client_ids=client_ids, started_per_topic=per_topic)

    def aggregate(
        self, *, viewer_id: int | None = None, team_ids: list[int] | None = None
    ) -> ProgressCounts:
        if viewer_id is not None:
            in_scope = in_worker_scope(worker=viewer_id)
            links = active_links(worker=viewer_id)
        else:  # then team_ids is given (the contract)
            in_scope = in_team_scope(teams=team_ids)  # type: ignore[arg-type]
            links = TeamLink.objects.filter(ended_at__isnull=True, worker__teams__in=team_ids)  # type: ignore[misc]
        live = catalog()
        modules = (
            ModuleSummary.objects.filter(in_scope, module_id__in=list(live.modules))
            .values("module_id")
            .annotate(
                # One row per (user, module) and the scope is a semi-join: plain counts
                # are counts of clients (DISTINCT made PostgreSQL sort 6M rows to disk).
                started=Count("pk"),
                completed=Count("pk", filter=Q(completed=True)),
            )
        )
        statements = (
            StatementAchieved.objects.filter(in_scope, module_id__in=list(live.modules))
            .values("statement_id")
            .annotate(n=Count("pk"))  # one row per (user, statement)
            .values_list("statement_id", "n")
        )
        # Per topic, the distinct clients whose link covers it (a client linked to two
        # workers of a team counts once), in one query.
        covering = links.filter(Q(all_topics=True) | Q(topics=OuterRef("pk"))).values("client")
        distinct_clients = Func(
            F("client"), function="COUNT", template="%(function)s(DISTINCT %(expressions)s)"
        )
        clients_per_topic = {
            pk: n
            for pk, n in Topic.objects.filter(pk__in=[t.id for t in live.topics])
            .annotate(n=Subquery(covering.annotate(n=distinct_clients).values("n")[:1]))
            .values_list("pk", "n")
            if n
        }
        return ProgressCounts(
            clients_per_topic=clients_per_topic,
            started_per_module={row["module_id"]: row["started"] for row in modules},
            completed_per_module={
                row["module_id"]: row["completed"] for row in modules if row["completed"]
            },
            achieved_per_statement=dict(statements),
        )
