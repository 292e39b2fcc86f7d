"""Writes for ``network``: a client adds, changes and removes the people in their network.
Each checks everything first and raises ``NetworkError`` with a message for the person, in
Dutch, before anything is stored; each keeps today's count in the history up to date in
the same transaction. Removing a person deletes the row: only the count remembers them."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core.text import one_line

from .models import HELP_FIELDS, NAME_MAX_LENGTH, Circle, NetworkCount, Person, Relation

if TYPE_CHECKING:
    from accounts.models import User

# More people than anyone keeps in touch with; a limit so no one fills the table by script.
MAX_PEOPLE = 150


class NetworkError(ValueError):
    """Something the person asked cannot be done; the message says why, for them."""


def clean_name(raw: str) -> str:
    """A name as stored: plain text (tags dropped) on one line (``core.text.one_line``).
    May be empty: the caller refuses that."""
    return one_line(strip_tags(raw or ""))


def _checked(*, name: str, relation: str, circle: int, helps: Collection[str]) -> dict:
    """The person's fields as the model stores them, or a ``NetworkError``."""
    name = clean_name(name)
    if not name:
        raise NetworkError(_("Vul een naam of bijnaam in."))
    if len(name) > NAME_MAX_LENGTH:
        raise NetworkError(
            _("Een naam mag hoogstens %(max)s tekens hebben.") % {"max": NAME_MAX_LENGTH}
        )
    if relation not in Relation.values:
        raise NetworkError(_("Kies hoe je deze persoon kent."))
    if circle not in Circle.values:
        raise NetworkError(_("Kies hoe dichtbij deze persoon is."))
    unknown = set(helps) - set(HELP_FIELDS)
    if unknown:
        raise NetworkError(_("Kies alleen uit de soorten hulp die er staan."))
    fields = {"name": name, "relation": relation, "circle": circle}
    fields |= {field: kind in helps for kind, field in HELP_FIELDS.items()}
    return fields


def _lock_network(owner: User) -> None:
    # The owner's row is the lock on their network: two writes at once (two tabs) then
    # count one after the other, so the day's count is never one short.
    get_user_model().objects.select_for_update().filter(pk=owner.pk).first()


def _record_count(owner: User) -> None:
    """Today's row of the history: the number of people now (one row per day)."""
    NetworkCount.objects.update_or_create(
        owner=owner,
        day=timezone.localdate(),
        defaults={"people": Person.objects.filter(owner=owner).count()},
    )


def person_add(
    *, owner: User, name: str, relation: str, circle: int, helps: Collection[str]
) -> Person:
    """Someone new in ``owner``'s network, with today's count updated; all or nothing."""
    fields = _checked(name=name, relation=relation, circle=circle, helps=helps)
    with transaction.atomic():
        _lock_network(owner)
        if Person.objects.filter(owner=owner).count() >= MAX_PEOPLE:
            raise NetworkError(
                _("Er staan al %(max)s mensen in je netwerk. Haal eerst iemand weg.")
                % {"max": MAX_PEOPLE}
            )
        person = Person.objects.create(owner=owner, **fields)
        _record_count(owner)
    return person


def person_change(
    *,
    owner: User,
    person: Person,
    name: str,
    relation: str,
    circle: int,
    helps: Collection[str],
) -> Person:
    """``owner`` changes someone in their own network (the count stays the same); a
    ``NetworkError`` if that person is not (or no longer) in it."""
    if person.owner_id != owner.pk:
        raise NetworkError(_("Deze persoon staat niet in jouw netwerk."))
    fields = _checked(name=name, relation=relation, circle=circle, helps=helps)
    now = timezone.now()
    # An update by owner and id, not a save: removed in another tab meanwhile is then a
    # message for the person, not an error page.
    if not Person.objects.filter(pk=person.pk, owner=owner).update(**fields, changed_at=now):
        raise NetworkError(_("Deze persoon staat niet in jouw netwerk."))
    for field, value in fields.items():
        setattr(person, field, value)
    person.changed_at = now
    return person


def person_remove(*, owner: User, person: Person) -> None:
    """``owner`` removes someone from their network: the row is deleted for real, only
    today's count in the history changes."""
    if person.owner_id != owner.pk:
        raise NetworkError(_("Deze persoon staat niet in jouw netwerk."))
    with transaction.atomic():
        _lock_network(owner)
        Person.objects.filter(pk=person.pk, owner=owner).delete()
        _record_count(owner)
