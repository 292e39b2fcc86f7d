"""The shell's middleware."""


class ClearSiteDataMiddleware:
    """When who is signed in changes (login, sign-up, logout, account deletion), the
    response asks the browser to forget what it kept for offline use: the pages, the
    queue of actions waiting for a connection, and the service worker itself. On a shared
    phone the next person must not find the last one's steps. ``website.receivers`` marks
    the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "signed_in_person_changed", False):
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response
