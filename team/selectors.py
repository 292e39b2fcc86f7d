"""Reads for ``team``. Overviews over many clients are computed in the database from
``learning.ModuleSummary`` / ``StatementAchieved`` with a fixed number of queries,
whatever the size of the caseload; every read is limited to the links' scopes
(``permissions.in_worker_scope``)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Max, OuterRef, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone

from learning.learners import Learner
from learning.models import ModuleSummary, StatementAchieved
from learning.selectors import (
    Catalog,
    ModuleInfo,
    ModuleProgress,
    StepState,
    TopicInfo,
    learner_step_states,
    module_progress,
    summary_versions,
)
from network.models import HELP_FIELDS, Help
from network.selectors import network_size

from .cache import GAP_CACHE_SECONDS, caseload_key, caseload_version
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
    active_links,
    in_worker_scope,
    plan_items_in_scope,
    scope_topic_ids,
    topic_in_scope,
)
from .progress import progress_index

if TYPE_CHECKING:
    from django.db.models import Func, QuerySet

    from accounts.models import User

    from .models import Team

# A client who has not been active for this long gets a gentle nudge in the list.
INACTIVE_AFTER = timedelta(days=14)
# Clients per page of the gap view (the CSV has them all).
GAP_PAGE_SIZE = 50
# Names listed per topic under "not started yet" (the rest is a number).
NOT_STARTED_NAMES = 12
# Team report cells counting fewer clients than this are hidden (k-anonymity).
K_ANONYMITY = 5


def _in_scope_modules(catalog: Catalog, topic_ids: frozenset[int] | None) -> list[ModuleInfo]:
    return [
        module
        for topic in catalog.topics
        if topic_ids is None or topic.id in topic_ids
        for module in (catalog.modules[module_id] for module_id in topic.module_ids)
    ]


# --- The client's own view ---------------------------------------------------------------


@dataclass
class ClientTeam:
    links: list[TeamLink]
    invitations: list[Invitation]
    requests: list[LinkRequest]
    supporters: list[SupportLink]
    supporting: list[SupportLink]
    recent_access: list[AccessLog]


def client_team(*, client: User) -> ClientTeam:
    """Everything about the client's team, for the client: nothing is left out."""
    return ClientTeam(
        links=list(
            TeamLink.objects.filter(client=client, ended_at__isnull=True)
            .select_related("worker")
            .prefetch_related("topics")
            .order_by("created_at")
        ),
        invitations=[
            invitation
            for invitation in Invitation.objects.filter(
                client=client, redeemed_at__isnull=True, cancelled_at__isnull=True
            )
            .select_related("person")
            .prefetch_related("topics")
            .order_by("-created_at")
            if invitation.is_open
        ],
        requests=list(
            LinkRequest.objects.filter(client=client, answered_at__isnull=True)
            .select_related("worker")
            .order_by("created_at")
        ),
        supporters=list(
            SupportLink.objects.filter(client=client, ended_at__isnull=True)
            .select_related("person")
            .prefetch_related("topics")
            .order_by("created_at")
        ),
        supporting=supported_clients(supporter=client),
        recent_access=list(access_log(client=client)[:10]),
    )


def client_workers(*, client: User) -> list[User]:
    """The workers ``client`` is a team with now (active links only), the longest-standing
    first: the people "Hulp nodig?" points a client to."""
    return [
        link.worker
        for link in TeamLink.objects.filter(client=client, ended_at__isnull=True)
        .select_related("worker")
        .order_by("created_at")
    ]


def access_log(*, client: User) -> QuerySet[AccessLog]:
    """Every look at the client's data by a worker or supporter, newest first ("Wie keek
    mee")."""
    return AccessLog.objects.filter(client=client).order_by("-at", "-pk")


