"""Tags for other apps' templates: a module's nearby initiatives (the learning pages
include ``nearby/includes/for_module.html``, which loads these)."""

from django import template

from ..selectors import initiatives_for_topic as _for_topic

register = template.Library()


@register.simple_tag
def initiatives_for_topic(topic_id):
    """A few published initiatives of the topic ``topic_id`` (one query)."""
    return _for_topic(topic_id=topic_id) if topic_id else []
