"""Which mechanisms pay for themselves: the load bench with one switched off at a time.

Issue 14: every layer pays for itself. For each mechanism, measure what it buys by
running with it switched off; keep it only where removing it misses a target or costs
more than 15% on its scenario, remove the others. Run it with the services' URLs set, as
``make bench`` does::

    scripts/with-services.sh .venv/bin/python bench/ablate.py [name ...]

Each ``name`` is a mechanism of ``bench/ablations.py`` (``anon-page-cache``,
``read-ahead``, ...); without names, all of them. The bench data are prepared once
(``bench/run.py``'s ``prepare``). gunicorn then serves the site through
``bench/ablated_wsgi.py``: first with every mechanism on (the reference), then once per
mechanism with ``BENCH_ABLATE=<name>``, which patches that mechanism to its plain
equivalent in the serving processes (production code has no switch for it). Every server
starts on an empty Redis db, checks that the scenarios answer as they should (with or
without the mechanism), and measures as ``make bench`` does (``BENCH_SECONDS``,
``BENCH_WARMUP_SECONDS``): the baseline (a), the runs of the mechanism's scenarios, and
the runs their targets compare with (machina's view (i), for (f)'s "5 x (i)"); the
reference measures each of these once. After measuring, the bench asks the server
(``/bench/ablation/``) for the proof that the mechanism was off (its cache keys absent
from Redis, its plain replacement used) and stops if it was not.

Printed, and written to ``bench/results/ablate-<UTC timestamp>.json`` (and
``ablate-latest.json``): per mechanism and run of its scenarios, requests/s as a
multiple of the same server's baseline with the mechanism on and off, the change in
percent, the p99 latency on and off, and the verdict: "keep" when switching it off
lowers that multiple by more than ``COST_LIMIT_PERCENT`` (15%) or misses a target of
``bench/report.py`` that was met with it on, otherwise "remove" ("unmeasured" when a
run with it on answered nothing in ``BENCH_SECONDS``). A mechanism that also
speeds up the baseline (every request goes through the cache client, say) shows less in
the multiple than in requests/s; the JSON keeps both, and the baselines are printed.
"""

import os
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # run as a script: import bench.* from the project, not from bench/
    sys.path[0] = str(ROOT)
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

import requests  # noqa: E402
from django.conf import settings  # noqa: E402

from bench import ablations, data, database, report, run, scenarios, server, wrk  # noqa: E402

COST_LIMIT_PERCENT = 15.0
APP = "bench.ablated_wsgi"

Run = tuple[str, int]  # (scenario, connections)


def runs_for(keys: Iterable[str]) -> list[Run]:
    """The baseline, every run of the scenarios ``keys`` and the runs their targets
    compare with, in the order of ``scenarios.RUNS``."""
    keys = set(keys)
    wanted = {report.BASELINE, *(entry for entry in scenarios.RUNS if entry[0] in keys)}
    for target in report.TARGETS:
        if target.key in keys:
            wanted |= target.runs
    return [entry for entry in scenarios.RUNS if entry in wanted]


def serve(
    bench_data: data.BenchData, name: str, runs: list[Run], *, seconds: int, warmup: int
) -> list[report.Measurement]:
    """Measure ``runs`` on a new server without mechanism ``name`` ("": with every one
    on), and make sure it was off."""
    database.clear_cache()  # the same start for every server, and only its own keys
    label = f"without {name}" if name else "with every mechanism on"
    with server.gunicorn(run.GUNICORN_LOG, app=APP, env={"BENCH_ABLATE": name}) as base_url:
        run.log(f"gunicorn {label} answers on {base_url}")
        measurements = run.measure_runs(base_url, bench_data, runs, seconds=seconds, warmup=warmup)
        state = requests.get(f"{base_url}/bench/ablation/", timeout=30).json()
    if state != {"ablation": name or None, "problem": None}:
        raise RuntimeError(f"gunicorn was to serve {label}, but it answers {state}")
    return measurements


def _by_run(measurements: list[report.Measurement]) -> dict[Run, report.Measurement]:
    return {(m.scenario.key, m.connections): m for m in measurements}


def _x_baseline(measurements: list[report.Measurement]) -> dict[Run, float]:
    by_run = _by_run(measurements)
    baseline = by_run[report.BASELINE].result.requests_per_second
    return {run: m.result.requests_per_second / baseline for run, m in by_run.items()}


def _answered(measurements: list[report.Measurement]) -> set[Run]:
    """The runs in which some request was answered (a run shorter than the slowest answer
    has none: no figure to compare)."""
    return {run for run, m in _by_run(measurements).items() if m.result.requests}


def _p99(measurements: list[report.Measurement]) -> dict[Run, float | None]:
    return {
        run: m.result.p99_ms if m.result.requests else None
        for run, m in _by_run(measurements).items()
    }