# --- "Mijn cliënten" ---------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A client as the overviews show them, with the address of their page, and how many
    supporters think along in their plan when they share counts of their network with
    this worker (else None)."""

    pk: int
    public_name: str
    url: str
    supporters: int | None = None


@dataclass
class ClientRow:
    client: Person
    last_activity: datetime | None
    in_progress: int
    completed: int
    statements: int

    @property
    def inactive(self) -> bool:
        return self.last_activity is None or timezone.now() - self.last_activity > INACTIVE_AFTER


def worker_clients(*, worker: User, catalog: Catalog) -> list[ClientRow]:
    """The worker's linked clients with what they did in scope (3 queries)."""
    clients = _caseload_people(worker=worker)
    caseload = active_links(worker=worker).values("client")
    live = list(catalog.modules)
    in_scope = in_worker_scope(worker=worker)
    summaries = {
        row["user"]: row
        for row in ModuleSummary.objects.filter(in_scope, user__in=caseload, module__in=live)
        .values("user")
        .annotate(
            modules_completed=Count("pk", filter=Q(completed=True)),
            modules_in_progress=Count("pk", filter=Q(completed=False)),
            last=Max("last_activity_at"),
        )
    }
    statements = _count_by(
        StatementAchieved.objects.filter(in_scope, user__in=caseload, module__in=live),
        "user",
    )
    rows = []
    for pk, person in clients.items():
        summary: Mapping[str, Any] = summaries.get(pk, {})
        rows.append(
            ClientRow(
                client=person,
                last_activity=summary.get("last"),
                in_progress=summary.get("modules_in_progress", 0),
                completed=summary.get("modules_completed", 0),
                statements=statements.get(pk, 0),
            )
        )
    rows.sort(key=lambda row: row.client.public_name.casefold())
    return rows


def _caseload_people(*, worker: User) -> dict[int, Person]:
    """The worker's linked clients as plain rows, not model objects: a caseload of
    hundreds is read on every visit."""
    links = active_links(worker=worker)
    rows = links.values_list(
        "client_id", "client__display_name", "client__username", "share_network"
    )
    supporters = _count_by(
        SupportLink.objects.filter(
            ended_at__isnull=True, client__in=links.filter(share_network=True).values("client")
        ),
        "client",
    )
    # One reverse() for all: the overviews link hundreds of clients.
    url = reverse("team:client", args=[0]).removesuffix("0/") + "{}/"
    return {
        pk: Person(
            pk, display or username, url.format(pk), supporters.get(pk, 0) if sharing else None
        )
        for pk, display, username, sharing in rows
    }


# --- One client, for their worker ----------------------------------------------------------


@dataclass
class StepLine:
    title: str
    completed_at: datetime | None
    checklist_ticked: int


@dataclass
class ModuleLine:
    progress: ModuleProgress
    steps: list[StepLine]


def client_progress(*, link: TeamLink, catalog: Catalog) -> list[ModuleLine]:
    """The client's started modules within the link's scope, step by step with dates."""
    modules = _in_scope_modules(catalog, scope_topic_ids(link))
    step_ids = [step_id for module in modules for step_id in module.step_ids]
    # A signed-in learner's progress is in the database: their session is never read.
    learner = Learner(user=link.client, session=None)  # type: ignore[arg-type]
    states = learner_step_states(learner=learner, step_ids=step_ids)
    lines = []
    for module in modules:
        progress = module_progress(catalog=catalog, states=states, module_id=module.id)
        if not progress.started:
            continue
        lines.append(
            ModuleLine(
                progress=progress,
                steps=[
                    StepLine(
                        title=step.title,
                        completed_at=states.get(step.id, StepState()).completed_at,
                        checklist_ticked=len(states.get(step.id, StepState()).checklist),
                    )
                    for step, _done in progress.steps
                ],
            )
        )
    # Only started modules are listed: ``last_activity`` is set.
    lines.sort(key=lambda line: line.progress.last_activity, reverse=True)  # type: ignore[arg-type,return-value]
    return lines


@dataclass(frozen=True)
class NetworkCounts:
    """What a worker may know of a client's network (with the "netwerk" scope): how many
    people are in it, how many of them think along in the plan, and per kind of help
    (``network.models.Help``) how many of those supporters could give it. Never names."""

    people: int
    supporters: int
    per_help: list[tuple[str, int]]  # (label, supporters), every kind, in the usual order


def client_network(*, link: TeamLink) -> NetworkCounts | None:
    """The counts of the client's network ``link`` shares (None when it does not). Two
    queries, however large the network."""
    if not link.share_network:
        return None
    kinds = {
        kind: Count("pk", filter=Q(**{f"person__{field}": True}))
        for kind, field in HELP_FIELDS.items()
    }
    counts = SupportLink.objects.filter(client=link.client_id, ended_at__isnull=True).aggregate(
        supporters=Count("pk"), **kinds
    )
    return NetworkCounts(
        people=network_size(owner_id=link.client_id),
        supporters=counts["supporters"],
        per_help=[(str(Help(kind).label), counts[kind]) for kind in HELP_FIELDS],
    )


