"""Search benchmark (issue 5): the second stage of ``make bench``, after ``bench/run.py``.

What is measured, and why. Every figure is taken in this process, calling the backends
the way the site's views and tasks do (``search.backends`` / ``search.services``), one
call at a time and timed with ``time.perf_counter``: the targets are about what one
person waits for, and about how long an operator's rebuild takes.

(s1) Bulk indexing: every indexable post prepared from PostgreSQL (``search.documents``:
     rendered, stripped of markup), then written into the (new, empty) post index with
     ``backend.bulk`` in batches of ``search.services.DOC_BATCH``, as the outbox drain
     writes them: what Elasticsearch itself takes in (documents/s), apart from the
     preparing, which is timed on its own.
(s2) A full rebuild of that index (``search_rebuild(kinds=[post],
     backends=[elasticsearch])``), as an operator runs it: every post read and prepared
     again, bulk-written into a new index, refreshed and swapped in for the old one.
     Target: 100,000 posts in under 120 s. Its documents/s is the end-to-end indexing
     throughput. The searches of (s5) then run on this index.
(s3) The same rebuild into the database backend (its ``IndexEntry`` table and
     PostgreSQL full-text vectors), for comparison.
(s4) A full rebuild of the progress index in Elasticsearch: one document per linked
     client and learning topic in scope (about 470,000: 100,000 clients x 5 topics,
     every tenth link sharing 2), prepared from the module summaries.
(s5) Searching the posts (``backend.search(post, TextQuery(text=...))``: the first page
     of 10 with highlights, and the total as far as the backend counts), for
     ``SEARCHES`` queries cycling through ``QUERIES`` (what people type: single words,
     phrases, questions, typos), on each backend after one warm-up pass. Target:
     Elasticsearch p50 below 50 ms.
(s6) The team lead's report counts (``backend.aggregate(team_ids=...)``: clients per
     topic, started and completed per module, achieved per can-do statement, each
     client once and within their link's scope): Elasticsearch's aggregations against
     the database backend's PostgreSQL GROUP BY over the same summaries, for one team
     (10,000 clients) and for all 10 teams (100,000), ``REPORT_RUNS`` runs each after a
     first run that checks both give the same counts; Elasticsearch's request cache is
     emptied before each run, as any progress change empties it on a live site.
     Targets: Elasticsearch p50 below 200 ms, and at least 5 x faster than PostgreSQL
     (p50 over p50).

Every run starts from an empty database of its own (``bench/search_settings.py``) and
fills it (``bench/search_data.py``: 500 steps in 60 modules, 100,000 clients of 500
workers in 10 teams with progress in every module, 6 million step completions, and
100,000 forum posts); ``BENCH_SEARCH_SCALE`` (default 1) shrinks the clients and posts
for a quick run. The Elasticsearch indexes are named ``bench-*`` and deleted at the
start and at the end. The tables and the targets are printed and written to
``bench/results/search-<UTC timestamp>.json`` and ``bench/results/search-latest.json``.
As with the HTTP bench, missing a target does not fail the run; only a failing bench
(or backends that disagree on the counts) exits non-zero.

Elasticsearch runs as a single node with a 512 MB heap (``scripts/with-services.sh``)
and shares the machine's cores with PostgreSQL and this process, so absolute figures
depend on the machine (recorded in the JSON).
"""

import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # run as a script: import bench.* from the project, not from bench/
    sys.path[0] = str(ROOT)
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.search_settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from bench import database, report, search_data  # noqa: E402
from search.backends import ProgressCounts, TextQuery, get_backend  # noqa: E402
from search.documents import DOCUMENTS  # noqa: E402
from search.models import Kind  # noqa: E402
from search.services import DOC_BATCH, search_rebuild  # noqa: E402

