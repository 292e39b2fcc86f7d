"""The search page ``/zoeken/``: site search, a module forum's search (``forum=<id>``)
and one group paged (``soort=leren|forum``). Works without JavaScript: a GET form."""

from django.http import Http404
from django.shortcuts import render
from machina.core.db.models import get_model

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
        },
    )


def _with(query, **changes) -> str:
    params = query.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return params.urlencode()