# --- The caseload gap view ------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class GapRow:
    client: object
    cells: list[Cell | None]  # per column; None: outside the link's scope


@dataclass
class Gap:
    label: str  # the module title or the can-do statement
    module: ModuleInfo
    not_reached: int
    clients: int  # clients with this module in scope


@dataclass
class NotStarted:
    topic: TopicInfo
    clients: list[Person]  # the first NOT_STARTED_NAMES of them, by name
    count: int


@dataclass
class GapView:
    modules: list[ModuleInfo]
    rows: list[GapRow]
    module_gaps: list[Gap]
    statement_gaps: list[Gap]
    not_started: list[NotStarted]
    page: object = None
    # Elasticsearch did not answer and the counts came from the database.
    degraded: bool = False


SORTS = ("naam", "voortgang")


# Per linked client: the topics the worker may see (None: all of them).
Scopes = dict[int, frozenset[int] | None]
# The worker's clients by id, and their scopes.
Caseload = tuple[dict[int, Person], Scopes]


def _caseload(*, worker: User) -> tuple[int, Caseload]:
    """The worker's clients and their scopes, cached under the caseload version
    (``team.cache``)."""
    version = caseload_version(worker.pk)
    key = caseload_key(worker.pk, version)
    caseload = cache.get(key)
    if caseload is None:
        caseload = (_caseload_people(worker=worker), _caseload_scopes(worker=worker))
        cache.set(key, caseload, GAP_CACHE_SECONDS)
    return version, caseload


def _shared_topics(scopes: Scopes, catalog: Catalog) -> set[int]:
    return {t.id for t in catalog.topics if any(_sees(scope, t.id) for scope in scopes.values())}


def shared_topic_ids(*, worker: User, catalog: Catalog) -> set[int]:
    """The topics at least one of the worker's clients shares with them."""
    _version, (_clients, scopes) = _caseload(worker=worker)
    return _shared_topics(scopes, catalog)


def gap_facts(*, worker: User, page_number: str | int | None) -> tuple[int, str, int, Caseload]:
    """What a gap view page depends on besides the catalog and its filters: the caseload
    version, a digest of the clients and their summary versions, and the real page
    number (one cache entry per page, whatever was asked for); and the caseload itself,
    read for them, for ``gap_view`` on a miss."""
    version, caseload = _caseload(worker=worker)
    clients = caseload[0]
    page = Paginator(list(clients), GAP_PAGE_SIZE).get_page(page_number).number
    digest = hashlib.sha256(
        repr((sorted(clients), summary_versions(sorted(clients)))).encode()
    ).hexdigest()[:20]
    return version, digest, page, caseload


