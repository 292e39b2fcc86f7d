"""Template helpers for learning pages: step blocks, and the topics' pictures."""

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..icons import DRAWINGS

register = template.Library()


@register.simple_tag(takes_context=True)
def topic_icon(context, topic: Any, *, named: bool = False) -> str:
    """The picture of ``topic`` (anything with ``name`` and ``icon``: a ``Topic``, the
    catalog's ``TopicInfo`` or ``TopicLook``), inline. Beside the topic's name it is
    decoration (``aria-hidden``); ``named=True`` where it stands for the topic alone
    (role ``img``, the topic's name). Nothing for a topic without one, or in low-data
    mode (``low_data`` in the context: ``core.lowdata``)."""
    drawing = DRAWINGS.get(topic.icon) if topic and topic.icon else None
    if drawing is None or context.get("low_data"):
        return ""
    if named:
        label = format_html(' role="img" aria-label="{}"', topic.name)
    else:
        label = mark_safe(' aria-hidden="true"')  # noqa: S308 (a constant)
    return format_html(
        '<svg class="topic-icon" data-icon="{}" viewBox="0 0 24 24" width="24" height="24"{}'
        ' fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"'
        ' stroke-linejoin="round">{}</svg>',
        topic.icon,
        label,
        mark_safe(drawing),  # noqa: S308 (our own drawings, learning/icons.py)
    )


@register.simple_tag
def answer_for(answers, block_id, value):
    """The option (a ListBlock child with ``id`` and ``value``) the learner chose, or None."""
    chosen_id = (answers or {}).get(block_id)
    return next((o for o in value["options"].bound_blocks if o.id == chosen_id), None)


@register.simple_tag
def error_for(errors, form_id):
    """The message of the error among ``errors`` (a step's input errors) that is about the
    form with id ``form_id``, or None."""
    target = f"{form_id}-fout"
    return next((e.message for e in errors or () if e.target == target), None)
