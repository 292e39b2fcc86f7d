"""A small checker that looks for markup able to run script, for XSS tests.

``find_executable_markup`` parses HTML with the standard library's ``html.parser.HTMLParser``
(``convert_charrefs=True``, so attribute values arrive with entities such as ``&#58;`` or
``&#x6A;`` already decoded, the way a browser sees them) and reports every construct through
which a page could run script or be taken over by injected markup:

* elements that run or embed active content, or restyle or redirect the page: ``script``
  (unless its ``src`` is one of ``allowed_script_srcs``), ``iframe``, ``frame``, ``object``,
  ``embed``, ``applet``, ``svg``, ``math``, ``style``, ``base``, ``meta`` with ``http-equiv``
  (refresh redirects, cookie setting), and ``link`` unless it is one of the page's own links
  (``rel`` stylesheet, icon, apple-touch-icon or manifest) to a same-origin path starting
  with ``/``;
* ``form`` elements whose ``action`` leaves the site (anything other than ``""`` or a
  same-origin path): our own forms post to our own paths, injected ones harvest input;
* any ``on*`` event-handler attribute, any ``style`` attribute (CSS injection, overlays) and
  ``srcdoc`` (a whole HTML document in an attribute);
* URL-bearing attributes (``href``, ``src``, ``action``, ``formaction``, ``xlink:href``,
  ``data``, ``poster``, ``background``, ``lowsrc``, ``dynsrc``, ``codebase``, ``cite``) whose
  value, once every ASCII whitespace and control character is removed (browsers ignore
  ``java\\tscript:`` tabs and newlines, and leading control characters) and lowercased, starts
  with ``javascript:``, ``vbscript:``, ``livescript:`` or ``data:``; ``data:image/`` is accepted
  on ``img src`` only, where it cannot run script.

It is deliberately strict about what it flags and deliberately narrow in what it accepts, so
that it can be run both on sanitiser output (forum posts) and on whole rendered pages of this
site, whose base template loads ``<script src="/static/js/site.js" defer>`` and a same-origin
stylesheet and contains forms posting to same-origin paths. The stdlib parser is not a full
HTML5 parser, so this is meant for well-formed output (what a sanitiser or our templates
serialise), not as a proof that arbitrary broken markup is harmless in every browser.
"""

from __future__ import annotations

from collections.abc import Iterable
from html.parser import HTMLParser

__all__ = ["find_executable_markup"]

ALWAYS_BAD_TAGS = frozenset(
    {"iframe", "frame", "object", "embed", "applet", "svg", "math", "style", "base"}
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "lowsrc",
        "dynsrc",
        "codebase",
        "cite",
    }
)
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:")


def _squash(value: str) -> str:
    """Drop ASCII whitespace and control characters anywhere in ``value``, then lowercase."""
    return "".join(ch for ch in value if ord(ch) > 0x20 and ord(ch) != 0x7F).lower()


def _is_same_origin_path(value: str) -> bool:
    """True for "/some/path" (not "//host" or "/\\host", which are protocol-relative)."""
    squashed = _squash(value)
    return squashed.startswith("/") and squashed[1:2] not in ("/", "\\")


def _is_same_origin_reference(value: str) -> bool:
    """True for "", absolute paths and relative references without a scheme or host."""
    squashed = _squash(value)
    if squashed == "":
        return True
    if squashed[:2].replace("\\", "/") == "//" or squashed.startswith("\\"):
        return False
    # A scheme is whatever precedes the first ":" if that comes before any "/", "?" or "#".
    head = squashed
    for sep in "/?#":
        head = head.split(sep, 1)[0]
    return ":" not in head


# The links a page of ours has in its head (the style sheets, the icons, the manifest).
PAGE_LINKS = frozenset({"stylesheet", "icon", "apple-touch-icon", "manifest"})


class _Checker(HTMLParser):
    def __init__(self, allowed_script_srcs: Iterable[str]):
        super().__init__(convert_charrefs=True)
        self.allowed_script_srcs = frozenset(allowed_script_srcs)
        self.problems: list[str] = []

    def _report(self, tag: str, message: str) -> None:
        line, column = self.getpos()
        self.problems.append(f"line {line}, col {column}: <{tag}> {message}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}

        if tag in ALWAYS_BAD_TAGS:
            self._report(tag, "element is not allowed")
        elif tag == "script":
            if "src" not in values:
                self._report(tag, "inline script")
            elif values["src"] not in self.allowed_script_srcs:
                self._report(tag, f"script src={values['src']!r} is not an allowed script")
        elif tag == "link":
            rel = values.get("rel", "").lower().split()
            href = values.get("href", "")
            if len(rel) != 1 or rel[0] not in PAGE_LINKS or not _is_same_origin_path(href):
                self._report(tag, f"link rel={values.get('rel')!r} href={href!r} is not allowed")
        elif tag == "meta" and "http-equiv" in values:
            self._report(tag, f"meta http-equiv={values['http-equiv']!r}")
        elif tag == "form" and not _is_same_origin_reference(values.get("action", "")):
            self._report(tag, f"form posts off-site: action={values['action']!r}")

        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._report(tag, f"event handler attribute {name}={value!r}")
            elif name == "style":
                self._report(tag, f"style attribute {value!r}")
            elif name == "srcdoc":
                self._report(tag, f"srcdoc attribute {value!r}")
            elif name in URL_ATTRIBUTES:
                squashed = _squash(value)
                if squashed.startswith(DANGEROUS_SCHEMES):
                    if tag == "img" and name == "src" and squashed.startswith("data:image/"):
                        continue
                    self._report(tag, f"dangerous URL in {name}={value!r}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def find_executable_markup(html: str, *, allowed_script_srcs: Iterable[str] = ()) -> list[str]:
    """Return human-readable descriptions of script-capable markup in ``html`` ([] if none).

    ``allowed_script_srcs`` lists exact ``src`` values of external scripts that are expected
    (for example ``"/static/js/site.js"`` on whole pages); any other script is reported.
    """
    checker = _Checker(allowed_script_srcs)
    checker.feed(html)
    checker.close()
    return checker.problems