def gap_view(
    *,
    worker: User,
    catalog: Catalog,
    topic_id: int | None = None,
    sort: str = "naam",
    page_number: str | int | None = None,
    paginate: bool = True,
    caseload: Caseload | None = None,
) -> GapView:
    """Clients x modules of the worker's caseload (``caseload`` when the caller read it
    already, see ``gap_facts``), with the gaps on top. A fixed number of queries:
    summaries of the page, completions per module, achievements per statement, started
    topics per client (and completions per client to sort by progress). The page is
    cached as HTML (``team.fragments.GapBody``)."""
    clients, scopes = caseload if caseload is not None else _caseload(worker=worker)[1]
    # The clients as a subquery, not hundreds of parameters: PostgreSQL joins it on the
    # (user, module) index, and the query stays short to send.
    linked = active_links(worker=worker).values("client")
    # Columns: the topics at least one client shares (and the filter, when chosen).
    shared = _shared_topics(scopes, catalog)
    topics = [t for t in catalog.topics if t.id in shared and topic_id in (None, t.id)]
    modules = _in_scope_modules(catalog, frozenset(t.id for t in topics))
    module_ids = [module.id for module in modules]
    # Every read below starts from this one queryset: the scope condition is built once.
    summaries = ModuleSummary.objects.filter(
        in_worker_scope(worker=worker), user__in=linked, module__in=module_ids
    )

    order = sorted(clients, key=lambda pk: clients[pk].public_name.casefold())
    if sort == "voortgang":
        completed_by_client = _count_by(summaries.filter(completed=True), "user")
        order.sort(key=lambda pk: completed_by_client.get(pk, 0), reverse=True)
    page = None
    shown = order
    if paginate:
        page = Paginator(order, GAP_PAGE_SIZE).get_page(page_number)
        shown = list(page.object_list)

    cells = {
        (user, module): Cell(done, total)
        for user, module, done, total in summaries.filter(user__in=shown).values_list(
            "user", "module", "steps_done", "steps_total"
        )
    }
    not_begun = [Cell(0, len(module.step_ids)) for module in modules]  # shared, frozen
    visible = {
        scope: [_sees(scope, module.topic_id) for module in modules]
        for scope in {scopes[pk] for pk in shown}
    }
    rows = [
        GapRow(
            client=clients[pk],
            cells=[
                cells.get((pk, module.id), empty) if seen else None
                for module, empty, seen in zip(modules, not_begun, visible[scopes[pk]], strict=True)
            ],
        )
        for pk in shown
    ]

    # The counts over the whole caseload: Elasticsearch aggregations when configured.
    counts, degraded = progress_index().progress_counts(viewer=worker)
    clients_per_topic = {topic.id: counts.clients_per_topic.get(topic.id, 0) for topic in topics}
    reached = counts.completed_per_module
    achieved = counts.achieved_per_statement

    def gap(label: str, module: ModuleInfo, reached_by: int) -> Gap:
        clients_with_it = clients_per_topic[module.topic_id]
        return Gap(label, module, clients_with_it - reached_by, clients_with_it)

    shared_modules = [module for module in modules if clients_per_topic[module.topic_id]]
    module_gaps = [gap(m.title, m, reached.get(m.id, 0)) for m in shared_modules]
    statement_gaps = [
        gap(statement.text, m, achieved.get(statement.id, 0))
        for m in shared_modules
        for statement in m.statements
    ]
    started = set(summaries.values_list("user", "topic").distinct())
    not_started = []
    for topic in topics:
        waiting = [
            pk for pk in order if _sees(scopes[pk], topic.id) and (pk, topic.id) not in started
        ]
        if waiting:
            shown_names = [clients[pk] for pk in waiting[:NOT_STARTED_NAMES]]
            not_started.append(NotStarted(topic, shown_names, len(waiting)))
    return GapView(
        modules=modules,
        rows=rows,
        module_gaps=_most_missed(module_gaps),
        statement_gaps=_most_missed(statement_gaps),
        not_started=not_started,
        page=page,
        degraded=degraded,
    )


def _caseload_scopes(*, worker: User) -> Scopes:
    """Per linked client, the topics the worker may see (None: all), in two queries."""
    links = active_links(worker=worker)
    chosen = defaultdict(set)
    for client_id, topic_id in TeamLink.topics.through.objects.filter(
        teamlink__in=links.filter(all_topics=False)
    ).values_list("teamlink__client_id", "topic_id"):
        chosen[client_id].add(topic_id)
    return {
        pk: None if everything else frozenset(chosen[pk])
        for pk, everything in links.values_list("client_id", "all_topics")
    }


def _count_by(rows: QuerySet[Any], field: str) -> dict[int, int]:
    """How many of ``rows`` there are per value of ``field``, counted in the database."""
    return dict(rows.values(field).annotate(n=Count("pk")).values_list(field, "n"))


def _sees(scope: frozenset[int] | None, topic_id: int) -> bool:
    return scope is None or topic_id in scope


def _most_missed(gaps: list[Gap], count: int = 5) -> list[Gap]:
    """The gaps most of these clients have, largest share first (none when nobody misses it)."""
    open_gaps = [gap for gap in gaps if gap.not_reached > 0]
    open_gaps.sort(key=lambda gap: (gap.not_reached / gap.clients, gap.not_reached), reverse=True)
    return open_gaps[:count]


# --- Team lead report -----------------------------------------------------------------------


@dataclass
class ReportCell:
    """Counts for one module over a team's clients; None where fewer than K_ANONYMITY."""

    module: ModuleInfo
    clients: int | None
    started: int | None
    completed: int | None


@dataclass
class TeamReport:
    rows: list[tuple[TopicInfo, list[ReportCell]]]
    # Of the teams' clients who share counts of their network: how many, and how many
    # of them have at least one supporter in their plan (None where fewer than K_ANONYMITY).
    sharing_network: int | None = None
    with_supporter: int | None = None
    # Elasticsearch did not answer and the counts came from the database.
    degraded: bool = False


