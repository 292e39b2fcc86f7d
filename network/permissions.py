"""Who may see what in ``network``, decided here and nowhere else: a network is its
owner's alone. Anyone else asking for a person gets a 404 that says nothing about whether
that person exists (workers too: what they see of a network later comes through the
client's consent, never through these pages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from core.ids import parse_id

from .models import Person

if TYPE_CHECKING:
    from accounts.models import User


def own_person_or_404(*, owner: User, pk: object) -> Person:
    """The person ``pk`` in ``owner``'s own network, or a 404."""
    person_id = parse_id(pk)
    person = Person.objects.filter(pk=person_id, owner=owner).first() if person_id else None
    if person is None:
        raise Http404
    return person
