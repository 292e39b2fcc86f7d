"""The embedded default: an index table in the database itself.

Pages and posts live in ``IndexEntry``, and their words in ``IndexWord`` (the
vocabulary). A query is cut into parts (``_terms``): a phrase with synonyms from the
editors' setting is one part (any of its phrases matches), every other word that is not
a stop word is one (its plural and diminutive forms and the indexed words with its
Dutch stem, ``words.stem``, match too; a compound the index does not have matches when
its parts do, or its last part). Documents with every part come first, best
first; when none has all, those with the most parts. A word the index does not know at
all is corrected to the closest indexed word: that correction is searched instead when
the typed words found nothing together, else offered ("Bedoelde je …?").

On PostgreSQL parts are matched with full-text search (``SEARCH_DATABASE_CONFIG``,
Dutch by default: stemming and stop words) by prefix and by the indexed words that
contain them, ranked by ``ts_rank``, with highlighted snippets from ``ts_headline``;
corrections come from trigram similarity (``pg_trgm``). On SQLite a part matches as
text inside the title or text and is ranked in Python; corrections come from
``difflib``. Progress is not copied at all: the summaries in ``learning`` already are
the index, so it is read from them.
"""

from __future__ import annotations

import difflib
import math
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import reduce
from typing import Any

from django.conf import settings
from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
)
from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from learning.models import ModuleSummary, StatementAchieved, Topic
from learning.selectors import catalog
from team.models import TeamLink
from team.permissions import active_links, in_team_scope, in_worker_scope

from ..models import IndexEntry, IndexWord, Kind
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
from .words import stem

SNIPPET_CHARS = 180
# Query words that say nothing about what is sought (PostgreSQL's Dutch configuration
# drops its own list; these are dropped on every database, so a spoken question like
# "hoe vraag ik bijstand aan" is about "vraag" and "bijstand").
STOP_WORDS = frozenset(
    [
        "aan",
        "al",
        "alle",
        "als",
        "ben",
        "bij",
        "dan",
        "dat",
        "de",
        "die",
        "dit",
        "doe",
        "doen",
        "door",
        "een",
        "en",
        "er",
        "ga",
        "gaan",
        "heb",
        "hebben",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "je",
        "jij",
        "jou",
        "kan",
        "kun",
        "kunnen",
        "maar",
        "me",
        "meer",
        "met",
        "mij",
        "mijn",
        "moet",
        "moeten",
        "na",
        "naar",
        "niet",
        "nog",
        "nu",
        "of",
        "om",
        "ons",
        "onze",
        "op",
        "te",
        "tot",
        "u",
        "uit",
        "van",
        "veel",
        "voor",
        "wat",
        "we",
        "wel",
        "welke",
        "wie",
        "wij",
        "wil",
        "ze",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zonder",
    ]
)
# Words shorter than this are not looked up inside other words or corrected.
MIN_PART = 4
# At most this many indexed words stand in for one query word on PostgreSQL.
MAX_EXPANSIONS = 30
# How close an indexed word must be to correct a word that is not indexed.
SQLITE_CUTOFF = 0.75
WORD = re.compile(r"[^\W\d_]{2,40}")


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


def _words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def _content(phrase: str) -> list[str]:
    """The words of ``phrase`` that say something (all of them if none does)."""
    words = _words(phrase)
    return [word for word in words if word not in STOP_WORDS] or words


def _forms(word: str) -> list[str]:
    """``word`` and the forms it may have in the text: a plural or diminutive stripped
    ("brieven" → "brief", "rekeningen" → "rekening", "banen" → "baan", "lijstje" →
    "lijst"). Rough on purpose: the forms only widen what matches."""
    forms = [word]
    if len(word) > 5:
        if word.endswith("ven"):
            forms.append(word[:-3] + "f")
        if word.endswith("zen"):
            forms.append(word[:-3] + "s")
        if word.endswith("en"):
            stem = word[:-2]
            forms.append(stem)
            if stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # bonnen → bon
            elif stem[-2] in "aeou" and stem[-3] not in "aeiou":
                forms.append(stem[:-1] + stem[-2] + stem[-1])  # banen → baan
        if word.endswith("tje"):
            forms.append(word[:-3])
        elif word.endswith("je"):
            forms.append(word[:-2])
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return list(dict.fromkeys(form for form in forms if form == word or len(form) >= 3))