def compare(
    name: str, on: list[report.Measurement], off: list[report.Measurement]
) -> tuple[list[dict], dict]:
    """The table rows of mechanism ``name`` (one per run of its scenarios) and its
    verdict, from the reference ``on`` and the measurements ``off`` without it."""
    keys = ablations.ABLATIONS[name].scenarios
    answered = _answered(on) & _answered(off)
    chosen = [t for t in report.TARGETS if t.key in keys and t.runs <= answered]
    lost: dict[Run, list[str]] = {}
    for target, was, now in zip(
        chosen, report.targets(on, chosen), report.targets(off, chosen), strict=True
    ):
        if was["met"] and not now["met"]:
            lost.setdefault((target.key, target.connections), []).append(target.description)
    x_on, x_off = _x_baseline(on), _x_baseline(off)
    p99_on, p99_off = _p99(on), _p99(off)
    rows, reasons, unmeasured = [], [], False
    for key, connections in runs_for(keys):
        if key not in keys:  # the baseline, a target's yardstick
            continue
        run_key = (key, connections)
        # Nothing answered without it (but with it) is a cost of 100%.
        change = (x_off[run_key] / x_on[run_key] - 1) * 100 if x_on[run_key] else None
        costly = change is not None and change < -COST_LIMIT_PERCENT
        if costly:
            reasons.append(f"({key}) c={connections} {change:+.1f}% x baseline")
        reasons += [f"misses {target}" for target in lost.get(run_key, [])]
        if costly or run_key in lost:
            verdict = "keep"
        elif change is None:
            verdict, unmeasured = "unmeasured", True
        else:
            verdict = "remove"
        rows.append(
            {
                "mechanism": name,
                "scenario": key,
                "connections": connections,
                "x_baseline_on": round(x_on[run_key], 3),
                "x_baseline_off": round(x_off[run_key], 3),
                "change_percent": None if change is None else round(change, 1),
                "p99_on_ms": p99_on[run_key],
                "p99_off_ms": p99_off[run_key],
                "targets_missed_off": lost.get(run_key, []),
                "verdict": verdict,
            }
        )
    if reasons:
        verdict = "keep"
    elif unmeasured:  # no figure with it on: nothing says what it buys
        verdict, reasons = "unmeasured", ["a run answered nothing: raise BENCH_SECONDS"]
    else:
        verdict = "remove"
    return rows, {"verdict": verdict, "reasons": reasons}


def _percent(change: float | None) -> str:
    return "n/a" if change is None else f"{change:+.1f}%"


def _ms(latency: float | None) -> str:
    return "n/a" if latency is None else f"{latency:.1f}"


def table(rows: list[dict]) -> str:
    """The comparison as a fixed-width text table."""
    header = (
        f"{'mechanism':<20} {'scenario':<10} {'x (a) on':>8} {'x (a) off':>9} {'change':>8} "
        f"{'p99 on':>8} {'p99 off':>8}  verdict"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        scenario = f"({row['scenario']}) c={row['connections']}"
        lines.append(
            f"{row['mechanism']:<20} {scenario:<10} {row['x_baseline_on']:>8.3f} "
            f"{row['x_baseline_off']:>9.3f} {_percent(row['change_percent']):>8} "
            f"{_ms(row['p99_on_ms']):>8} {_ms(row['p99_off_ms']):>8}  {row['verdict']}"
            + (" (misses a target)" if row["targets_missed_off"] else "")
        )
    return "\n".join(lines)


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in ablations.ABLATIONS]
    if unknown:
        print(f"unknown: {', '.join(unknown)}; known: {', '.join(ablations.ABLATIONS)}")
        return 2
    names = names or list(ablations.ABLATIONS)
    seconds = run.env_seconds("BENCH_SECONDS", 15)
    warmup = run.env_seconds("BENCH_WARMUP_SECONDS", 3)
    wrk.ensure_installed()
    run.log(f"preparing database {settings.DATABASES['default']['NAME']}")
    bench_data, prepare_seconds = run.prepare()
    run.log(f"data ready in {prepare_seconds:.1f} s: {bench_data.counts}")
    measure = {"seconds": seconds, "warmup": warmup}
    all_keys = [key for name in names for key in ablations.ABLATIONS[name].scenarios]
    reference = serve(bench_data, "", runs_for(all_keys), **measure)
    switched_off = {
        name: serve(bench_data, name, runs_for(ablations.ABLATIONS[name].scenarios), **measure)
        for name in names
    }

    rows, verdicts = [], {}
    for name, off in switched_off.items():
        mechanism_rows, verdicts[name] = compare(name, reference, off)
        rows += mechanism_rows
    print(table(rows))
    print("\nVerdicts:")
    for name, verdict in verdicts.items():
        print(f"  {verdict['verdict'].upper():<6} {name}  {'; '.join(verdict['reasons'])}")
    print("\nBaseline (a) req/s:")
    for name, measurements in {"": reference, **switched_off}.items():
        label = f"without {name}" if name else "reference"
        print(
            f"  {label:<28} {_by_run(measurements)[report.BASELINE].result.requests_per_second:.1f}"
        )

    def results(measurements: list[report.Measurement]) -> dict:
        answered = _answered(measurements)
        chosen = [target for target in report.TARGETS if target.runs <= answered]
        return {
            "results": report.rows(measurements),
            "targets": report.targets(measurements, chosen),
        }

    path = report.write(
        {
            "machine": run.machine(),
            "config": {
                "mechanisms": names,
                "seconds": seconds,
                "warmup_seconds": warmup,
                "wrk_timeout_seconds": wrk.TIMEOUT_SECONDS,
                "server": server.description(),
                "cost_limit_percent": COST_LIMIT_PERCENT,
                "step_url": bench_data.step_url,
                "forum_topic_url": bench_data.forum.topic_path,
            },
            "data": {**bench_data.counts, "prepare_seconds": round(prepare_seconds, 1)},
            "table": rows,
            "verdicts": verdicts,
            "reference": results(reference),
            "switched_off": {name: results(off) for name, off in switched_off.items()},
        },
        prefix="ablate-",
    )
    print(f"\nWritten to {path.relative_to(ROOT)} and bench/results/ablate-latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
