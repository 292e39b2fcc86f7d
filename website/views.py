"""The shell's own pages: "Hulp nodig?" (the help page every header links to), and what
makes the site installable and usable offline: the web app manifest, the service worker's
script and the offline page (DESIGN.md, "Front end").

The worker's code is a static file (``js/offline-worker.js``); ``/sw.js`` gives it its
settings and imports it. Served from the root, the worker's scope is the whole site.
What the worker does, and why, is written at the top of its code.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST, require_safe

from core import lowdata
from core.redirects import local_url
from forum.selectors import crisis_support
from learning.models import StepPage
from team.selectors import client_workers

# The colours of the installed app's title bar and splash screen: site.css's --brand and
# --paper (the pages' <meta name="theme-color"> says the same).
THEME_COLOUR = "#0b5d52"
BACKGROUND_COLOUR = "#fffdf8"

# The learning pages (the index, the modules, the steps: /leren/ in DESIGN.md). The worker
# keeps a copy of each one the learner opens, and of no other page a signed-in person sees.
LEARNING_PAGES = "/leren/"
# The step's actions that may wait offline until the connection returns (its routes).
QUEUED_ACTIONS = ("complete", "tick", "answer")
# The static files every page needs, kept when the worker installs (with the offline page).
SHELL = (
    "vendor/nlds/nlds.css",
    "css/theme.css",
    "css/site.css",
    "js/site.js",
    "js/offline.js",
    "icons/icon.svg",
    "icons/icon-192.png",
)
WORKER_CODE = "js/offline-worker.js"


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


@cache
def _worker_script() -> str:
    """The worker's settings and the import of its code; the same for the life of the
    process. The version is a digest of the shell and the code: a deploy that changes
    either makes a new script, which the browser installs, with a cache of its own."""
    digest = hashlib.sha256()
    for path in (*SHELL, WORKER_CODE):
        digest.update(Path(finders.find(path)).read_bytes())
    offline_page = reverse("offline")
    config = {
        "version": digest.hexdigest()[:12],
        "precache": [static(path) for path in SHELL] + [offline_page],
        "offline": offline_page,
        "pages": LEARNING_PAGES,
        "actions": [StepPage.get_resolver().reverse(name) for name in QUEUED_ACTIONS],
        "static": settings.STATIC_URL,
    }
    return (
        f"self.SAMENREDZAAM_OFFLINE = {json.dumps(config)};\n"
        f"importScripts({json.dumps(static(WORKER_CODE))});\n"
    )


@require_safe
@cache_control(no_cache=True)
def service_worker(request):
    """``/sw.js``. The browser checks it for a new version on every visit (no-cache)."""
    return HttpResponse(_worker_script(), content_type="text/javascript; charset=utf-8")


@require_safe
def offline(request):
    """What the worker shows for a page it has no copy of while there is no connection.

    Kept in the browser: it holds nothing of the person it was fetched for.
    """
    return render(request, "website/offline.html", {"learning_pages": LEARNING_PAGES})


def help_page(request):
    """Where to find help, step by step: look it up, ask peers on the forum, an experience
    expert, the client's own workers (only when they have any), and the crisis lines
    that editors keep in "Hulp bij crisis"."""
    user = request.user
    return render(
        request,
        "help.html",
        {
            "crisis": crisis_support(),
            "workers": client_workers(client=user) if user.is_authenticated else [],
        },
    )


# How long the low-data choice is kept: a year, like a language chosen with the switch.
LOW_DATA_COOKIE_AGE = 365 * 24 * 60 * 60


@require_POST
def low_data_switch(request):
    """The footer's switch: low-data mode on or off (``core.lowdata``), kept in a cookie,
    then back to the page it was on (on this site only)."""
    choice = request.POST.get("weinig_data")
    if choice not in (lowdata.ON, lowdata.OFF):
        message = _("Kies de lichte of de gewone versie.")
        return render(request, "website/low_data_refused.html", {"message": message}, status=400)
    response = HttpResponseRedirect(local_url(request, request.POST.get("next")) or "/")
    response.set_cookie(
        lowdata.COOKIE_NAME,
        choice,
        max_age=LOW_DATA_COOKIE_AGE,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure(),
    )
    return response