def team_report(*, teams: QuerySet[Team], catalog: Catalog) -> TeamReport:
    """Per module: how many of the teams' clients have it in scope, started and completed
    it (from Elasticsearch aggregations when configured, else from the summaries); and of
    the clients who share counts of their network, how many have a supporter. Only
    counts; any count below ``K_ANONYMITY`` is hidden."""
    counts, degraded = progress_index().progress_counts(teams=teams)

    def hide(n: int) -> int | None:
        return n if n >= K_ANONYMITY else None

    rows = []
    for topic in catalog.topics:
        in_topic = counts.clients_per_topic.get(topic.id, 0)
        cells = [
            ReportCell(
                module=catalog.modules[module_id],
                clients=hide(in_topic),
                started=hide(counts.started_per_module.get(module_id, 0)),
                completed=hide(counts.completed_per_module.get(module_id, 0)),
            )
            for module_id in topic.module_ids
        ]
        rows.append((topic, cells))
    supported = SupportLink.objects.filter(client=OuterRef("client"), ended_at__isnull=True)
    network = (
        TeamLink.objects.filter(ended_at__isnull=True, worker__teams__in=teams, share_network=True)
        .annotate(supported=Exists(supported))
        .aggregate(
            sharing=Count("client", distinct=True),
            with_supporter=Count("client", distinct=True, filter=Q(supported=True)),
        )
    )
    return TeamReport(
        rows=rows,
        sharing_network=hide(network["sharing"]),
        with_supporter=hide(network["with_supporter"]),
        degraded=degraded,
    )


# --- The shared plan ------------------------------------------------------------------------


def plan_items(*, client: User, link: TeamLink | SupportLink | None = None) -> list[PlanItem]:
    """The client's plan with each item's history (3 queries, however many items and
    readers). Each item's ``shown_module`` is its module as the reader may see it. The
    client sees every item, and in ``hidden_from`` the workers and supporters sharing the
    plan who cannot see it (its module's topic is outside their link). Through a worker's
    or supporter's ``link`` only the items within its scope come back
    (``permissions.plan_items_in_scope``); their own commitments outside it come without
    their module."""
    readable = PlanItem.objects.filter(client=client)
    if link is not None:
        readable = plan_items_in_scope(readable, link=link)
    items = list(readable.select_related("module").prefetch_related("events"))
    readers: list[tuple[str, TeamLink | SupportLink]]
    if link is not None:
        readers = [("", link)]
    else:
        readers = [
            (other.worker.public_name, other)
            for other in TeamLink.objects.filter(
                client=client, ended_at__isnull=True, share_plan=True
            )
            .select_related("worker")
            .prefetch_related("topics")
        ] + [
            (other.person.name, other)
            for other in SupportLink.objects.filter(client=client, ended_at__isnull=True)
            .select_related("person")
            .prefetch_related("topics")
        ]
    for item in items:
        topic_id = item.module.topic_id if item.module else None
        outside = [
            name
            for name, other in readers
            if topic_id is not None and not topic_in_scope(other, topic_id)
        ]
        # Set on the item for the template (no such fields on the model).
        item.shown_module = None if link is not None and outside else item.module  # type: ignore[attr-defined]
        item.hidden_from = [] if link is not None else outside  # type: ignore[attr-defined]
    return items


def encouragements(*, client: User, reader: User) -> list[Encouragement]:
    """The encouragements on ``client``'s plan that ``reader`` may read: all of them for
    the client, a supporter's own for that supporter. One query."""
    rows = Encouragement.objects.filter(client=client)
    if reader.pk != client.pk:
        rows = rows.filter(author=reader)
    return list(rows)


def supported_clients(*, supporter: User) -> list[SupportLink]:
    """The plans ``supporter`` takes part in now, the oldest first. One query."""
    return list(
        SupportLink.objects.filter(supporter=supporter, ended_at__isnull=True)
        .select_related("client")
        .order_by("created_at")
    )


def plan_workers(*, client: User) -> QuerySet[User]:
    """The workers the client shares the plan with (who may commit to an agreement)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        client_links__client=client,
        client_links__ended_at__isnull=True,
        client_links__share_plan=True,
    )


# --- The person's own download ("Mijn gegevens", see accounts.selectors) -----------------


def _public_name(relation: str) -> Func:
    """The other person's public name (display name, else username), in SQL."""
    return Coalesce(NullIf(f"{relation}__display_name", Value("")), f"{relation}__username")


