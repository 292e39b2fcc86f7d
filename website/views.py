"""Installable: the web app manifest (DESIGN.md, "Front end")."""

from django.conf import settings
from django.http import JsonResponse
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

# The colours of the installed app's title bar and splash screen: site.css's --brand and
# --paper (the pages' <meta name="theme-color"> says the same).
THEME_COLOUR = "#0b5d52"
BACKGROUND_COLOUR = "#fffdf8"


@require_safe
def manifest(request):
    """The web app manifest: what a phone needs to install the site as an app."""
    icon = {"type": "image/png", "sizes": "512x512"}
    data = {
        "id": "/",
        "name": settings.WAGTAIL_SITE_NAME,
        "short_name": settings.WAGTAIL_SITE_NAME,
        "description": _(
            "Leer stap voor stap over geld, toeslagen, opvoeden, gezond eten en werk. "
            "Samen met anderen."
        ),
        "lang": get_language(),
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static("icons/icon.svg"), "type": "image/svg+xml", "sizes": "any"},
            {"src": static("icons/icon-192.png"), "type": "image/png", "sizes": "192x192"},
            {"src": static("icons/icon-512.png"), **icon},
            {"src": static("icons/icon-maskable-512.png"), **icon, "purpose": "maskable"},
        ],
    }
    return JsonResponse(
        data,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
