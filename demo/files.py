"""Reading the demo's data files (``content/``): YAML, and a check that names the file
and the unknown key when a file holds a key the loader does not know (a typo would
otherwise be skipped without a word)."""

from collections.abc import Collection
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def check_keys(
    item, *, path: Path, where: str, required: Collection[str], optional: Collection[str] = ()
) -> None:
    """Raise ValueError naming ``path`` and ``where`` in it when ``item`` is not a mapping,
    misses a required key or has a key that is neither required nor optional."""
    if not isinstance(item, dict):
        raise ValueError(f"{path}: {where} is not a list of keys and values")
    unknown = sorted(set(item) - set(required) - set(optional))
    if unknown:
        raise ValueError(f"{path}: unknown key {unknown[0]!r} in {where}")
    missing = sorted(set(required) - set(item))
    if missing:
        raise ValueError(f"{path}: {where} has no {missing[0]!r}")
