"""Who may see what in ``team``, decided here and nowhere else.

A worker sees a client only through an active ``TeamLink``, and only within its scope;
anything else is a 404, so a worker cannot even learn that a client exists. A supporter
sees one client's plan (and the progress of the topics chosen for them) only through an
active ``SupportLink``; the same 404 otherwise. Team leads see counts over their teams,
never a person.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeGuard

from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from accounts import roles
from core.ids import parse_id

from .models import PlanItem, SupportLink, Team, TeamLink

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import QuerySet

    from accounts.models import User


# True only for a signed-in ``User`` (what the TypeGuard tells the type checker).
def is_worker(user: User | AnonymousUser) -> TypeGuard[User]:
    return user.is_authenticated and _in_group(user, roles.WORKER)


def is_team_lead(user: User | AnonymousUser) -> TypeGuard[User]:
    return user.is_authenticated and _in_group(user, roles.TEAM_LEAD)


def _in_group(user: User, name: str) -> bool:
    # One query per request for all of a user's group names.
    if not hasattr(user, "_team_group_names"):
        # A memo for this request on the user object itself (no such field on the model).
        user._team_group_names = frozenset(  # type: ignore[attr-defined]
            user.groups.values_list("name", flat=True)
        )
    return name in user._team_group_names  # type: ignore[attr-defined]


def active_links(*, worker: User | int) -> QuerySet[TeamLink]:
    """The worker's active links (their caseload)."""
    return TeamLink.objects.filter(worker=worker, ended_at__isnull=True)


def link_or_404(*, worker: User | AnonymousUser, client_id: int) -> TeamLink:
    """The active link between ``worker`` and the client ``client_id``, or a 404 that
    says nothing about whether such a client exists."""
    if not is_worker(worker) or parse_id(client_id) is None:
        raise Http404
    link = (
        active_links(worker=worker)
        .filter(client_id=client_id)
        .select_related("client")
        .prefetch_related("topics")
        .first()
    )
    if link is None:
        raise Http404
    return link


def own_link_or_404(*, user: User, pk: int) -> TeamLink:
    """The active link ``pk`` when ``user`` is one of its two sides (its client or its
    worker), or a 404 that says nothing about whether such a link exists."""
    link = (
        TeamLink.objects.filter(pk=pk, ended_at__isnull=True)
        .filter(Q(client=user) | Q(worker=user))
        .select_related("client", "worker")
        .first()
    )
    if link is None:
        raise Http404
    return link


def plan_link_or_404(*, worker: User | AnonymousUser, client_id: int) -> TeamLink:
    """``link_or_404``, and the client shares the plan with this worker."""
    link = link_or_404(worker=worker, client_id=client_id)
    if not link.share_plan:
        raise Http404
    return link


def support_link_or_404(*, supporter: User, pk: int) -> SupportLink:
    """The active supporter's link ``pk`` of ``supporter``, or a 404 that says nothing
    about whether it exists (or ended)."""
    if parse_id(pk) is None:
        raise Http404
    link = (
        SupportLink.objects.filter(pk=pk, supporter=supporter, ended_at__isnull=True)
        .select_related("client", "person")
        .prefetch_related("topics")
        .first()
    )
    if link is None:
        raise Http404
    return link


def own_support_link_or_404(*, user: User, pk: int) -> SupportLink:
    """The active supporter's link ``pk`` when ``user`` is its client or its supporter."""
    if parse_id(pk) is None:
        raise Http404
    link = (
        SupportLink.objects.filter(pk=pk, ended_at__isnull=True)
        .filter(Q(client=user) | Q(supporter=user))
        .select_related("client", "person")
        .first()
    )
    if link is None:
        raise Http404
    return link


def scope_topic_ids(link: TeamLink | SupportLink) -> frozenset[int] | None:
    """The topics a link lets the worker (or supporter) see; None means all of them."""
    if link.all_topics:
        return None
    return frozenset(topic.pk for topic in link.topics.all())


def topic_in_scope(link: TeamLink | SupportLink, topic_id: int) -> bool:
    """Whether ``link`` lets its worker (or supporter) see what concerns topic ``topic_id``."""
    topic_ids = scope_topic_ids(link)
    return topic_ids is None or topic_id in topic_ids


def plan_items_in_scope(
    items: QuerySet[PlanItem], *, link: TeamLink | SupportLink
) -> QuerySet[PlanItem]:
    """The plan items a worker or supporter may see through ``link``: those tied to no
    module or to a module within the link's topics, and their own commitments (they made
    them; ``plan_items`` shows those without a module outside the scope)."""
    if link.all_topics:
        return items
    return items.filter(
        Q(module__isnull=True) | Q(module__topic__in=scope_topic_ids(link)) | own_items(link)
    )


def own_items(link: TeamLink | SupportLink) -> Q:
    """The plan items the other side of ``link`` committed to."""
    if isinstance(link, SupportLink):
        return Q(who=PlanItem.Who.PERSON, person=link.person_id)
    return Q(who=PlanItem.Who.WORKER, worker=link.worker_id)


def _within_scope(links: QuerySet[TeamLink]) -> Exists:
    """A condition on rows about a client and a topic (summaries, achievements): one of
    ``links`` is that client's, with the topic in its scope."""
    return Exists(
        links.filter(client=OuterRef("user")).filter(
            Q(all_topics=True) | Q(topics=OuterRef("topic"))
        )
    )


def in_worker_scope(*, worker: User | int) -> Exists:
    """Rows a worker may see: their client's, within that link's scope."""
    return _within_scope(active_links(worker=worker))


def in_team_scope(*, teams: Iterable[Team] | Iterable[int]) -> Exists:
    """Rows a team lead's report counts: a client of a worker of one of ``teams``, within
    that link's scope."""
    return _within_scope(TeamLink.objects.filter(ended_at__isnull=True, worker__teams__in=teams))


def led_teams(user: User | AnonymousUser) -> QuerySet[Team]:
    """The teams ``user`` leads (none unless they are in the team lead group)."""
    if not is_team_lead(user):
        return Team.objects.none()
    return Team.objects.filter(leads=user)
