"""Markdown for forum posts, rendered to HTML that is safe to show to everyone, and
subjects kept to one plain line.

Machina's default renderer (markdown2 in safe mode) lets ``[x](javascript&#58;alert(1))``
through. Here markdown-it (CommonMark, raw HTML off) renders, and nh3 then keeps only a
strict allow-list of tags and attributes, with http, https and mailto as the only link
schemes. nh3 parses the HTML first, so entities are decoded before the scheme is checked.
"""

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "code",
    "pre",
    "hr",
}
# "*" empty: none of nh3's default attributes (title, lang) on every tag either.
ALLOWED_ATTRIBUTES = {"*": set(), "a": {"href"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

_markdown = MarkdownIt("commonmark", {"html": False, "breaks": True}).disable("image")


def render(text: str, **_options) -> str:
    """Return sanitised HTML for the Markdown ``text`` (machina's MARKUP_LANGUAGE hook)."""
    html = _markdown.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()
