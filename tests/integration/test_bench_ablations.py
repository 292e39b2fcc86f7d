"""bench/ablations.py, the switches of bench/ablate.py: each one patches the production code
and leaves it as it found it, serves scenarios the bench measures, and its check tells a
mechanism that is off from one that is not (timing is bench/ablate.py's business)."""

import gc
import sys
from pathlib import Path
from types import ModuleType

import pytest
from django.core.cache import cache

import learning.selectors
from bench import ablations
from bench.scenarios import RUNS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def _project_loaded():
    # Switching off imports every view first; the snapshots below must not see that as
    # the switch's doing.
    ablations.load_project()


def _project_names() -> dict:
    """Every name in the project's loaded modules and their classes, and in ``gc``."""
    names: dict = {("gc", "freeze count"): gc.get_freeze_count()}
    for module_name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None) or ""
        ours = path.startswith(str(ROOT)) and "/.venv/" not in path
        if module_name != "gc" and not ours:
            continue
        for name, value in vars(module).items():
            names[(module_name, name)] = value
            if isinstance(value, type) and value.__module__ == module_name:
                for attribute, member in vars(value).items():
                    names[(module_name, name, attribute)] = member
    return names


def _changed(before: dict, after: dict) -> set:
    return {key for key in before.keys() | after.keys() if before.get(key) is not after.get(key)}


@pytest.mark.parametrize("name", list(ablations.ABLATIONS))
def test_switching_off_patches_the_code_and_leaving_restores_it(name):
    before = _project_names()
    with ablations.switched_off(name) as check:
        during = _project_names()
        assert callable(check)
    assert _changed(before, during)
    assert not _changed(before, _project_names())


def test_every_mechanism_serves_scenarios_the_bench_measures():
    measured = {key for key, _connections in RUNS}
    for name, ablation in ablations.ABLATIONS.items():
        assert ablation.scenarios, name
        assert set(ablation.scenarios) <= measured - {"a"}, name  # (a) is always measured


def _holders(value: object) -> set[str]:
    return {
        name
        for name, module in list(sys.modules.items())
        if isinstance(module, ModuleType) and any(v is value for v in vars(module).values())
    }


def test_a_function_is_replaced_wherever_it_was_imported_by_name(db):
    memoised = learning.selectors.catalog
    holders = _holders(memoised)
    assert {"learning.selectors", "learning.views", "forum.views"} <= holders
    with ablations.switched_off("catalog-memo") as check:
        assert not _holders(memoised)
        assert check() is not None  # not called yet
        assert learning.selectors.catalog() is not None
        assert learning.selectors._process_catalog is None
        assert check() is None
    assert _holders(memoised) == holders


def test_forgotten_keys_are_neither_found_nor_kept():
    with ablations.switched_off("routed-page") as check:
        assert "nothing asked" in check()
        learning.selectors.cache.set("learning-page:test", "page")
        assert learning.selectors.cache.get("learning-page:test") is None
        assert cache.get("learning-page:test") is None
        learning.selectors.cache.set("learning-catalog:test", "catalog")  # not forgotten
        assert learning.selectors.cache.get("learning-catalog:test") == "catalog"
        assert check() is None
        cache.set("learning-page:elsewhere", "page")  # kept by something not switched off
        assert "learning-page:elsewhere" in check()
