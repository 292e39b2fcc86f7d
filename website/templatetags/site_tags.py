"""Template tags used across the site."""

from django import template
from django.utils.html import format_html

from website.fragments import csrf_token

register = template.Library()


@register.simple_tag(takes_context=True)
def csrf_input(context):
    """A CSRF hidden input that also works on pages from the anonymous page cache.

    On a cacheable request it writes a placeholder that
    ``website.middleware.AnonymousPageCacheMiddleware`` replaces per response.
    """
    request = context["request"]
    token = getattr(request, "csrf_placeholder", None) or csrf_token(request)
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
