"""Views for ``team``. Thin: who may do what comes from ``permissions``, reads from
``selectors``, writes through ``services``. Every worker view of client data writes an
access-log line the client sees."""

import csv

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.ratelimits import rate_limited
from learning.models import ModulePage
from learning.selectors import catalog
from network.permissions import own_person_or_404
from network.selectors import people_of

from . import selectors, services
from .forms import (
    AgreementForm,
    ClientSearchForm,
    CodeForm,
    EncouragementForm,
    GapFilterForm,
    LinkRequestForm,
    PlanItemForm,
    ScopeForm,
    StepHelpForm,
    SupportInvitationForm,
)
from .fragments import GapBody
from .models import (
    AccessLog,
    Encouragement,
    Invitation,
    LinkRequest,
    PlanItem,
    SupportLink,
    TeamLink,
)
from .permissions import (
    is_team_lead,
    is_worker,
    led_teams,
    link_or_404,
    own_items,
    own_link_or_404,
    own_support_link_or_404,
    plan_items_in_scope,
    plan_link_or_404,
    scope_topic_ids,
    support_link_or_404,
)
from .progress import progress_index


def _worker_only(request):
    if not is_worker(request.user):
        raise PermissionDenied(_("Deze pagina is voor hulpverleners."))


# --- The client -----------------------------------------------------------------------------


@login_required
def home(request):
    return render(request, "team/home.html", {"team": selectors.client_team(client=request.user)})


@login_required
def invitation_new(request):
    form = ScopeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(client=request.user, **form.scope_kwargs())
        except services.TeamError as error:
            form.add_error(None, str(error))
        else:
            return redirect("team:invitation", pk=invitation.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "team/invitation_new.html", {"form": form}, status=status)


def _redeem_url(request, invitation: Invitation) -> str:
    return request.build_absolute_uri(reverse("team:redeem_code", args=[invitation.code]))


@login_required
def invitation_detail(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk, client=request.user)
    url = _redeem_url(request, invitation)
    qr = segno.make(url, error="m").svg_inline(scale=5, title=_("QR-code met je uitnodiging"))
    return render(
        request,
        "team/invitation_detail.html",
        {
            "invitation": invitation,
            "code": f"{invitation.code[:4]}-{invitation.code[4:]}",
            "url": url,
            "qr": mark_safe(qr),  # noqa: S308 (segno's SVG of our own URL)
        },
    )


@login_required
@require_POST
def invitation_cancel(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk, client=request.user)
    services.invitation_cancel(client=request.user, invitation=invitation)
    messages.success(request, _("De code is ingetrokken. Niemand kan hem nog gebruiken."))
    return redirect("team:home")


