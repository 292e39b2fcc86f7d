"""The search relevance set (``tests/data/search_relevance.yaml``) run through the search
page's own selector: hit@3 (a good page among the first three results), MRR (the mean
of 1 / the rank of the first good page, 0 when none is among the first ten) and the
queries that missed. Used by ``tests/integration/test_search_relevance.py`` and by
``make bench`` (``python bench/relevance.py``, see ``main``)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RELEVANCE_SET = ROOT / "tests" / "data" / "search_relevance.yaml"
TOP = 3


@dataclass(frozen=True)
class Case:
    q: str
    kind: str
    pages: tuple[str, ...]


@dataclass
class Scores:
    """The figures over the whole set, and per query the rank of the first good page
    (0: not among the results shown) and how many results there were."""

    ranks: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def hit_at_3(self) -> float:
        return sum(1 for rank in self.ranks.values() if 0 < rank <= TOP) / len(self.ranks)

    @property
    def mrr(self) -> float:
        return sum(1 / rank for rank in self.ranks.values() if rank) / len(self.ranks)

    @property
    def misses(self) -> list[str]:
        return [q for q, rank in self.ranks.items() if not 0 < rank <= TOP]

    @property
    def empty(self) -> list[str]:
        return [q for q, total in self.totals.items() if not total]

    def summary(self, label: str) -> str:
        lines = [
            f"{label}: hit@{TOP} {self.hit_at_3:.1%}  MRR {self.mrr:.3f}  "
            f"({len(self.ranks)} queries, {len(self.empty)} with no results)"
        ]
        lines += [f"  miss: {q!r} (rank {self.ranks[q] or '-'})" for q in self.misses]
        return "\n".join(lines)


def cases(path: Path = RELEVANCE_SET) -> list[Case]:
    return [
        Case(q=row["q"], kind=row["kind"], pages=tuple(row["pages"]))
        for row in yaml.safe_load(path.read_text())
    ]


def measure(relevance_set: list[Case] | None = None) -> Scores:
    """Each query through ``search.selectors.site_search`` (the pages group, first
    page of results), as the search page asks it."""
    from search.models import Kind
    from search.selectors import site_search

    scores = Scores()
    for case in relevance_set or cases():
        group = site_search(text=case.q, only=Kind.PAGE).groups[Kind.PAGE]
        urls = [hit["url"] for hit in group.hits]
        scores.ranks[case.q] = next(
            (at for at, url in enumerate(urls, start=1) if url in case.pages), 0
        )
        scores.totals[case.q] = group.total
    return scores


def _leg() -> int:
    """Load the demo content into the configured database (the bench's own one, made
    anew, when it is PostgreSQL), index it, and print the figures for the configured
    search backend."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from search.backends import get_backend
    from search.models import Kind
    from search.services import search_rebuild

    vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    if vendor == "postgresql":
        from bench import database

        database.recreate_database()
    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo", verbosity=0)
    search_rebuild()
    backend = get_backend()
    try:
        print(measure().summary(f"{backend.name} ({vendor})"), flush=True)
    finally:
        if backend.name == "elasticsearch":
            for kind in Kind:
                backend.drop(kind)  # type: ignore[attr-defined]
    return 0


def main() -> int:
    """``make bench``: the figures per backend, each in a process of its own: the
    database backend on PostgreSQL (the bench's database) and on SQLite, and
    Elasticsearch when ``ELASTICSEARCH_URL`` is set (its analyzer
    ``SEARCH_ELASTICSEARCH_ANALYZER`` when set, else ``standard``). ``--leg`` runs one,
    as configured."""
    import os
    import subprocess
    import tempfile

    sys.path.insert(0, str(ROOT))
    if "--leg" in sys.argv:
        return _leg()
    database = "search.backends.database.DatabaseBackend"
    legs = {
        "PostgreSQL": {"DJANGO_SETTINGS_MODULE": "bench.settings", "SEARCH_BACKEND": database},
    }
    with tempfile.TemporaryDirectory() as scratch:
        legs["SQLite"] = {
            "DJANGO_SETTINGS_MODULE": "website.settings.dev",
            "DATABASE_URL": f"sqlite:///{scratch}/relevance.sqlite3",
            "SEARCH_BACKEND": database,
        }
        if os.environ.get("ELASTICSEARCH_URL"):
            legs["Elasticsearch"] = {
                # The documents from a database of its own (bench.settings pins the
                # database backend).
                "DJANGO_SETTINGS_MODULE": "website.settings.dev",
                "DATABASE_URL": f"sqlite:///{scratch}/elasticsearch.sqlite3",
                "SEARCH_BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
                "SEARCH_INDEX_PREFIX": "relevance-bench",
                # The cluster `make bench` starts has only the core analyzers.
                "SEARCH_ELASTICSEARCH_ANALYZER": os.environ.get(
                    "SEARCH_ELASTICSEARCH_ANALYZER", "standard"
                ),
                "SEARCH_ELASTICSEARCH_REFRESH": "true",
                "SEARCH_ELASTICSEARCH_REPLICAS": "0",
            }
        print("\nSearch relevance (tests/data/search_relevance.yaml):", flush=True)
        failed = 0
        for name, env in legs.items():
            run = subprocess.run(
                [sys.executable, __file__, "--leg"],
                env={**os.environ, **env},
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                check=False,
            )
            # Only the figures: load_demo's own report is not of interest here.
            figures = [
                line for line in run.stdout.splitlines() if "hit@" in line or "miss:" in line
            ]
            print("\n".join(figures), flush=True)
            if run.returncode:
                print(f"{name}: failed (exit {run.returncode})", flush=True)
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
