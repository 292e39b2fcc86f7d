"""Writes for ``team``: invitations, requests, links and their scope, supporters, the
access log and the shared plan with its encouragements. Each raises ``TeamError`` with a
message for the person, in Dutch, before anything is stored."""

from __future__ import annotations

import secrets
from collections.abc import Collection
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import one_line

from .models import (
    ENCOURAGEMENT_MAX_LENGTH,
    AccessLog,
    Encouragement,
    Invitation,
    LinkRequest,
    PlanEvent,
    PlanItem,
    SupportLink,
    TeamLink,
)
from .permissions import is_worker

if TYPE_CHECKING:
    from accounts.models import User
    from learning.models import ModulePage
    from network.models import Person

    from .models import TopicScope

INVITATION_DAYS = 7
# No 0/O, 1/I/L: the code is read aloud and typed over from a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class TeamError(ValueError):
    """Something the person asked cannot be done; the message says why, for them."""


def normalise_code(raw: str) -> str:
    """What the worker typed, as stored: capitals, no spaces or dashes."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _set_scope(
    target: TopicScope, *, all_topics: bool, topic_ids: Collection[int], **shares: bool
) -> None:
    """``target``'s topics, and for a ``Scope`` (an invitation, a worker's link) its
    ``shares``: ``share_plan``, ``share_network``."""
    target.all_topics = all_topics
    for name, value in shares.items():
        setattr(target, name, value)
    target.save()
    target.topics.set([] if all_topics else list(topic_ids))


def invitation_create(
    *,
    client: User,
    all_topics: bool,
    topic_ids: Collection[int] = (),
    share_plan: bool,
    share_network: bool = False,
    person: Person | None = None,
) -> Invitation:
    """A new one-time code from ``client``, valid for ``INVITATION_DAYS`` days: for a
    worker, or with ``person`` (from the client's own network) for a supporter, who always
    sees the plan and, of the learning, only the chosen topics (none: only the plan)."""
    if person is not None:
        if person.owner_id != client.pk:
            raise TeamError(_("Deze persoon staat niet in jouw netwerk."))
        all_topics, share_plan, share_network = False, True, False
    elif not all_topics and not topic_ids:
        raise TeamError(_("Kies minstens één onderwerp, of kies 'alles'."))
    now = timezone.now()
    for _attempt in range(5):  # a clash among 31^8 codes is rare; try again if it happens
        try:
            with transaction.atomic():
                invitation = Invitation(
                    client=client,
                    person=person,
                    code=_new_code(),
                    created_at=now,
                    expires_at=now + timedelta(days=INVITATION_DAYS),
                )
                _set_scope(
                    invitation,
                    all_topics=all_topics,
                    topic_ids=topic_ids,
                    share_plan=share_plan,
                    share_network=share_network,
                )
                return invitation
        except IntegrityError:
            continue
    raise TeamError(_("Er ging iets mis bij het maken van de code. Probeer het nog eens."))


def invitation_cancel(*, client: User, invitation: Invitation) -> None:
    if invitation.client_id != client.pk:
        raise TeamError(_("Deze uitnodiging is niet van jou."))
    if invitation.redeemed_at is None and invitation.cancelled_at is None:
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])


def invitation_redeem(*, user: User, code: str) -> TeamLink | SupportLink:
    """Someone uses a client's code: a worker's code makes the two a team, a supporter's
    code (anyone with an account may use it) a supporter in the plan; either in the scope
    the client chose."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(code=normalise_code(code)).first()
        )
        if invitation is None:
            raise TeamError(_("Deze code kennen we niet. Kijk of je hem goed hebt overgenomen."))
        if invitation.client_id == user.pk:
            raise TeamError(_("Dit is je eigen code. Geef hem aan wie je wilt uitnodigen."))
        if invitation.person_id is None and not is_worker(user):
            raise TeamError(_("Alleen hulpverleners kunnen deze code gebruiken."))
        if invitation.redeemed_at is not None:
            raise TeamError(_("Deze code is al gebruikt. Vraag om een nieuwe code."))
        if invitation.cancelled_at is not None:
            raise TeamError(_("Deze code is ingetrokken."))
        if invitation.expires_at <= timezone.now():
            raise TeamError(
                _("Deze code is verlopen: een code werkt %(days)s dagen. Vraag een nieuwe code.")
                % {"days": INVITATION_DAYS}
            )
        topic_ids = [topic.pk for topic in invitation.topics.all()]
        link: TeamLink | SupportLink
        if invitation.person_id is None:
            if TeamLink.objects.filter(
                client_id=invitation.client_id, worker=user, ended_at__isnull=True
            ).exists():
                raise TeamError(_("Jullie zijn al een team."))
            link = TeamLink(client_id=invitation.client_id, worker=user)
            _set_scope(
                link,
                all_topics=invitation.all_topics,
                topic_ids=topic_ids,
                share_plan=invitation.share_plan,
                share_network=invitation.share_network,
            )
        else:
            if SupportLink.objects.filter(
                client_id=invitation.client_id, supporter=user, ended_at__isnull=True
            ).exists():
                raise TeamError(_("Je denkt al mee in dit plan."))
            link = SupportLink(
                client_id=invitation.client_id, supporter=user, person_id=invitation.person_id
            )
            _set_scope(link, all_topics=False, topic_ids=topic_ids)
        invitation.redeemed_at = timezone.now()
        invitation.redeemed_by = user
        invitation.save(update_fields=["redeemed_at", "redeemed_by"])
    return link


