"""The pages of ``nearby``: the list (a GET form, no script needed), one initiative, and a
member's suggestion. Thin: reads from ``selectors``, the initiative from ``permissions``,
the write through ``services``; bad input answers 400 with the error summary, too many
suggestions 429, and nothing is stored then."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from core.ratelimits import rate_limited

from . import selectors, services
from .forms import FilterForm, SuggestForm
from .permissions import published_initiative_or_404

TOO_MANY = gettext_lazy(
    "Je hebt net al een paar initiatieven voorgesteld. Wacht even en probeer het dan opnieuw."
)


@require_GET
def initiative_list(request):
    form = FilterForm(request.GET)
    if not form.is_valid():
        return render(request, "nearby/list.html", {"form": form}, status=400)
    filters = form.filters()
    found = selectors.initiatives_found(**filters)
    params = request.GET.copy()
    params.pop("pagina", None)
    return render(
        request,
        "nearby/list.html",
        {
            "form": form,
            "found": found,
            "filtered": any(filters[key] for key in ("text", "postcode", "place", "topic_id")),
            "params": params.urlencode(),
        },
    )


@require_GET
def initiative_detail(request, pk):
    initiative = published_initiative_or_404(pk=pk)
    return render(request, "nearby/detail.html", {"initiative": initiative})


@login_required
@require_http_methods(["GET", "POST"])
def initiative_suggest(request):
    form = SuggestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if rate_limited(request, "nearby-suggest", settings.NEARBY_RATE_LIMITS):
            form.is_valid()  # so the form comes back with what was typed
            form.add_error(None, str(TOO_MANY))
            status = 429
        elif form.is_valid():
            services.initiative_suggest(
                by=request.user,
                fields={name: form.cleaned_data[name] for name in services.SUGGESTED_FIELDS},
                topics=form.cleaned_data["topics"],
            )
            messages.success(
                request,
                _(
                    "Dank je! Je voorstel wacht nu op een redacteur. Als het klopt, komt het "
                    "op de site."
                ),
            )
            return redirect("nearby:suggest")
    return render(
        request,
        "nearby/suggest.html",
        {"form": form, "suggested": selectors.initiatives_suggested(by=request.user)},
        status=status,
    )
