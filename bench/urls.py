"""The site's URLs plus three bench-only ones.

``/bench/baseline/`` is the cost of Django itself, as a yardstick: it returns a fixed
page of about the size of a step page, so its requests/s is what the full middleware
stack, gunicorn and the network cost. The other scenarios are compared with it.

``/bench/machina/forum/<forum>/topic/<topic>/`` is machina's own, unmodified topic view
(``machina.apps.forum_conversation.views.TopicView``, template
``forum_conversation/topic_detail.html``) on the site's data, so our topic page can be
compared with what it replaces. It exists only here, never on the site. Its template
links to machina pages the site does not route (``forum/urls.py``); here those names
exist, so the page renders, and answer 404 as on the site.

``/bench/ablation/`` says which mechanism the answering process serves without and
whether it really was off (``bench.ablations.state``), for ``bench/ablate.py``.
"""

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import URLResolver, include, path
from machina.apps.forum_conversation.views import TopicView as MachinaTopicView

from bench import ablations
from forum import urls as forum_urls
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


def ablation(request):
    """What ``bench/ablated_wsgi.py`` switched off in this process, and the proof."""
    return JsonResponse(ablations.state())


def not_on_the_site(request, **kwargs):
    raise Http404


# By namespace: machina's names that its topic template reverses and the site leaves out.
MACHINA_ONLY_NAMES = {
    "forum_conversation": [
        path("topic/<str:slug>-<int:pk>/update/", not_on_the_site, name="topic_update"),
    ],
    "forum_member": [
        path("topic/<int:pk>/subscribe/", not_on_the_site, name="topic_subscribe"),
        path("topic/<int:pk>/unsubscribe/", not_on_the_site, name="topic_unsubscribe"),
    ],
}


def _with_machina_names(entry):
    """A site URL entry, with the names above added to the forum's URL sets."""
    if not isinstance(entry, URLResolver):
        return entry
    if entry.urlconf_name is forum_urls:
        forum_patterns = [_with_machina_names(inner) for inner in forum_urls.urlpatterns]
        return path(str(entry.pattern), include(forum_patterns))
    extra = MACHINA_ONLY_NAMES.get(entry.namespace)
    if not extra:
        return entry
    return path(str(entry.pattern), include(([*entry.url_patterns, *extra], entry.app_name)))


urlpatterns = [
    path("bench/baseline/", baseline),
    path("bench/ablation/", ablation),
    path(
        MACHINA_TOPIC_PREFIX
        + "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:slug>-<int:pk>/",  # as machina's
        MachinaTopicView.as_view(),
        name="bench_machina_topic",
    ),
    *(_with_machina_names(entry) for entry in site_urls.urlpatterns),
]

handler400 = site_urls.handler400
handler404 = site_urls.handler404
handler500 = site_urls.handler500
handler429 = site_urls.handler429
