"""The site's URLs plus ``/bench/baseline/``: the cost of Django itself, as a yardstick.

The baseline view does no work of its own: it returns a fixed page of about
the size of a step page, so its requests/s is what the full middleware stack,
gunicorn and the network cost. The other scenarios are compared with it.
"""

from django.http import HttpResponse
from django.urls import path

from website import urls as site_urls

BASELINE_PARAGRAPH = (
    "<p>Samenredzaam: samen sterker, stap voor stap. Dit is een vaste pagina voor de "
    "benchmark; ze meet wat Django, gunicorn en de middleware kosten zonder de app.</p>\n"
)
BASELINE_BODY = (
    "<!doctype html>\n<html lang='nl'><head><meta charset='utf-8'><title>Baseline</title>"
    "</head><body>\n" + BASELINE_PARAGRAPH * 120 + "</body></html>\n"
).encode()  # about 20 KB


def baseline(request):
    """A fixed ~20 KB HTML page: no database, no templates."""
    return HttpResponse(BASELINE_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/baseline/", baseline), *site_urls.urlpatterns]

handler404 = site_urls.handler404
handler500 = site_urls.handler500
handler429 = site_urls.handler429
