"""The results table, the targets, and the JSON written to bench/results/."""

import json
import os
import platform
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .scenarios import Scenario
from .wrk import WrkResult

RESULTS_DIR = Path(__file__).with_name("results")
BASELINE = ("a", 50)


@dataclass(frozen=True)
class Measurement:
    scenario: Scenario
    connections: int
    result: WrkResult


@dataclass(frozen=True)
class Target:
    key: str
    connections: int
    description: str
    # "ratio": requests/s over the ``versus`` run's, at least ``bound``;
    # "p50_ms" / "p99_ms": that latency percentile, below ``bound``;
    # "errors": non-2xx/3xx answers plus socket errors (timeouts included), at most ``bound``.
    metric: str
    bound: float
    versus: tuple[str, int] = BASELINE

    @property
    def runs(self) -> set[tuple[str, int]]:
        """The runs (scenario, connections) its value is computed from."""
        return {(self.key, self.connections), *([self.versus] if self.metric == "ratio" else [])}

    def value(self, by_run: dict[tuple[str, int], Measurement]) -> float:
        result = by_run[(self.key, self.connections)].result
        if self.metric == "ratio":
            return result.requests_per_second / by_run[self.versus].result.requests_per_second
        if self.metric == "errors":
            return result.errors
        return getattr(result, self.metric)

    def met(self, value: float) -> bool:
        if self.metric == "ratio":
            return value >= self.bound
        if self.metric == "errors":
            return value <= self.bound
        return value < self.bound


MACHINA_TOPIC = ("i", 50)

TARGETS = (
    Target("b", 50, "(b) anonymous step page >= 0.5 x baseline req/s", "ratio", 0.5),
    Target("c", 50, "(c) signed-in step page >= 0.15 x baseline req/s", "ratio", 0.15),
    Target("d", 1, "(d) Mijn voortgang p50 < 50 ms at 1 connection", "p50_ms", 50.0),
    Target("e", 1, "(e) mark step done p50 < 30 ms at 1 connection", "p50_ms", 30.0),
    Target("f", 50, "(f) forum topic page 1 >= 0.05 x baseline req/s", "ratio", 0.05),
    Target("g", 50, "(g) forum topic page 20 >= 0.05 x baseline req/s", "ratio", 0.05),
    Target(
        "f",
        50,
        "(f) forum topic page 1 >= 5 x machina's TopicView (i) req/s",
        "ratio",
        5.0,
        versus=MACHINA_TOPIC,
    ),
    Target("f", 50, "(f) forum topic page 1 p99 < 300 ms at 50 connections", "p99_ms", 300.0),
    Target("g", 50, "(g) forum topic page 20 p99 < 300 ms at 50 connections", "p99_ms", 300.0),
    Target("h", 50, "(h) forum index p99 < 300 ms at 50 connections", "p99_ms", 300.0),
    Target("j", 1, "(j) gap view p50 < 30 ms at 1 connection", "p50_ms", 30.0),
    Target("j", 50, "(j) gap view >= 0.05 x baseline req/s", "ratio", 0.05),
    Target("k", 1, "(k) team report p50 < 500 ms at 1 connection", "p50_ms", 500.0),
    *(
        Target(key, 50, f"({key}) no non-2xx/3xx, socket errors or timeouts", "errors", 0)
        for key in ("f", "g", "h", "i", "j")
    ),
)


def rows(measurements: list[Measurement]) -> list[dict]:
    """One plain dict per measurement, with its ratio to the baseline's requests/s."""
    by_run = {(m.scenario.key, m.connections): m for m in measurements}
    baseline = by_run[BASELINE].result.requests_per_second
    return [
        {
            "scenario": m.scenario.key,
            "title": m.scenario.title,
            "method": m.scenario.method,
            "path": m.scenario.path,
            "connections": m.connections,
            **m.result.as_dict(),
            "ratio_to_baseline": round(m.result.requests_per_second / baseline, 3),
        }
        for m in measurements
    ]


def targets(measurements: list[Measurement], chosen: Iterable[Target] = TARGETS) -> list[dict]:
    """Each target (of ``chosen``) with the measured value and whether it was met."""
    by_run = {(m.scenario.key, m.connections): m for m in measurements}
    checked = []
    for target in chosen:
        value = target.value(by_run)
        checked.append(
            {"target": target.description, "value": round(value, 3), "met": target.met(value)}
        )
    return checked


def table(result_rows: list[dict]) -> str:
    """The results as a fixed-width text table."""
    header = (
        f"{'scenario':<40} {'conns':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'x (a)':>6} {'non-2xx/3xx':>11} {'sock err':>8} {'timeouts':>8}"
    )
    lines = [header, "-" * len(header)]
    for row in result_rows:
        lines.append(
            f"{'(' + row['scenario'] + ') ' + row['title']:<40} {row['connections']:>5} "
            f"{row['requests_per_second']:>9.1f} {row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f} "
            f"{row['ratio_to_baseline']:>6.2f} {row['non_2xx_3xx']:>11} {row['socket_errors']:>8} "
            f"{row['timeouts']:>8}"
        )
    return "\n".join(lines)


def target_lines(checked: list[dict]) -> str:
    """The targets, one per line, with the measured value and MET / MISSED."""
    return "\n".join(
        f"  {'MET   ' if t['met'] else 'MISSED'} {t['target']}  (measured {t['value']})"
        for t in checked
    )


def machine(**versions: str) -> dict:
    """What the figures were measured on: the machine, and the ``versions`` of the
    services and tools (``postgres="16.4", ...``)."""
    return {
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        **versions,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def write(report: dict, *, prefix: str = "") -> Path:
    """Write ``report`` to results/<prefix><UTC timestamp>.json and
    results/<prefix>latest.json."""
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps({"timestamp": stamp, **report}, indent=2, ensure_ascii=False) + "\n"
    path = RESULTS_DIR / f"{prefix}{stamp}.json"
    path.write_text(text)
    (RESULTS_DIR / f"{prefix}latest.json").write_text(text)
    return path