def link_request_send(*, worker: User, username: str) -> None:
    """A worker asks a client (by username) to become a team. The answer is the same
    whether or not the username exists, so it cannot be used to find people."""
    if not is_worker(worker):
        raise TeamError(_("Alleen hulpverleners kunnen een verzoek sturen."))
    username = (username or "").strip()
    if not username:
        raise TeamError(_("Vul de gebruikersnaam van je cliënt in."))
    if username.casefold() == worker.username.casefold():
        raise TeamError(_("Dit is je eigen gebruikersnaam."))
    client = get_user_model().objects.filter(username__iexact=username, is_active=True).first()
    if client is None:
        return
    already = TeamLink.objects.filter(client=client, worker=worker, ended_at__isnull=True)
    if already.exists():
        return
    LinkRequest.objects.get_or_create(worker=worker, client=client, answered_at=None)


def link_request_answer(
    *,
    client: User,
    request: LinkRequest,
    accept: bool,
    all_topics: bool = True,
    topic_ids: Collection[int] = (),
    share_plan: bool = True,
    share_network: bool = False,
) -> TeamLink | None:
    """The client says yes (with a scope) or no to a worker's request."""
    if request.client_id != client.pk or request.answered_at is not None:
        raise TeamError(_("Dit verzoek is al beantwoord."))
    if accept and not all_topics and not topic_ids:
        raise TeamError(_("Kies minstens één onderwerp, of kies 'alles'."))
    with transaction.atomic():
        request.answered_at = timezone.now()
        request.accepted = accept
        request.save(update_fields=["answered_at", "accepted"])
        if not accept:
            return None
        link, _created = TeamLink.objects.get_or_create(
            client=client, worker_id=request.worker_id, ended_at=None
        )
        _set_scope(
            link,
            all_topics=all_topics,
            topic_ids=topic_ids,
            share_plan=share_plan,
            share_network=share_network,
        )
    return link


def link_set_scope(
    *,
    client: User,
    link: TeamLink,
    all_topics: bool,
    topic_ids: Collection[int],
    share_plan: bool,
    share_network: bool = False,
) -> None:
    """The client changes what a worker may see; it counts from the worker's next request."""
    if link.client_id != client.pk or link.ended_at is not None:
        raise TeamError(_("Deze koppeling bestaat niet (meer)."))
    if not all_topics and not topic_ids:
        raise TeamError(_("Kies minstens één onderwerp, of kies 'alles'."))
    with transaction.atomic():
        _set_scope(
            link,
            all_topics=all_topics,
            topic_ids=topic_ids,
            share_plan=share_plan,
            share_network=share_network,
        )


def link_end(*, user: User, link: TeamLink) -> None:
    """Either side ends the team; the worker loses access at once."""
    if user.pk not in (link.client_id, link.worker_id):
        raise TeamError(_("Deze koppeling bestaat niet (meer)."))
    if link.ended_at is None:
        link.ended_at = timezone.now()
        link.save(update_fields=["ended_at"])


def support_end(*, user: User, link: SupportLink) -> None:
    """The client ends a supporter's place in the plan, or the supporter leaves; the
    supporter sees nothing from their next request on. What they agreed stays in the plan."""
    if user.pk not in (link.client_id, link.supporter_id):
        raise TeamError(_("Deze steunpersoon bestaat niet (meer)."))
    if link.ended_at is None:
        link.ended_at = timezone.now()
        link.save(update_fields=["ended_at"])


def support_access_record(*, link: SupportLink, what: str) -> None:
    """A "Wie keek mee" line for a supporter's look, under the name the client gave them
    in their network (the one the client knows them by)."""
    AccessLog.objects.create(
        client_id=link.client_id,
        worker_id=link.supporter_id,
        worker_name=link.person.name,
        role=AccessLog.Role.SUPPORTER,
        what=what,
    )


