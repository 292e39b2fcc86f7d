"""The NL Design System CSS is built at install time (``scripts/build-css.sh``, run by
``make install``) from the packages pinned in ``package.json`` and ``package-lock.json``:
every pinned package ends up in the one built file, and the static files find it."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

ROOT = Path(settings.BASE_DIR)


def test_every_pinned_package_is_in_the_built_css_at_its_locked_version():
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    built = finders.find("vendor/nlds/nlds.css")
    assert built, "run `make install` (scripts/build-css.sh) first"
    header = Path(built).read_text().split("*/", 1)[0]
    for name, version in pinned.items():
        assert locked[f"node_modules/{name}"]["version"] == version, name
        assert f" * {name} {version} " in header, name