class _Vocabulary:
    """The indexed words of one kind, asked only what a query needs."""

    def __init__(self, kind: str):
        self.kind = kind
        self._all: list[str] | None = None
        self._stems: dict[str, dict[str, None]] = {}  # stem: its words, in order

    def words(self) -> QuerySet[IndexWord]:
        return IndexWord.objects.filter(kind=self.kind)

    def containing(self, parts: list[str]) -> dict[str, list[str]]:
        """Per part (of at least ``MIN_PART`` letters), the indexed words it is in, the
        shortest first; in one query, which also finds the words that share a part's
        stem (``alike``)."""
        parts = [part for part in dict.fromkeys(parts) if len(part) >= MIN_PART]
        if not parts:
            return {}
        found = list(
            self.words()
            .filter(
                reduce(
                    operator.or_,
                    (Q(word__contains=part) | Q(stem=stem(part)) for part in parts),
                )
            )
            .values_list("word", "stem")
        )
        for word, word_stem in found:
            self._stems.setdefault(word_stem, {})[word] = None
        return {
            part: sorted((word for word, _ in found if part in word), key=len)[:MAX_EXPANSIONS]
            for part in parts
        }

    def alike(self, word: str) -> list[str]:
        """The indexed words with the stem of ``word`` ("brief": "brief", "brieven"),
        of those ``containing`` found."""
        return list(self._stems.get(stem(word), {})) if len(word) >= MIN_PART else []

    def corrections(self, words: list[str]) -> dict[str, str]:
        """For each word, the closest indexed word when one is close enough."""
        fixes = {}
        for word in dict.fromkeys(words):
            if len(word) < MIN_PART:
                continue
            if _postgres():
                best = (
                    self.words()
                    .filter(TrigramSimilar(F("word"), Value(word)))
                    .annotate(similarity=TrigramSimilarity("word", word))
                    .order_by("-similarity", "word")
                    .values_list("word", flat=True)
                    .first()
                )
            else:
                if self._all is None:
                    self._all = list(self.words().values_list("word", flat=True))
                close = difflib.get_close_matches(word, self._all, n=1, cutoff=SQLITE_CUTOFF)
                best = close[0] if close else None
            if best and best != word:
                fixes[word] = best
        return fixes


@dataclass
class _Term:
    """One part of a query: it matches when any of its ``options`` does, and an option
    (a word, the words of a phrase, or the parts of a compound) when each of its words
    does, in any of their ``forms``. ``unknown``: typed words no indexed word has."""

    typed: str
    options: list[list[list[str]]]
    expansions: dict[str, list[str]]
    unknown: list[str]

    def words(self) -> list[str]:
        return [form for option in self.options for forms in option for form in forms]

    def condition(self, *fields: str, whole: bool = False) -> Q:
        """The term as a condition on ``fields`` (text inside the field, any case);
        ``whole``: only its first options with the most words (all parts of a compound)."""

        def inside(form: str) -> Q:
            return reduce(operator.or_, (Q(**{f"{field}__icontains": form}) for field in fields))

        return reduce(
            operator.or_,
            (
                reduce(
                    operator.and_,
                    (reduce(operator.or_, (inside(form) for form in forms)) for forms in option),
                )
                for option in self.options
                if not whole or len(option) == max(len(o) for o in self.options)
            ),
        )

    def tsquery(self) -> str:
        """The term as ``to_tsquery`` input: each form as a prefix, or one of the indexed
        words it is in (every lexeme quoted; words are letters only)."""

        def lexemes(forms: list[str]) -> str:
            alternatives = [f"'{form}':*" for form in forms]
            for form in forms:
                alternatives += [f"'{word}'" for word in self.expansions.get(form, [])]
            return "(" + " | ".join(dict.fromkeys(alternatives)) + ")"

        return " | ".join(
            "(" + " & ".join(lexemes(forms) for forms in option) + ")" for option in self.options
        )


def _compound(word: str, inside: dict[str, list[str]], vocabulary: _Vocabulary) -> list[str]:
    """``word`` split into two parts the index has, the longest first part first; else
    its longest last part the index has alone (a "sollicitatiebrief" is a "brief"
    where no text says "sollicitatie"); else nothing. The last part is an indexed word
    or a form of one ("energie-rekening": "rekeningen"); the first one too, or the
    start of one ("opvoed-hulp"), or one with the joining s or e of Dutch compounds
    ("bijstand-s-uitkering")."""

    def known(part: str) -> bool:
        return any(vocabulary.alike(form) for form in _forms(part))

    def starts(part: str) -> bool:
        return len(part) > MIN_PART and any(w.startswith(part) for w in inside.get(part, []))

    cuts = range(len(word) - MIN_PART, MIN_PART - 1, -1)
    for cut in cuts:
        head, tail = word[:cut], word[cut:]
        if not known(tail):
            continue
        if known(head) or starts(head):
            return [head, tail]
        if head[-1] in "se" and known(head[:-1]):
            return [head[:-1], tail]
    tails = [word[cut:] for cut in reversed(cuts) if len(word) - cut > MIN_PART]
    return next(([tail] for tail in tails if known(tail)), [])


