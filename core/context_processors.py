"""Values every template needs."""

from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        # Low-data mode (core.lowdata): no topic pictures, no optional scripts.
        "low_data": getattr(request, "low_data", False),
    }