def export_for(*, user: User) -> dict[str, Any]:
    """Everything ``team`` keeps about ``user``: their links (as client and as worker) with
    scopes, invitations, requests, their plan with its history, the agreements they took
    on as a worker, their supporters and the plans they support (with what each gave them
    access to), the encouragements they received and wrote, who looked at their data, the
    looks they took as a worker or supporter, and the teams they are in as a worker or
    lead. A fixed number of queries."""

    def scope(scoped: TeamLink | Invitation) -> dict[str, Any]:
        return {
            "all_topics": scoped.all_topics,
            "topics": [topic.name for topic in scoped.topics.all()],
            "share_plan": scoped.share_plan,
            "share_network": scoped.share_network,
        }

    def support(row: SupportLink, **who: str) -> dict[str, Any]:
        return {
            **who,
            "created_at": row.created_at,
            "ended_at": row.ended_at,
            "sees": "plan",
            "topics": [topic.name for topic in row.topics.all()],
        }

    def link(row: TeamLink, other: User) -> dict[str, Any]:
        return {
            "with": other.public_name,
            "created_at": row.created_at,
            "ended_at": row.ended_at,
            **scope(row),
        }

    as_client = TeamLink.objects.filter(client=user).select_related("worker")
    as_worker = TeamLink.objects.filter(worker=user).select_related("client")
    items = PlanItem.objects.filter(client=user).select_related("module")
    return {
        "links_as_client": [link(row, row.worker) for row in as_client.prefetch_related("topics")],
        "links_as_worker": [link(row, row.client) for row in as_worker.prefetch_related("topics")],
        "invitations": [
            {
                "code": row.code,
                "for_supporter": row.person.name if row.person else None,
                "created_at": row.created_at,
                "expires_at": row.expires_at,
                "redeemed_at": row.redeemed_at,
                "cancelled_at": row.cancelled_at,
                **scope(row),
            }
            for row in Invitation.objects.filter(client=user)
            .select_related("person")
            .prefetch_related("topics")
        ],
        "requests_received": list(
            LinkRequest.objects.filter(client=user)
            .order_by("created_at")
            .values("created_at", "answered_at", "accepted", worker_name=_public_name("worker"))
        ),
        "requests_sent": list(
            LinkRequest.objects.filter(worker=user)
            .order_by("created_at")
            .values("created_at", "answered_at", "accepted", client_name=_public_name("client"))
        ),
        "plan": [
            {
                "text": item.text,
                "who": item.who,
                "doer": item.doer_name,
                "due": item.due,
                "module": item.module.title if item.module else None,
                "created_at": item.created_at,
                "done_at": item.done_at,
                "history": [
                    {"what": event.kind, "by": event.actor_name, "at": event.at}
                    for event in item.events.all()
                ],
            }
            for item in items.prefetch_related("events")
        ],
        "agreements_as_worker": list(
            PlanItem.objects.filter(worker=user).values("text", "due", "created_at", "done_at")
        ),
        "supporters": [
            support(row, person=row.person.name, username=row.supporter.username)
            for row in SupportLink.objects.filter(client=user)
            .select_related("person", "supporter")
            .prefetch_related("topics")
        ],
        "supporting": [
            support(row, client=row.client.public_name)
            for row in SupportLink.objects.filter(supporter=user)
            .select_related("client")
            .prefetch_related("topics")
        ],
        "agreements_as_supporter": list(
            PlanItem.objects.filter(person__support_links__supporter=user)
            .distinct()
            .values("text", "due", "created_at", "done_at", client_name=_public_name("client"))
        ),
        "encouragements_received": list(
            Encouragement.objects.filter(client=user)
            .order_by("created_at", "pk")
            .values("author_name", "text", "created_at")
        ),
        "encouragements_written": list(
            Encouragement.objects.filter(author=user)
            .order_by("created_at", "pk")
            .values("text", "created_at", client_name=_public_name("client"))
        ),
        "who_looked": list(
            AccessLog.objects.filter(client=user)
            .order_by("at", "pk")
            .values("worker_name", "role", "what", "at")
        ),
        "looks_as_worker": list(
            AccessLog.objects.filter(worker=user)
            .order_by("at", "pk")
            .values("role", "what", "at", client_name=_public_name("client"))
        ),
        "teams_as_worker": list(user.teams.order_by("name").values_list("name", flat=True)),
        "teams_as_lead": list(user.led_teams.order_by("name").values_list("name", flat=True)),
    }
