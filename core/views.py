"""Project-level views: health checks and the error pages."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def health(request):
    """Liveness: the process answers. Touches nothing else."""
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request):
    """Readiness: the database answers, and the cache (Redis in production) too."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:
        logger.exception("Readiness: database unreachable")
        checks["database"] = "error"
    try:
        cache.set("ready-probe", "1", 5)
        checks["cache"] = "ok" if cache.get("ready-probe") == "1" else "error"
    except Exception:
        logger.exception("Readiness: cache unreachable")
        checks["cache"] = "error"
    ok = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if ok else "error", **checks}, status=200 if ok else 503)


def bad_request(request, exception=None):
    """Our 400 page. Django's own handler checks the CSRF token, which reads the form body
    again: a body Django could not read the first time (a charset other than UTF-8) would
    turn the 400 into a 500. This one never touches ``request.POST``."""
    return render(request, "400.html", status=400)


def too_many_requests(request, exception=None):
    """Rate limits (allauth's and ours) answer with this page and status 429."""
    return render(request, "429.html", status=429)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", {"SITE_NAME": settings.WAGTAIL_SITE_NAME}, status=500)
