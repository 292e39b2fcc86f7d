"""Views for ``network``: the client's own network only. Thin: the person comes from
``permissions`` (a 404 for anyone but its owner), reads from ``selectors``, writes
through ``services``; every write is rate-limited and answers bad input with the form and
its error summary (400), nothing stored."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.ratelimits import rate_limited
from core.redirects import local_url

from . import selectors, services
from .forms import PersonForm
from .models import Circle
from .permissions import own_person_or_404
from .picture import draw

# Gentle questions that help find people one forgot (each leads to the form).
PROMPTS = [
    gettext_lazy("Wie heb je vroeger vaak gezien?"),
    gettext_lazy("Is er iemand die bijna een vriend is?"),
    gettext_lazy("Wie groet je in de straat of bij de school?"),
    gettext_lazy("Met wie werkte je vroeger fijn samen?"),
    gettext_lazy("Wie heeft je ooit geholpen, ook al was het iets kleins?"),
    gettext_lazy("Wie zou blij zijn als je weer eens belde?"),
]


def _too_many(request) -> bool:
    return rate_limited(request, "network-write", settings.NETWORK_RATE_LIMITS)


TOO_MANY = gettext_lazy(
    "Je hebt veel veranderd in korte tijd. Wacht even en probeer het dan opnieuw."
)


@login_required
def home(request):
    people = selectors.network_people(owner=request.user)
    return render(
        request,
        "network/home.html",
        {
            "people": people,
            "circles": [
                (circle, [person for person in people if person.circle == circle])
                for circle in Circle
            ],
            "picture": draw(people),
            "growth": selectors.network_growth(owner=request.user, people=len(people)),
            "prompts": PROMPTS,
        },
    )


def _person_form_page(request, *, person):
    """The add form (``person`` None) and the change form: one page, one form. A page
    that sends someone here to add a person (a step's "Doe het nu") names itself in
    ``?volgende=``: saving leads back there."""
    back = local_url(request, request.GET.get("volgende"))
    initial = PersonForm.initial_from(person) if person else None
    form = PersonForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if _too_many(request):
            form.is_valid()  # so the form comes back with what was typed
            form.add_error(None, str(TOO_MANY))
            status = 429
        elif form.is_valid():
            try:
                if person is None:
                    services.person_add(owner=request.user, **form.person_kwargs())
                else:
                    services.person_change(
                        owner=request.user, person=person, **form.person_kwargs()
                    )
            except services.NetworkError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Opgeslagen in je netwerk."))
                return redirect(back or "network:home")
    return render(
        request,
        "network/person_form.html",
        {"form": form, "person": person, "back": back},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request):
    return _person_form_page(request, person=None)


@login_required
@require_http_methods(["GET", "POST"])
def person_change(request, pk):
    return _person_form_page(request, person=own_person_or_404(owner=request.user, pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
def person_remove(request, pk):
    """The page asks first; only its form's POST removes the person (for real)."""
    person = own_person_or_404(owner=request.user, pk=pk)
    status = 200
    errors = []
    if request.method == "POST":
        if _too_many(request):
            errors, status = [{"message": TOO_MANY, "target": None}], 429
        else:
            services.person_remove(owner=request.user, person=person)
            messages.success(
                request, _("%(name)s staat niet meer in je netwerk.") % {"name": person.name}
            )
            return redirect("network:home")
    return render(
        request, "network/person_remove.html", {"person": person, "errors": errors}, status=status
    )
