"""Template tags used across the site."""

import re

from django import template
from django.template.loader_tags import BlockNode
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from core.fragments import csrf_placeholder, csrf_token, path_placeholder, shared_fragment

register = template.Library()

# A phone number as people write it: digits with spaces or dashes, perhaps a leading +.
PHONE_NUMBER = re.compile(r"\+?\d[\d -]*\d|\d")


@register.filter
def machine_time(moment):
    """``moment`` for a <time datetime> attribute: local time to the second. (Django's
    "c" format writes microseconds; HTML allows at most three decimals.)"""
    return timezone.localtime(moment).isoformat(timespec="seconds")


@register.simple_tag(takes_context=True)
def csrf_input(context):
    """A CSRF hidden input that also works in HTML shared between readers.

    While shared HTML renders (the anonymous page cache, shared fragments, and
    ``CachedHtml``, which renders without a request) it writes a stand-in that is
    replaced per response.
    """
    request = context.get("request")
    if request is None:
        token = csrf_placeholder()
    else:
        token = getattr(request, "csrf_placeholder", None) or csrf_token(request)
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


@register.simple_tag(takes_context=True)
def current_path(context):
    """The address of this request (path and query), also inside a shared fragment."""
    request = context.get("request")
    if request is None:
        return path_placeholder()
    return getattr(request, "path_placeholder", None) or request.get_full_path()


class SharedFragmentNode(template.Node):
    # Holds no blocks (checked when parsed): Django need not search it for them each
    # time a page that extends this template renders.
    child_nodelists = ()

    def __init__(self, name: str, vary_on, nodelist):
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context):
        return shared_fragment(
            context["request"],
            self.name,
            [value.resolve(context) for value in self.vary_on],
            lambda: self.nodelist.render(context),
        )


@register.tag("shared_fragment")
def shared_fragment_tag(parser, token):
    """``{% shared_fragment "name" value … %} … {% endshared_fragment %}``: page chrome
    rendered once per process for readers alike in the values (and language).

    Everything inside may depend only on those values, the language and the code; the
    CSRF token and the address go in through ``{% csrf_input %}`` and
    ``{% current_path %}``. No blocks inside: a child template's block would be
    shared with every other page.
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name first")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError(f"{bits[0]} {bits[1]} must not contain blocks")
    return SharedFragmentNode(bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]], nodelist)


@register.filter
def tel_links(text: str) -> str:
    """``text`` (as editors write a phone field: "113 of 0800-0113") with every number in
    it a ``tel:`` link a phone can call; the words between stay plain text."""
    text = str(text)
    html, end = [], 0
    for match in PHONE_NUMBER.finditer(text):
        number = match.group()
        dial = re.sub(r"[^\d+]", "", number)
        html += [
            escape(text[end : match.start()]),
            format_html('<a href="tel:{}">{}</a>', dial, number),
        ]
        end = match.end()
    html.append(escape(text[end:]))
    return mark_safe("".join(html))  # noqa: S308 (every part escaped above)