ELASTICSEARCH = "search.backends.elasticsearch.ElasticsearchBackend"
DATABASE = "search.backends.database.DatabaseBackend"
SEARCHES = 500
REPORT_RUNS = 30
QUERIES = (
    # single words and short phrases, as typed into the forum's search box
    "zorgtoeslag",
    "huurtoeslag aanvragen",
    "zorgtoeslag terugbetalen",
    "toeslagpartner",
    "DigiD kwijt",
    "DigiD app",
    "activeringscode",
    "berichtenbox MijnOverheid",
    "machtiging",
    "betalingsregeling",
    "brief incassobureau",
    "deurwaarder",
    "schuldhulpverlening gemeente",
    "bijstand aanvragen",
    "WW-uitkering",
    "inlichtingenformulier",
    "kostendelersnorm",
    "sollicitatiebrief",
    "cv maken",
    "sollicitatiegesprek tips",
    "vrijwilligerswerk",
    "belastingaangifte",
    "voorlopige aanslag",
    "kwijtschelding",
    "formulierenbrigade",
    "energierekening te hoog",
    "termijnbedrag",
    "jaarafrekening bijbetalen",
    "energie besparen",
    "eigen risico",
    "zorgverzekering overstappen",
    "tandarts vergoed",
    "huisarts",
    "stichting leergeld",
    "kindgebonden budget",
    "kinderbijslag",
    "jeugdfonds sport",
    "maandbudget",
    "goedkoop boodschappen",
    "sparen",
    "nibud",
    "gezond koken",
    "voedselbank",
    "schermtijd",
    "puber grenzen",
    "opvoedondersteuning wijkteam",
    # questions
    "hoe vraag ik zorgtoeslag aan",
    "wat doe ik met een brief van het incassobureau",
    "geld tekort aan het eind van de maand",
    # typos
    "zorgtoeslg",
    "huurtoesalg",
    "belastingaangfte",
    "betalingsregling",
    "deurwaader",
    "sollicitatiebrif",
    "kinderbijslg",
)


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the results."""
    print(f"[search bench] {message}", file=sys.stderr, flush=True)


def env_scale() -> float:
    """``BENCH_SEARCH_SCALE``: the share of the full data set (default 1)."""
    return float(os.environ.get("BENCH_SEARCH_SCALE", "1"))


# --- timing ---


def percentile(samples: list[float], share: float) -> float:
    """The nearest-rank percentile of ``samples`` (``share`` 0.5: the median)."""
    ordered = sorted(samples)
    return ordered[max(1, math.ceil(len(ordered) * share)) - 1]


@dataclass(frozen=True)
class Latency:
    measurement: str
    backend: str
    calls: int
    p50_ms: float
    p99_ms: float
    mean_ms: float

    @classmethod
    def of(cls, measurement: str, backend: str, samples: list[float]) -> "Latency":
        return cls(
            measurement=measurement,
            backend=backend,
            calls=len(samples),
            p50_ms=round(percentile(samples, 0.5) * 1000, 2),
            p99_ms=round(percentile(samples, 0.99) * 1000, 2),
            mean_ms=round(sum(samples) / len(samples) * 1000, 2),
        )


@dataclass(frozen=True)
class Indexing:
    measurement: str
    backend: str
    documents: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds

    def as_dict(self) -> dict:
        return {**asdict(self), "documents_per_second": round(self.per_second, 1)}


def stopwatch(call: Callable):
    """``call()``'s result and the seconds it took."""
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def samples(
    call: Callable[[int], object], calls: int, before: Callable[[], object] = lambda: None
) -> list[float]:
    """Seconds of each of ``calls`` calls of ``call(n)``, one after the other, each after
    an untimed ``before()``."""
    seconds = []
    for n in range(calls):
        before()
        started = time.perf_counter()
        call(n)
        seconds.append(time.perf_counter() - started)
    return seconds


# --- the measurements ---


def rebuild(backend, kind: str, measurement: str) -> Indexing:
    """(s2), (s3), (s4): a full rebuild of ``kind`` in ``backend``, as an operator runs it."""
    counts, seconds = stopwatch(lambda: search_rebuild(kinds=[kind], backends=[backend]))
    result = Indexing(measurement, backend.name, counts[backend.name, kind], seconds)
    log(f"{measurement} ({backend.name}): {result.documents} in {seconds:.1f} s")
    return result


