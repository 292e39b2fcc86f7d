"""The site's URLs plus two bench-only ones.

``/bench/baseline/`` is the cost of Django itself, as a yardstick: it returns a fixed
page of about the size of a step page, so its requests/s is what the full middleware
stack, gunicorn and the network cost. The other scenarios are compared with it.

``/bench/machina/forum/<forum>/topic/<topic>/`` is machina's own, unmodified topic view
(``machina.apps.forum_conversation.views.TopicView``, template
``forum_conversation/topic_detail.html``) on the site's data, so our topic page can be
compared with what it replaces. It exists only here, never on the site.
"""

from django.http import HttpResponse
from django.urls import path
from machina.apps.forum_conversation.views import TopicView as MachinaTopicView

from website import urls as site_urls

BASELINE_PARAGRAPH = (
    "<p>Samenredzaam: samen sterker, stap voor stap. Dit is een vaste pagina voor de "
    "benchmark; ze meet wat Django, gunicorn en de middleware kosten zonder de app.</p>\n"
)
BASELINE_BODY = (
    "<!doctype html>\n<html lang='nl'><head><meta charset='utf-8'><title>Baseline</title>"
    "</head><body>\n" + BASELINE_PARAGRAPH * 120 + "</body></html>\n"
).encode()  # about 20 KB
MACHINA_TOPIC_PREFIX = "bench/machina/"  # + the site's topic path, e.g. forum/x-3/topic/y-5/


def baseline(request):
    """A fixed ~20 KB HTML page: no database, no templates."""
    return HttpResponse(BASELINE_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/baseline/", baseline),
    path(
        MACHINA_TOPIC_PREFIX
        + "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:slug>-<int:pk>/",  # as machina's
        MachinaTopicView.as_view(),
        name="bench_machina_topic",
    ),
    *site_urls.urlpatterns,
]

handler400 = site_urls.handler400
handler404 = site_urls.handler404
handler500 = site_urls.handler500
handler429 = site_urls.handler429