def _terms(query: TextQuery, vocabulary: _Vocabulary) -> list[_Term]:
    """``query`` cut into the parts every match needs (see the module's docstring)."""
    typed = _words(query.text)[:10]
    taken = [False] * len(typed)
    groups: list[tuple[int, str, list[list[str]]]] = []
    for group in query.synonyms:
        phrase = _words(group[0])
        for start in range(len(typed) - len(phrase) + 1):
            span = range(start, start + len(phrase))
            if phrase and typed[start : start + len(phrase)] == phrase:
                if not any(taken[at] for at in span):
                    for at in span:
                        taken[at] = True
                    groups.append((start, group[0], [_content(p) for p in group]))
                break
    singles = [
        (at, word)
        for at, word in enumerate(typed)
        if not taken[at] and word not in STOP_WORDS and len(word) >= 2
    ]
    # One vocabulary query for every form and every possible compound part.
    candidates = [form for _at, word in singles for form in _forms(word)]
    for _at, word in singles:
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            candidates += [word[:cut], word[: cut - 1], *_forms(word[cut:])]
    for _start, _typed, phrases in groups:
        candidates += [form for phrase in phrases for word in phrase for form in _forms(word)]
    inside = vocabulary.containing(candidates)

    def forms(word: str) -> list[str]:
        """``_forms`` of ``word`` and the indexed words that share its stem."""
        return list(dict.fromkeys(_forms(word) + vocabulary.alike(word)))

    def matchable(forms: list[str]) -> bool:
        return any(inside.get(form) or len(form) < MIN_PART for form in forms)

    terms = []
    for start, as_typed, phrases in groups:
        matching = [[forms(word) for word in phrase] for phrase in phrases]
        terms.append((start, _Term(as_typed, matching, inside, [])))
    for at, word in singles:
        options = [[forms(word)]]
        unknown: list[str] = []
        if not matchable(options[0][0]):
            compound = [forms(part) for part in _compound(word, inside, vocabulary)]
            # Dutch compounds are named after their last part (a "sollicitatiebrief"
            # is a "brief"): that part alone matches, both parts rank higher.
            if len(compound) == 2:
                options += [compound, compound[1:]]
            else:
                options += [compound] if compound else []
                # Perhaps a typo: its correction is offered (or searched instead).
                unknown.append(word)
        terms.append((at, _Term(word, options, inside, unknown)))
    return [term for _at, term in sorted(terms, key=lambda item: item[0])]


def _replace_words(text: str, fixes: dict[str, str]) -> str:
    """``text`` with each word in ``fixes`` replaced (matched in any case)."""
    return WORD.sub(lambda m: fixes.get(m.group(0).casefold(), m.group(0)), text)