@login_required
def link_scope(request, pk):
    link = get_object_or_404(TeamLink, pk=pk, client=request.user, ended_at__isnull=True)
    form = ScopeForm(request.POST or None, initial=ScopeForm.initial_from(link))
    if request.method == "POST" and form.is_valid():
        services.link_set_scope(client=request.user, link=link, **form.scope_kwargs())
        messages.success(request, _("Opgeslagen. Dit geldt meteen."))
        return redirect("team:home")
    status = 400 if request.method == "POST" else 200
    return render(request, "team/link_scope.html", {"link": link, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def link_end(request, pk):
    """Either side ends the team: the page asks first and says what ending means (one
    tap on "Stop" is too easy a mistake); only its form's POST ends it."""
    link = own_link_or_404(user=request.user, pk=pk)
    as_worker = request.user.pk == link.worker_id
    if request.method == "POST":
        services.link_end(user=request.user, link=link)
        messages.success(request, _("Jullie zijn geen team meer. Er is niets meer te zien."))
        return redirect("team:clients" if as_worker else "team:home")
    return render(request, "team/link_end.html", {"link": link, "as_worker": as_worker})


@login_required
def request_answer(request, pk):
    link_request = get_object_or_404(
        LinkRequest.objects.select_related("worker"),
        pk=pk,
        client=request.user,
        answered_at__isnull=True,
    )
    form = ScopeForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("antwoord") == "nee":
            services.link_request_answer(client=request.user, request=link_request, accept=False)
            messages.success(request, _("Je hebt het verzoek geweigerd."))
            return redirect("team:home")
        if form.is_valid():
            services.link_request_answer(
                client=request.user, request=link_request, accept=True, **form.scope_kwargs()
            )
            messages.success(request, _("Jullie zijn nu een team."))
            return redirect("team:home")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "team/request_answer.html",
        {"link_request": link_request, "form": form},
        status=status,
    )


@login_required
def access_log(request):
    page = Paginator(selectors.access_log(client=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "team/access_log.html", {"page": page})


# --- The worker -----------------------------------------------------------------------------


@login_required
def redeem(request, code=""):
    """A code from a client: a worker's makes a team, a supporter's (anyone signed in may
    use one) a place in the client's plan; the code itself says which."""
    form = CodeForm(request.POST or None, initial={"code": code})
    status = 200
    if request.method == "POST":
        if rate_limited(request, "team-redeem", settings.TEAM_REDEEM_RATE_LIMITS):
            form.add_error(
                None, _("Je hebt te vaak een code geprobeerd. Probeer het over een uur weer.")
            )
            status = 429
        elif form.is_valid():
            try:
                link = services.invitation_redeem(user=request.user, code=form.cleaned_data["code"])
            except services.TeamError as error:
                form.add_error("code", str(error))
            else:
                if isinstance(link, SupportLink):
                    messages.success(
                        request,
                        _("Welkom! Je denkt nu mee in het plan van %(name)s.")
                        % {"name": link.client.public_name},
                    )
                    return redirect("team:support_plan", pk=link.pk)
                messages.success(
                    request,
                    _("Jullie zijn nu een team. Je ziet wat %(name)s met je deelt.")
                    % {"name": link.client.public_name},
                )
                return redirect("team:client", client_id=link.client_id)
        if status == 200:
            status = 400
    return render(
        request,
        "team/redeem.html",
        {"form": form, "request_form": LinkRequestForm() if is_worker(request.user) else None},
        status=status,
    )


@login_required
@require_POST
def request_send(request):
    _worker_only(request)
    form = LinkRequestForm(request.POST)
    if form.is_valid():
        try:
            services.link_request_send(worker=request.user, username=form.cleaned_data["username"])
        except services.TeamError as error:
            form.add_error("username", str(error))
        else:
            messages.success(
                request,
                _(
                    "Als deze gebruikersnaam bestaat, ziet die persoon je verzoek bij 'Mijn team'."
                    " Pas als die ja zegt, zie je iets."
                ),
            )
            return redirect("team:clients")
    return render(
        request, "team/redeem.html", {"form": CodeForm(), "request_form": form}, status=400
    )


@login_required
def clients(request):
    _worker_only(request)
    current = catalog()
    form = ClientSearchForm(
        request.GET,
        catalog=current,
        topic_ids=selectors.shared_topic_ids(worker=request.user, catalog=current),
    )
    if not form.is_valid():
        return render(request, "team/clients.html", {"form": form}, status=400)
    rows = selectors.worker_clients(worker=request.user, catalog=current)
    matches, degraded = progress_index().client_matches(
        worker=request.user,
        not_started_topic_id=form.topic_id("niet_begonnen"),
        started_topic_id=form.topic_id("bezig"),
        statement_id=form.cleaned_data["kan"],
        inactive=form.cleaned_data["inactief"],
    )
    if form.filtering:
        rows = [row for row in rows if row.client.pk in matches.client_ids]
    services.access_record_caseload(worker=request.user, what=AccessLog.What.CLIENT_LIST)
    facets = [
        (topic, matches.started_per_topic[topic.id])
        for topic in current.topics
        if matches.started_per_topic.get(topic.id)
    ]
    return render(
        request,
        "team/clients.html",
        {"form": form, "rows": rows, "facets": facets, "degraded": degraded},
    )


@login_required
def client_detail(request, client_id):
    link = link_or_404(worker=request.user, client_id=client_id)
    lines = selectors.client_progress(link=link, catalog=catalog())
    network = selectors.client_network(link=link)
    services.access_record(
        worker=request.user, client_ids=[link.client_id], what=AccessLog.What.CLIENT_PAGE
    )
    if network is not None:
        services.access_record(
            worker=request.user, client_ids=[link.client_id], what=AccessLog.What.NETWORK
        )
    return render(
        request, "team/client_detail.html", {"link": link, "lines": lines, "network": network}
    )


def _gap_filters(request):
    current = catalog()
    topic = next((t for t in current.topics if t.slug == request.GET.get("onderwerp")), None)
    sort = request.GET.get("sorteer")
    return current, topic, sort if sort in selectors.SORTS else "naam"


@login_required
def gap(request):
    _worker_only(request)
    current, topic, sort = _gap_filters(request)
    body = GapBody.for_worker(
        worker=request.user, topic=topic, sort=sort, page_number=request.GET.get("page")
    ).html(request)
    services.access_record_caseload(worker=request.user, what=AccessLog.What.GAP_VIEW)
    form = GapFilterForm(
        initial={"onderwerp": topic.slug if topic else "", "sorteer": sort},
        topics=current.topics,
    )
    return render(request, "team/gap.html", {"body": body, "form": form})


@login_required
def gap_csv(request):
    _worker_only(request)
    current, topic, sort = _gap_filters(request)
    view = selectors.gap_view(
        worker=request.user,
        catalog=current,
        topic_id=topic.id if topic else None,
        sort=sort,
        paginate=False,
    )
    services.access_record_caseload(worker=request.user, what=AccessLog.What.EXPORT)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="overzicht-{stamp}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the UTF-8 names right
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Cliënt")] + [module.title for module in view.modules] + [_("Steun")])
    for row in view.rows:
        writer.writerow(
            [_csv_safe(row.client.public_name)]
            + ["" if cell is None else f"{cell.done}/{cell.total}" for cell in row.cells]
            + ["" if row.client.supporters is None else row.client.supporters]
        )
    return response


def _csv_safe(value: str) -> str:
    """A name can't start a spreadsheet formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


# --- The shared plan ---------------------------------------------------------------------


@login_required
def plan(request):
    """The client's own plan."""
    return _plan_page(request, client=request.user, link=None)


@login_required
def client_plan(request, client_id):
    """A client's plan as a worker who may see it opens it (logged)."""
    link = plan_link_or_404(worker=request.user, client_id=client_id)
    return _plan_page(request, client=link.client, link=link)


def _plan_page(request, *, client, link):
    as_worker = link is not None
    form = PlanItemForm(
        request.POST or None,
        workers=None if as_worker else selectors.plan_workers(client=client),
        people=None if as_worker else people_of(owner=client),
        client_name=client.public_name,
        topic_ids=scope_topic_ids(link) if as_worker else None,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.plan_item_add(
                    client=client,
                    actor=request.user,
                    text=data["text"],
                    who=data["who"],
                    worker=request.user if as_worker else data.get("worker"),
                    person=None if as_worker else data.get("person"),
                    due=data["due"],
                    module=data["module"],
                )
            except services.TeamError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("De afspraak staat in het plan."))
                return redirect(request.path)
    if as_worker:
        services.access_record(
            worker=request.user, client_ids=[client.pk], what=AccessLog.What.PLAN
        )
    return render(
        request,
        "team/plan.html",
        {
            "client": client,
            "link": link,
            "as_worker": as_worker,
            "items": selectors.plan_items(client=client, link=link),
            "encouragements": []
            if as_worker
            else selectors.encouragements(client=client, reader=client),
            "form": form,
        },
        status=status,
    )


@login_required
@require_POST
def plan_item_done(request, pk):
    """The client, a worker who sees the item, or the supporter who took it on marks an
    agreement done or open again."""
    item = get_object_or_404(PlanItem, pk=pk)
    actor_name = None
    if item.client_id == request.user.pk:
        back = reverse("team:plan")
    elif support := (
        SupportLink.objects.filter(
            client=item.client_id, supporter=request.user, ended_at__isnull=True
        )
        .select_related("person")
        .first()
    ):
        if not PlanItem.objects.filter(own_items(support), pk=item.pk).exists():
            raise Http404
        back = reverse("team:support_plan", args=[support.pk])
        actor_name = support.person.name
    else:
        link = plan_link_or_404(worker=request.user, client_id=item.client_id)
        if not plan_items_in_scope(PlanItem.objects.filter(pk=item.pk), link=link).exists():
            raise Http404
        back = reverse("team:client_plan", args=[item.client_id])
    services.plan_item_set_done(
        item=item, actor=request.user, done=request.POST.get("klaar") == "1", actor_name=actor_name
    )
    return redirect(back)


@login_required
@require_POST
def encouragement_remove(request, pk):
    encouragement = get_object_or_404(Encouragement, pk=pk, client=request.user)
    services.encouragement_remove(client=request.user, encouragement=encouragement)
    messages.success(request, _("Het bericht is weg."))
    return redirect("team:plan")


@login_required
@require_http_methods(["GET", "POST"])
def step_help(request, step_id):
    """A step's "Doe het nu": someone from the client's network becomes an agreement in
    the plan, tied to the step's module."""
    current = catalog()
    step = current.steps.get(step_id)
    if step is None or step.id in current.private_page_ids:
        raise Http404
    people = people_of(owner=request.user)
    form = StepHelpForm(
        request.POST or None,
        people=people,
        initial={"text": _("Hulp bij: %(step)s") % {"step": step.title}},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            person = form.cleaned_data["person"]
            services.plan_item_add(
                client=request.user,
                actor=request.user,
                text=form.cleaned_data["text"],
                who=PlanItem.Who.PERSON,
                person=person,
                due=form.cleaned_data["due"],
                module=ModulePage.objects.get(pk=step.module_id),
            )
            messages.success(
                request,
                _("Het staat in je plan: %(name)s helpt je hiermee.") % {"name": person.name},
            )
            return redirect(step.url)
    return render(
        request,
        "team/step_help.html",
        {"form": form, "step": step, "has_people": people.exists()},
        status=status,
    )


# --- Supporters: people from the client's network in the plan ----------------------------


@login_required
@require_http_methods(["GET", "POST"])
def support_invite(request, person_pk):
    """The client invites someone from their network into the plan with a one-time code,
    choosing which topics' progress they may see besides the plan."""
    person = own_person_or_404(owner=request.user, pk=person_pk)
    form = SupportInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = services.invitation_create(
            client=request.user,
            all_topics=False,
            topic_ids=[topic.pk for topic in form.cleaned_data["topics"]],
            share_plan=True,
            person=person,
        )
        return redirect("team:invitation", pk=invitation.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "team/support_invite.html", {"form": form, "person": person}, status=status
    )


@login_required
def supporting(request):
    """The plans the signed-in person supports."""
    return render(
        request,
        "team/supporting.html",
        {"links": selectors.supported_clients(supporter=request.user)},
    )


def _too_many_support_writes(request, form) -> bool:
    """Whether a supporter went over their writes; if so ``form`` comes back with what was
    typed and says so."""
    if not rate_limited(request, "team-support", settings.TEAM_SUPPORT_RATE_LIMITS):
        return False
    form.is_valid()
    form.add_error(None, _("Je hebt veel gestuurd in korte tijd. Probeer het straks weer."))
    return True


@login_required
@require_http_methods(["GET", "POST"])
def support_plan(request, pk):
    """A client's plan as their supporter sees it (logged for the client), where they take
    on an agreement."""
    link = support_link_or_404(supporter=request.user, pk=pk)
    form = AgreementForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if _too_many_support_writes(request, form):
            status = 429
        elif form.is_valid():
            services.plan_item_add(
                client=link.client,
                actor=request.user,
                text=form.cleaned_data["text"],
                who=PlanItem.Who.PERSON,
                person=link.person,
                due=form.cleaned_data["due"],
                actor_name=link.person.name,
            )
            messages.success(request, _("Dank je! De afspraak staat in het plan."))
            return redirect("team:support_plan", pk=link.pk)
    return _support_page(request, link, form=form, status=status)


@login_required
@require_POST
def support_encourage(request, pk):
    link = support_link_or_404(supporter=request.user, pk=pk)
    form = EncouragementForm(request.POST, client_name=link.client.public_name)
    status = 400
    if _too_many_support_writes(request, form):
        status = 429
    elif form.is_valid():
        try:
            services.encouragement_add(link=link, text=form.cleaned_data["text"])
        except services.TeamError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("Je bericht is verstuurd."))
            return redirect("team:support_plan", pk=link.pk)
    return _support_page(request, link, encouragement_form=form, status=status)


def _support_page(request, link, *, form=None, encouragement_form=None, status=200):
    lines = selectors.client_progress(link=link, catalog=catalog()) if link.topics.all() else None
    services.support_access_record(link=link, what=AccessLog.What.PLAN)
    if lines is not None:
        services.support_access_record(link=link, what=AccessLog.What.CLIENT_PAGE)
    return render(
        request,
        "team/support_plan.html",
        {
            "link": link,
            "client": link.client,
            "items": selectors.plan_items(client=link.client, link=link),
            "encouragements": selectors.encouragements(client=link.client, reader=request.user),
            "lines": lines,
            "form": form or AgreementForm(),
            "encouragement_form": encouragement_form
            or EncouragementForm(client_name=link.client.public_name),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def support_end(request, pk):
    """The client ends a supporter's place in the plan, or the supporter leaves: asked
    first, ended by the form's POST."""
    link = own_support_link_or_404(user=request.user, pk=pk)
    as_supporter = request.user.pk == link.supporter_id
    if request.method == "POST":
        services.support_end(user=request.user, link=link)
        if as_supporter:
            messages.success(request, _("Je denkt niet meer mee in dit plan."))
            return redirect("team:supporting")
        messages.success(
            request,
            _("%(name)s ziet je plan niet meer.") % {"name": link.person.name},
        )
        return redirect("team:home")
    return render(request, "team/support_end.html", {"link": link, "as_supporter": as_supporter})


# --- The team lead -------------------------------------------------------------------------


@login_required
def report(request):
    teams = led_teams(request.user)
    if not is_team_lead(request.user):
        raise PermissionDenied(_("Deze pagina is voor teamleiders."))
    return render(
        request,
        "team/report.html",
        {
            "teams": list(teams),
            "report": selectors.team_report(teams=teams, catalog=catalog()),
            "k": selectors.K_ANONYMITY,
        },
    )
