"""Low-data mode: pages without the topics' pictures and without optional scripts.

A reader asks for it with the browser's ``Save-Data: on`` header or with the switch in
the footer (``website.views.low_data_switch``), whose cookie wins over the header either
way. The answer is read once per request (``request.low_data``); every response varies
on both, and every cache that can hold the pictures keys on it (the anonymous page cache
in ``core.middleware``, ``forum.fragments.BoardIndex``), so neither variant can reach a
reader who asked for the other.
"""

from django.http import HttpRequest
from django.utils.cache import patch_vary_headers

COOKIE_NAME = "weinig_data"
ON, OFF = "aan", "uit"


def wants_low_data(request: HttpRequest) -> bool:
    """Whether this reader asked for low-data mode: the switch's choice, else the header."""
    choice = request.COOKIES.get(COOKIE_NAME)
    if choice in (ON, OFF):
        return choice == ON
    return request.headers.get("Save-Data", "").strip().lower() == "on"


class LowDataMiddleware:
    """Sets ``request.low_data``; every response varies on what decided it. Must come
    before the anonymous page cache, whose hits it marks too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.low_data = wants_low_data(request)
        response = self.get_response(request)
        patch_vary_headers(response, ("Save-Data", "Cookie"))
        return response
