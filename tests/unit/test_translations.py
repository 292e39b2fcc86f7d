"""Every string of ours has its English translation in the compiled catalog that
``make messages`` writes it to: ``locale/`` for the project's apps, ``forum/locale/`` for
the forum (which has its own, next to machina's Dutch)."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation.template import templatize

GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "gettext_noop"}
# A call in Django's templatize() output, which is meant for xgettext, not for Python.
TEMPLATE_CALL = re.compile(
    r"""\b(?:_|gettext|ngettext)\(\s*(u?'(?:[^'\\]|\\.)*'|u?"(?:[^"\\]|\\.)*")"""
)
ROOT = Path(settings.BASE_DIR)
# Which apps' strings go to which catalog.
CATALOGS = {
    "locale": ["website", "core", "accounts", "learning", "team", "network", "nearby"],
    "forum/locale": ["forum"],
}


def _msgids(path: Path) -> set[str]:
    """The translatable strings (singular msgids) in a Python file or a template."""
    source = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".txt"):
        found = TEMPLATE_CALL.findall(templatize(source, origin=str(path)))
        return {ast.literal_eval(literal) for literal in found}
    return {
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT_NAMES
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def _sources(app: str) -> list[Path]:
    """An app's code and templates, without its migrations (Django writes their
    verbose names again from the models)."""
    base = ROOT / app
    code = [path for path in base.rglob("*.py") if "migrations" not in path.parts]
    templates = [*base.rglob("templates/**/*.html"), *base.rglob("templates/**/*.txt")]
    return sorted(code + templates)


@pytest.mark.parametrize("catalog", sorted(CATALOGS))
def test_every_string_has_an_english_translation(catalog):
    with open(ROOT / catalog / "en/LC_MESSAGES/django.mo", "rb") as mo:
        translated = {
            key if isinstance(key, str) else key[0]
            for key, value in gettext.GNUTranslations(mo)._catalog.items()
            if key and value
        }
    wanted = set().union(*(_msgids(path) for app in CATALOGS[catalog] for path in _sources(app)))
    assert len(wanted) > 50, "too few strings found: the extraction is broken"
    assert sorted(wanted - translated) == []