def _learn_words(kind: str, docs: list[dict]) -> None:
    """Add the words of ``docs`` (as indexed: title and text) to the vocabulary."""
    words: set[str] = set()
    for doc in docs:
        entry = _entry(kind, doc)
        words.update(_words(f"{entry.title} {entry.text}"))
    IndexWord.objects.bulk_create(
        [IndexWord(kind=kind, word=word, stem=stem(word)) for word in sorted(words)],
        ignore_conflicts=True,
        batch_size=1000,
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
                _learn_words(kind, docs)

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
            IndexWord.objects.filter(kind=kind).delete()
            for docs in batches:
                IndexEntry.objects.bulk_create([_entry(kind, doc) for doc in docs])
                _learn_words(kind, docs)
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
        if query.area:
            entries = entries.filter(data__postcode__startswith=query.area)
        run = self._search_postgres if _postgres() else self._search_words
        vocabulary = _Vocabulary(kind)
        terms = _terms(query, vocabulary)
        found = run(entries, terms, query)
        fixes = vocabulary.corrections([word for term in terms for word in term.unknown])
        if not fixes:
            return found
        corrected = _replace_words(query.text, fixes)
        if found.total and not found.partial:
            return replace(found, suggestion=corrected)
        fixed_query = replace(query, text=corrected)
        again = run(entries, _terms(fixed_query, vocabulary), fixed_query)
        if again.total and (not again.partial or not found.total):
            return replace(again, corrected=corrected)
        return replace(found, suggestion=corrected)

    def _search_postgres(
        self, entries: QuerySet[IndexEntry], terms: list[_Term], query: TextQuery
    ) -> TextHits:
        if not terms:
            return TextHits(total=0, hits=[])
        config = settings.SEARCH_DATABASE_CONFIG
        term_queries = [
            SearchQuery(term.tsquery(), config=config, search_type="raw") for term in terms
        ]
        every = reduce(operator.and_, term_queries)
        headline = {"start_sel": MARK_START, "stop_sel": MARK_END, "config": config}

        def page(matched: QuerySet[IndexEntry], ranked: SearchQuery, *order: str) -> list[Any]:
            return list(
                matched.annotate(
                    rank=SearchRank(F("search_vector"), ranked),
                    title_marked=SearchHeadline("title", ranked, highlight_all=True, **headline),
                    text_marked=SearchHeadline(
                        "text", ranked, max_words=30, min_words=12, max_fragments=1, **headline
                    ),
                )
                .order_by(*order, "-rank", "-pk")
                .values("data", "title_marked", "text_marked")[
                    query.offset : query.offset + query.limit
                ]
            )

        partial = False
        matched = entries.filter(search_vector=every)
        rows = page(matched, every)
        if not rows and len(terms) > 1 and not (query.offset and matched.exists()):
            # Nothing has every part: the documents with the most parts, best first.
            partial = True
            matched = entries.filter(search_vector=reduce(operator.or_, term_queries)).annotate(
                parts=sum(
                    (Case(When(search_vector=q, then=1), default=0) for q in term_queries),
                    start=Value(0),
                )
            )
            rows = page(matched, reduce(operator.or_, term_queries), "-parts")
        # A first page that is not full holds every match: no need to count them.
        total = len(rows) if not query.offset and len(rows) < query.limit else matched.count()
        return TextHits(
            total=total,
            partial=partial,
            hits=[
                {
                    **row["data"],
                    "title_html": safe_snippet(row["title_marked"]),
                    "snippet_html": safe_snippet(row["text_marked"]),
                }
                for row in rows
            ],
        )

    def _search_words(
        self, entries: QuerySet[IndexEntry], terms: list[_Term], query: TextQuery
    ) -> TextHits:
        """Every part of the query matched as text inside the title or text (so parts of
        compounds and word forms match too), ranked in Python: documents with every
        part first (else the most parts), then by how rare the parts are, a part in the
        title counting three times. Three queries, whatever the query."""
        if not terms:
            return TextHits(total=0, hits=[])
        flags = {}
        for at, term in enumerate(terms):
            flags[f"t{at}"] = Case(When(term.condition("title"), then=True), default=False)
            flags[f"b{at}"] = Case(When(term.condition("text"), then=True), default=False)
            flags[f"w{at}"] = Case(
                When(term.condition("title", "text", whole=True), then=True), default=False
            )
        anywhere = reduce(operator.or_, (term.condition("title", "text") for term in terms))
        rows = list(entries.filter(anywhere).annotate(**flags).values("pk", *flags))
        if not rows:
            return TextHits(total=0, hits=[])
        documents = entries.count()
        found_in = [
            sum(1 for row in rows if row[f"t{at}"] or row[f"b{at}"]) for at in range(len(terms))
        ]
        weight = [math.log((documents + 1) / (n + 0.5)) for n in found_in]

        def parts(row: dict) -> int:
            return sum(1 for at in range(len(terms)) if row[f"t{at}"] or row[f"b{at}"])

        def score(row: dict) -> float:
            # A part in the title counts three times; a compound found with all its
            # parts (or a phrase with all its words) once more.
            return sum(
                weight[at] * ((3 if row[f"t{at}"] else 1) + (1 if row[f"w{at}"] else 0))
                for at in range(len(terms))
                if row[f"t{at}"] or row[f"b{at}"]
            )

        complete = [row for row in rows if parts(row) == len(terms)]
        partial = not complete
        ranked = sorted(
            complete or rows, key=lambda row: (parts(row), score(row), row["pk"]), reverse=True
        )
        shown = [row["pk"] for row in ranked[query.offset : query.offset + query.limit]]
        by_pk = IndexEntry.objects.in_bulk(shown)
        words = [word for term in terms for word in term.words()]
        return TextHits(
            total=len(ranked),
            partial=partial,
            hits=[
                {
                    **by_pk[pk].data,
                    "title_html": safe_snippet(_mark_words(by_pk[pk].title, words)),
                    "snippet_html": safe_snippet(
                        _mark_words(_window(by_pk[pk].text, words), words)
                    ),
                }
                for pk in shown
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
