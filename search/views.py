"""The search page ``/zoeken/``: site search, a module forum's search (``forum=<id>``)
and one group paged (``soort=leren|forum``). Works without JavaScript: a GET form."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from machina.core.db.models import get_model

from forum import links
from forum.selectors import module_forum_for

from .forms import GROUPS, SearchForm
from .selectors import site_search

Forum = get_model("forum", "Forum")
NAMES = {kind: name for name, kind in GROUPS.items()}


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "search/search.html", {"form": form}, status=400)
    forum = None
    if form.cleaned_data["forum"]:
        forum = Forum.objects.filter(pk=form.cleaned_data["forum"]).only("pk", "name").first()
        if forum is None:
            raise Http404
    only = form.only or (GROUPS["forum"] if forum else None)
    results = site_search(
        text=form.cleaned_data["q"],
        topic_id=form.topic_id,
        forum_id=forum.pk if forum else None,
        only=only,
        page=form.cleaned_data["pagina"] or 1,
    )
    params = request.GET.copy()
    params.pop("pagina", None)
    correction = results.suggestion or results.corrected
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "results": results,
            "groups": [
                (kind, group, _with(request.GET, soort=NAMES[kind], pagina=None))
                for kind, group in results.groups.items()
            ],
            "forum": forum,
            "only": only,
            "params": params.urlencode(),
            "correction_query": _with(request.GET, q=correction, pagina=None) if correction else "",
            "ask_url": _ask_url(results, forum) if results.unsure and results.query.text else "",
        },
    )


def _ask_url(results, forum) -> str:
    """Where to ask the question on the forum, the query filled in as its subject: the
    forum searched in, else the forum of the best result's module, else the forum's
    index (to pick one)."""
    if forum is None and results.ask_module_id is not None:
        module_forum = module_forum_for(module_id=results.ask_module_id)
        forum = module_forum.forum if module_forum and not module_forum.archived_at else None
    if forum is None:
        return reverse("forum:index")
    return f"{links.new_topic_url(forum)}?{urlencode({'vraag': results.query.text})}"


def _with(query, **changes) -> str:
    params = query.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return params.urlencode()
