"""Reads for ``network``: a client's own people, how their network grew, and their part
of the download. Everything here is about one owner and is only ever shown to them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Case, DateField, F, Q, When
from django.utils import timezone
from django.utils.timesince import timesince

from .models import NetworkCount, Person

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User

# How far back the growth sentence looks, when the history goes back that far.
GROWTH_DAYS = 90


def network_people(*, owner: User) -> list[Person]:
    """The people in ``owner``'s network, closest circle first, then by name. One query."""
    return list(people_of(owner=owner))


def people_of(*, owner: User) -> QuerySet[Person]:
    """``network_people`` as a query still to run (for a form's choices)."""
    return Person.objects.filter(owner=owner).order_by("circle", "name", "pk")


def network_size(*, owner_id: int) -> int:
    """How many people are in a client's network (a count for those they share it with)."""
    return Person.objects.filter(owner=owner_id).count()


@dataclass(frozen=True)
class Growth:
    """How many people the network had ``ago`` (a reference day in the history) and now."""

    since: date
    ago: str  # "3 maanden", in the reader's language
    then: int
    now: int

    @property
    def grew(self) -> bool:
        return self.now > self.then


def network_growth(*, owner: User, people: int) -> Growth | None:
    """The network ``GROWTH_DAYS`` ago (the last count on or before that day) against
    ``people`` now; when the history is younger, against its first day. None when the
    history starts today. One query, however long the history."""
    today = timezone.localdate()
    cutoff = today - timedelta(days=GROWTH_DAYS)
    old_enough = Q(day__lte=cutoff)
    reference = (
        NetworkCount.objects.filter(owner=owner, day__lt=today)
        # The newest of the days old enough; when there are none, the first day of all.
        .order_by(
            Case(When(old_enough, then=F("day")), output_field=DateField()).desc(nulls_last=True),
            "day",
        )
        .first()
    )
    if reference is None:
        return None
    return Growth(
        since=reference.day,
        ago=timesince(reference.day, today, depth=1),
        then=reference.people,
        now=people,
    )


def export_for(*, user: User) -> dict[str, Any]:
    """Everything ``network`` keeps about ``user``: the people in their network as they
    drew them, and the history of counts. Two queries."""
    return {
        "people": [
            {
                "name": person.name,
                "relation": person.relation,
                "circle": person.circle,
                "helps": person.helps,
                "created_at": person.created_at,
                "changed_at": person.changed_at,
            }
            for person in Person.objects.filter(owner=user).order_by("created_at", "pk")
        ],
        "history": list(
            NetworkCount.objects.filter(owner=user).order_by("day").values("day", "people")
        ),
    }
