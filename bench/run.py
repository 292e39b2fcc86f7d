"""Load benchmark of the pages learners use most (``make bench``).

What is measured, and why:

(a) ``/bench/baseline/``: a bare Django view returning a fixed 20 KB page. It
    goes through gunicorn and every middleware but does no work, so its
    requests/s is the ceiling on this machine; the other figures are read
    against it (the "x (a)" column).
(b) A step page for a first-time anonymous visitor (no cookies): the most
    common request on a public learning site. It should come from the whole-page
    cache (``core.middleware``), so target: at least 0.5 x (a).
(c) The same step page for a signed-in learner with progress: records the
    visit (one upsert) and renders the learner's marks; bounded queries thanks
    to the cached catalog. Target: at least 0.15 x (a).
(d) "Mijn voortgang" for a learner who started 40 modules: the heaviest page a
    learner opens. Target: p50 below 50 ms at one connection.
(e) Marking a step done (POST ``klaar/``, idempotent, answers 302). Target: p50
    below 30 ms at one connection.
(f) A forum topic page for a signed-in participant: page 1 of a 1,000-post topic
    written by 50 people (expert badges, "Dit hielp mij" votes and the reader's
    own, the marked answer), by ``forum.views.topic_detail``, whose queries must
    not grow with the posts or participants (``forum.selectors``). Targets: at
    least 0.05 x (a); at least 5 x (i); p99 below 300 ms at 50 connections.
(g) The same topic, page 20 (``?page=20``, with the marked answer): the deep page
    must cost what page 1 costs. Targets: at least 0.05 x (a); p99 below 300 ms.
(h) The forum index ``/forum/`` signed in, with the 60 module forums (one per
    module, synced from the learning content) under their categories. Target:
    p99 below 300 ms at 50 connections.
(i) machina's own, unmodified ``TopicView`` (template
    ``forum_conversation/topic_detail.html``) on the topic and page of (f), as
    the same user, at a bench-only URL (``bench/urls.py``): the yardstick for
    the "5 x" target of (f). It also counts the view and marks the topic read,
    as machina does.
(j) The caseload gap view ``/team/overzicht/`` of a worker with 200 linked clients
    across 60 modules: the gaps over all 200, the heatmap for the first 50, an
    access-log line per client (``team.selectors.gap_view``). Targets: p50 below 30 ms
    at one connection; at least 0.05 x (a) at 50 connections without errors.
(k) The team lead's report ``/team/rapport/`` over all 10,000 clients of the team's 50
    workers, counted in the database from the per-client, per-module summaries
    (``team.selectors.team_report``). Target: p50 below 500 ms at one connection.
(f)–(j) must also see no errors: no non-2xx/3xx answers, no socket errors and
no timeouts (wrk's counts; a request without an answer within
``wrk.TIMEOUT_SECONDS`` is a timeout and is left out of the latencies).

(d), (e), (j) and (k) are also (or only) measured at one connection, because their
targets are about the latency one person sees, not throughput. Every run starts from an
empty bench database and Redis db (see ``bench/settings.py``), grows the demo
content to 60 modules / 360 steps, adds 10,000 learners with progress
(``bench/data.py``) and the forum: its tree synced from the modules, the
1,000-post topic about the benchmarked step and a question in every other
module forum (``bench/forum_data.py``), and the team: 50 workers with 200 clients each
(``bench/team_data.py``). It then serves the site with gunicorn
under production settings (``bench/server.py``; each of its 2 workers takes 25
of the 50 connections, as many clients would spread), checks every scenario
once, then loads it with wrk (``bench/wrk.py``): 50 connections, 2 threads,
``BENCH_SECONDS`` seconds (default 15) after a ``BENCH_WARMUP_SECONDS`` warm-up
(default 3). The table and the targets are printed and written to
``bench/results/<UTC timestamp>.json`` and ``bench/results/latest.json``.
Missing a target does not fail the run: this is a measurement; only a failing
bench exits non-zero.

wrk and gunicorn share the machine's cores, so absolute figures depend on the
machine (recorded in the JSON); the ratios to (a) travel better.

``make bench`` then runs the search stage, ``bench/search_bench.py`` (issue 5), on the same
services but with a database, Redis db and Elasticsearch indexes of its own: 100,000
forum posts and the progress of 100,000 clients (6 million step completions) indexed
into Elasticsearch and into the database backend, search latency on both, and the team
report from Elasticsearch's aggregations against PostgreSQL's GROUP BY. Its docstring
says what it measures and its targets; it writes ``bench/results/search-<UTC
timestamp>.json`` and ``bench/results/search-latest.json``.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # run as a script: import bench.* from the project, not from bench/
    sys.path[0] = str(ROOT)
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

import redis  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connections  # noqa: E402

from bench import data, database, report, scenarios, server, wrk  # noqa: E402

GUNICORN_LOG = report.RESULTS_DIR / "gunicorn.log.tmp"


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the results."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def env_seconds(name: str, default: int) -> int:
    """A positive whole number of seconds from the environment."""
    value = int(os.environ.get(name, default))
    if value < 1:
        raise ValueError(f"{name} must be at least 1")
    return value


def prepare() -> tuple[data.BenchData, float]:
    """Recreate the bench database and Redis db and fill them; returns the data and seconds."""
    started = time.monotonic()
    database.recreate_database()
    database.clear_cache()
    bench_data = data.build()
    connections.close_all()  # gunicorn does the rest; don't hold a connection open
    return bench_data, time.monotonic() - started


def measure(
    base_url: str, scenario: scenarios.Scenario, connections: int, *, seconds: int, warmup: int
):
    """Warm up, then load one scenario with wrk."""
    load = {"cookie": scenario.cookie, "form": scenario.form}
    url = base_url + scenario.path
    wrk.run(url, connections=connections, seconds=warmup, **load)
    result = wrk.run(url, connections=connections, seconds=seconds, **load)
    log(
        f"({scenario.key}) c={connections}: {result.requests_per_second:.1f} req/s, "
        f"p50 {result.p50_ms:.2f} ms, p99 {result.p99_ms:.2f} ms"
        + (f", {result.errors} errors ({result.timeouts} timeouts)" if result.errors else "")
    )
    return report.Measurement(scenario, connections, result)


def measure_runs(
    base_url: str,
    bench_data: data.BenchData,
    runs: list[tuple[str, int]],
    *,
    seconds: int,
    warmup: int,
) -> list[report.Measurement]:
    """On the site served at ``base_url``: check once that each scenario of ``runs``
    answers as expected, then measure each run (scenario, connections)."""
    plan = scenarios.build(base_url, bench_data)
    for key in dict.fromkeys(key for key, _conns in runs):
        scenarios.verify(base_url, plan[key])
    log("every scenario answers as expected; measuring")
    return [
        measure(base_url, plan[key], conns, seconds=seconds, warmup=warmup) for key, conns in runs
    ]


def benchmark(bench_data: data.BenchData, *, seconds: int, warmup: int) -> list:
    """Serve the site, check every scenario once, then measure each run in ``scenarios.RUNS``."""
    with server.gunicorn(GUNICORN_LOG) as base_url:
        log(f"gunicorn answers on {base_url}")
        return measure_runs(base_url, bench_data, scenarios.RUNS, seconds=seconds, warmup=warmup)


def machine() -> dict:
    """The machine and the versions of the services and tools, for the report."""
    redis_info = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"]).info("server")
    return report.machine(
        postgres=database.server_version(), redis=redis_info["redis_version"], wrk=wrk.version()
    )


def main() -> int:
    seconds = env_seconds("BENCH_SECONDS", 15)
    warmup = env_seconds("BENCH_WARMUP_SECONDS", 3)
    if max(conns for _key, conns in scenarios.RUNS) > server.MAX_CONNECTIONS:
        raise ValueError("a run opens more connections than server.MAX_CONNECTIONS")
    wrk.ensure_installed()
    log(f"preparing database {settings.DATABASES['default']['NAME']}")
    bench_data, prepare_seconds = prepare()
    log(f"data ready in {prepare_seconds:.1f} s: {bench_data.counts}")
    measurements = benchmark(bench_data, seconds=seconds, warmup=warmup)

    result_rows = report.rows(measurements)
    checked = report.targets(measurements)
    print(report.table(result_rows))
    print("\nTargets:")
    print(report.target_lines(checked))
    path = report.write(
        {
            "machine": machine(),
            "config": {
                "seconds": seconds,
                "warmup_seconds": warmup,
                "wrk_timeout_seconds": wrk.TIMEOUT_SECONDS,
                "server": server.description(),
                "step_url": bench_data.step_url,
                "forum_topic_url": bench_data.forum.topic_path,
                "machina_topic_url": bench_data.forum.machina_topic_path,
            },
            "data": {**bench_data.counts, "prepare_seconds": round(prepare_seconds, 1)},
            "results": result_rows,
            "targets": checked,
        }
    )
    print(f"\nWritten to {path.relative_to(ROOT)} and bench/results/latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
