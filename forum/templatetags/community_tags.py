"""Template helpers for the forum."""

from django import template
from django.utils.translation import gettext as _

from forum import links
from forum.permissions import is_moderator
from forum.selectors import module_topics
from forum.selectors import peer_offered as selectors_peer_offered

register = template.Library()


@register.simple_tag(takes_context=True)
def forum_moderator(context) -> bool:
    """Whether the reader sees the moderators' links (cached on the user for the request)."""
    request = context["request"]
    return is_moderator(request.user)


@register.simple_tag
def module_forum_topics(module_id):
    """The module forum's recent and most helpful topics, for the learning pages."""
    return module_topics(module_id=module_id)


@register.simple_tag(takes_context=True)
def peer_offered(context, module_id) -> bool:
    """Whether the signed-in reader thinks along with the module (one query)."""
    return selectors_peer_offered(user=context["request"].user, module_id=module_id)


@register.filter
def step_topics(forum_topics, step_id):
    """The topics asked from the step ``step_id`` (``ModuleTopics.for_step``)."""
    return forum_topics.for_step(step_id)


@register.filter
def writer_name(item) -> str:
    """The public name of who wrote a post or started a topic; their account may be gone
    (posts kept after an account deletion)."""
    return item.poster.public_name if item.poster_id else _("verwijderde gebruiker")


register.filter("forum_url", links.forum_url)
register.filter("topic_url", links.topic_url)
register.filter("post_url", links.post_url)
register.filter("reply_url", links.reply_url)
register.filter("edit_url", links.edit_url)
