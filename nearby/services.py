"""Writes of ``nearby``: a member suggests an initiative. Editors and workers publish or
reject it in the Wagtail admin (``wagtail_hooks``), where Django's model form and the
model's validators check their input."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.html import strip_tags

from core.text import one_line

from .models import Initiative, Status

if TYPE_CHECKING:
    from accounts.models import User
    from learning.models import Topic

# The fields a member fills in; all plain text on one line.
SUGGESTED_FIELDS = (
    "name",
    "what",
    "for_whom",
    "how_to_join",
    "cost",
    "opening_times",
    "address",
    "postcode",
    "place",
    "phone",
    "email",
    "website",
)


def plain(text: str) -> str:
    """Text as a member's suggestion stores it: no tags, one line (``core.text``)."""
    return one_line(strip_tags(text or ""))


def initiative_suggest(*, by: User, fields: dict[str, str], topics: Iterable[Topic]) -> Initiative:
    """Store ``by``'s suggestion (the form checked ``fields``; every text is stored as
    plain text) with its ``topics``, waiting for an editor: nothing of it is shown on the
    site until someone publishes it. All or nothing."""
    values = {name: plain(fields.get(name, "")) for name in SUGGESTED_FIELDS}
    with transaction.atomic():
        initiative = Initiative.objects.create(**values, status=Status.WAITING, suggested_by=by)
        initiative.topics.set(list(topics))
    return initiative
