"""Attach machina's permission handler to each request, without touching the session."""

from machina.core.loading import get_class

# Machina's handler; its checker is ours (``forum.machina_apps.forum_permission``).
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")


class ForumPermissionMiddleware:
    """Machina's own middleware stores a random key in every anonymous visitor's session,
    so that anonymous people can post. Here only signed-in people post, so the key is never
    needed, and a session row per passing visitor (and an uncacheable page) is not wanted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.forum_permission_handler = PermissionHandler()
        return self.get_response(request)