def bulk_throughput(es) -> list[Indexing]:
    """(s1): prepare every post document, then write them into the empty index with
    ``bulk``."""
    documents = DOCUMENTS[Kind.POST]
    ids = list(documents.all_ids())
    chunks = [ids[start : start + DOC_BATCH] for start in range(0, len(ids), DOC_BATCH)]
    es.ensure_index(Kind.POST)  # created outside the timing
    batches, prepare_seconds = stopwatch(lambda: [documents.prepare(chunk) for chunk in chunks])
    _, bulk_seconds = stopwatch(lambda: [es.bulk(Kind.POST, docs, []) for docs in batches])
    es.client.indices.refresh(index=es.alias(Kind.POST))
    results = [
        Indexing("post documents prepared from PostgreSQL", "-", len(ids), prepare_seconds),
        Indexing("posts bulk-indexed (prepared)", es.name, len(ids), bulk_seconds),
    ]
    for result in results:
        log(f"{result.measurement}: {result.per_second:.0f} documents/s")
    return results


def search_latency(backend) -> tuple[Latency, dict]:
    """(s5): the latency of ``SEARCHES`` post searches, and what they found."""
    found = {text: backend.search(Kind.POST, TextQuery(text=text)) for text in QUERIES}
    timings = samples(
        lambda n: backend.search(Kind.POST, TextQuery(text=QUERIES[n % len(QUERIES)])), SEARCHES
    )
    result = Latency.of("search posts", backend.name, timings)
    log(f"search ({backend.name}): p50 {result.p50_ms} ms, p99 {result.p99_ms} ms")
    hits = {
        "queries": len(found),
        "queries_with_hits": sum(1 for result in found.values() if result.total),
        # The backend may stop counting (``TextHits.more``): then the total is a floor.
        "queries_counted_in_part": sum(1 for result in found.values() if result.more),
        "median_total": sorted(result.total for result in found.values())[len(found) // 2],
    }
    return result, hits


def nonzero(counts: ProgressCounts) -> dict:
    """The counts without zeros: a terms aggregation has no bucket for what nobody did,
    a GROUP BY with a filtered count has a 0."""
    return {
        name: {key: value for key, value in per_key.items() if value}
        for name, per_key in asdict(counts).items()
    }


def team_report(es, db, team_ids: list[int], label: str) -> tuple[list[Latency], bool]:
    """(s6): both backends' report over ``team_ids``: their latencies, and whether they
    agree. Elasticsearch's shard request cache is cleared before each run: it would
    answer a repeated report from memory, but on a live site every progress change
    (refreshed within a second) empties it, so what a team lead waits for is the
    aggregation itself."""
    agree = nonzero(es.aggregate(team_ids=team_ids)) == nonzero(db.aggregate(team_ids=team_ids))
    progress = es.alias(Kind.PROGRESS)
    timings = {
        es: samples(
            lambda _n: es.aggregate(team_ids=team_ids),
            REPORT_RUNS,
            before=lambda: es.client.indices.clear_cache(index=progress, request=True),
        ),
        db: samples(lambda _n: db.aggregate(team_ids=team_ids), REPORT_RUNS),
    }
    results = []
    for backend, seconds in timings.items():
        results.append(Latency.of(label, backend.name, seconds))
        log(f"{label} ({backend.name}): p50 {results[-1].p50_ms} ms")
    return results, agree


# --- the report ---


def targets(indexing: dict, latency: dict, agreements: dict, posts: int) -> list[dict]:
    """Each target with the measured value and whether it was met."""
    es, db = "elasticsearch", "database"
    rebuild_seconds = indexing["posts", es].seconds
    checked = [
        (
            f"(s2) full rebuild of {posts:,} posts into Elasticsearch < 120 s",
            rebuild_seconds,
            rebuild_seconds < 120,
        ),
        (
            "(s5) Elasticsearch search p50 < 50 ms",
            latency["search posts", es].p50_ms,
            latency["search posts", es].p50_ms < 50,
        ),
    ]
    for label, agree in agreements.items():
        es_p50, db_p50 = latency[label, es].p50_ms, latency[label, db].p50_ms
        checked += [
            (f"(s6) {label}: Elasticsearch p50 < 200 ms", es_p50, es_p50 < 200),
            (
                f"(s6) {label}: Elasticsearch >= 5 x faster than PostgreSQL (p50 ratio)",
                db_p50 / es_p50,
                db_p50 / es_p50 >= 5,
            ),
            (f"(s6) {label}: both backends give the same counts", int(agree), agree),
        ]
    return [
        {"target": target, "value": round(value, 3), "met": met} for target, value, met in checked
    ]


def tables(indexing: list[Indexing], latency: list[Latency]) -> str:
    """Both result tables as fixed-width text."""
    head = f"{'indexing':<42} {'backend':<14} {'documents':>10} {'seconds':>8} {'docs/s':>9}"
    lines = [head, "-" * len(head)]
    lines += [
        f"{r.measurement:<42} {r.backend:<14} {r.documents:>10} {r.seconds:>8.1f} "
        f"{r.per_second:>9.0f}"
        for r in indexing
    ]
    head = (
        f"{'latency':<42} {'backend':<14} {'calls':>6} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}"
    )
    lines += ["", head, "-" * len(head)]
    lines += [
        f"{r.measurement:<42} {r.backend:<14} {r.calls:>6} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f} "
        f"{r.mean_ms:>8.2f}"
        for r in latency
    ]
    return "\n".join(lines)


def drop_indexes(es) -> None:
    """Delete the bench's Elasticsearch indexes (a run that was stopped leaves them)."""
    for kind in Kind:
        es.drop(kind)


@dataclass
class Results:
    indexing: list[Indexing]
    latency: list[Latency]
    hits: dict[str, dict]  # per backend, what the queries found
    agreements: dict[str, bool]  # per team report, whether both backends gave the same


def measure(es, db, bench_data: search_data.SearchData) -> Results:
    """(s1)-(s6), in that order."""
    indexing = [
        *bulk_throughput(es),
        rebuild(es, Kind.POST, "posts"),
        rebuild(db, Kind.POST, "posts"),
        rebuild(es, Kind.PROGRESS, "progress"),
    ]
    if es.count(Kind.POST) != db.count(Kind.POST):
        raise RuntimeError("Elasticsearch and the database backend index different posts")
    latency, hits = [], {}
    for backend in (es, db):
        result, hits[backend.name] = search_latency(backend)
        latency.append(result)
    reports = {
        f"team report, {bench_data.clients_per_team:,} clients": bench_data.team_ids[:1],
        f"team report, {bench_data.counts['clients']:,} clients": bench_data.team_ids,
    }
    agreements = {}
    for label, team_ids in reports.items():
        results, agreements[label] = team_report(es, db, team_ids, label)
        latency += results
    return Results(indexing, latency, hits, agreements)


def main() -> int:
    sizes = search_data.Sizes.scaled(env_scale())
    es, db = get_backend(ELASTICSEARCH), get_backend(DATABASE)
    log(f"preparing database {settings.DATABASES['default']['NAME']}: {sizes}")
    drop_indexes(es)
    started = time.monotonic()
    database.recreate_database()
    database.clear_cache()
    bench_data = search_data.build(sizes)
    prepare_seconds = time.monotonic() - started
    log(f"data ready in {prepare_seconds:.1f} s: {bench_data.counts}")
    try:
        results = measure(es, db, bench_data)
    finally:
        drop_indexes(es)

    checked = targets(
        {(r.measurement, r.backend): r for r in results.indexing},
        {(r.measurement, r.backend): r for r in results.latency},
        results.agreements,
        posts=bench_data.counts["forum_posts"],
    )
    print(tables(results.indexing, results.latency))
    print("\nTargets:")
    print(report.target_lines(checked))
    node = next(iter(es.client.nodes.info(node_id="_local")["nodes"].values()))
    path = report.write(
        {
            "machine": report.machine(
                postgres=database.server_version(), elasticsearch=node["version"]
            ),
            "config": {
                "scale": env_scale(),
                "searches_per_backend": SEARCHES,
                "report_runs": REPORT_RUNS,
                "doc_batch": DOC_BATCH,
                "elasticsearch_analyzer": settings.SEARCH_ELASTICSEARCH_ANALYZER,
                "elasticsearch_shards": settings.SEARCH_ELASTICSEARCH_SHARDS,
                "elasticsearch_replicas": settings.SEARCH_ELASTICSEARCH_REPLICAS,
                "queries": QUERIES,
            },
            "data": {**bench_data.counts, "prepare_seconds": round(prepare_seconds, 1)},
            "search_hits": results.hits,
            "indexing": [r.as_dict() for r in results.indexing],
            "latency": [asdict(r) for r in results.latency],
            "targets": checked,
        },
        prefix="search-",
    )
    print(f"\nWritten to {path.relative_to(ROOT)} and bench/results/search-latest.json")
    return 0 if all(results.agreements.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
