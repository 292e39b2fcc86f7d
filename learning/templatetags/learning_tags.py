"""Template helpers for step blocks."""

from django import template

register = template.Library()


@register.simple_tag
def answer_for(answers, block_id, value):
    """The option (a ListBlock child with ``id`` and ``value``) the learner chose, or None."""
    chosen_id = (answers or {}).get(block_id)
    return next((o for o in value["options"].bound_blocks if o.id == chosen_id), None)