def access_record(*, worker: User, client_ids: Collection[int], what: str) -> None:
    """One "Wie keek mee" line per client whose data ``worker`` just opened."""
    name = worker.public_name
    now = timezone.now()
    AccessLog.objects.bulk_create(
        [
            AccessLog(client_id=client_id, worker=worker, worker_name=name, what=what, at=now)
            for client_id in client_ids
        ]
    )


def access_record_caseload(*, worker: User, what: str) -> None:
    """``access_record`` for every client linked to ``worker`` right now (the overviews
    show them all), written by the database in one statement instead of a row object per
    client."""
    log, link = AccessLog._meta, TeamLink._meta
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(log.db_table)} "  # noqa: S608 (table names from the models)
            "(client_id, worker_id, worker_name, role, what, at) "
            f"SELECT client_id, %s, %s, %s, %s, %s FROM {quote(link.db_table)} "
            "WHERE worker_id = %s AND ended_at IS NULL",
            [worker.pk, worker.public_name, AccessLog.Role.WORKER, what, timezone.now(), worker.pk],
        )


# --- The shared plan ("Ons plan") --------------------------------------------------------


def plan_item_add(
    *,
    client: User,
    actor: User,
    text: str,
    who: str,
    worker: User | None = None,
    person: Person | None = None,
    due: date | None = None,
    module: ModulePage | None = None,
    actor_name: str | None = None,
) -> PlanItem:
    """An agreement in the client's plan, added by the client, a linked worker who may see
    the plan, or a supporter. ``worker`` is who committed to it when ``who`` is the worker,
    ``person`` (from the client's network) when it is someone from their network.
    ``actor_name`` is the adder's name in the history (a supporter's: the one the client
    gave them), by default their public name."""
    doer_name = ""
    if who == PlanItem.Who.WORKER:
        if worker is None:
            raise TeamError(_("Kies welke hulpverlener dit doet."))
        if not TeamLink.objects.filter(
            client=client, worker=worker, ended_at__isnull=True, share_plan=True
        ).exists():
            raise TeamError(_("Deze hulpverlener werkt niet (meer) met je plan."))
        doer_name = worker.public_name
    elif who == PlanItem.Who.PERSON:
        if person is None:
            raise TeamError(_("Kies wie uit je netwerk dit doet."))
        if person.owner_id != client.pk:
            raise TeamError(_("Deze persoon staat niet in jouw netwerk."))
        doer_name = person.name
    if who != PlanItem.Who.WORKER:
        worker = None
    if who != PlanItem.Who.PERSON:
        person = None
    with transaction.atomic():
        item = PlanItem.objects.create(
            client=client,
            text=text,
            who=who,
            worker=worker,
            person=person,
            doer_name=doer_name,
            due=due,
            module=module,
        )
        PlanEvent.objects.create(
            item=item,
            kind=PlanEvent.Kind.ADDED,
            actor=actor,
            actor_name=actor_name or actor.public_name,
        )
    return item


def plan_item_set_done(
    *, item: PlanItem, actor: User, done: bool, actor_name: str | None = None
) -> None:
    """Anyone on the plan marks an agreement done, or open again; both are kept in its
    history (under ``actor_name`` as ``plan_item_add`` has it)."""
    with transaction.atomic():
        item = PlanItem.objects.select_for_update().get(pk=item.pk)
        if (item.done_at is not None) == done:
            return  # a double click changes nothing
        item.done_at = timezone.now() if done else None
        item.save(update_fields=["done_at"])
        PlanEvent.objects.create(
            item=item,
            kind=PlanEvent.Kind.DONE if done else PlanEvent.Kind.REOPENED,
            actor=actor,
            actor_name=actor_name or actor.public_name,
        )


def encouragement_add(*, link: SupportLink, text: str) -> Encouragement:
    """A supporter's few warm words on the client's plan: plain text on one line."""
    text = one_line(text)
    if not text:
        raise TeamError(_("Schrijf eerst een paar woorden."))
    if len(text) > ENCOURAGEMENT_MAX_LENGTH:
        raise TeamError(_("Dit bericht is te lang. Houd het kort."))
    return Encouragement.objects.create(
        client_id=link.client_id,
        author_id=link.supporter_id,
        author_name=link.person.name,
        text=text,
    )


def encouragement_remove(*, client: User, encouragement: Encouragement) -> None:
    """The client removes an encouragement from their plan (it is gone for the writer too)."""
    if encouragement.client_id != client.pk:
        raise TeamError(_("Dit bericht staat niet in jouw plan."))
    encouragement.delete()
