"""Reads of ``nearby``: the published initiatives as the site shows them (filtered by
place, topic and words), one of them, those of a topic for its modules, and a member's
suggestions for their download. Nothing unpublished leaves here except to its suggester's
own download."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.db.models import Case, IntegerField, QuerySet, Value, When

from .finder import finder
from .models import Initiative, Status

if TYPE_CHECKING:
    from accounts.models import User

PAGE_SIZE = 20
# Shown under a module: a few, and a link to all of the topic's.
FOR_TOPIC = 3
# "3511", "3511 AB", "3511AB": the four digits are what counts.
POSTCODE_QUERY = re.compile(r"^\s*([0-9]{4})\s*(?:[A-Za-z]{2})?\s*$")


def area_of(postcode: str) -> str:
    """What "nearby" means for ``postcode``: the postcodes with the same first two
    digits (in the Netherlands a city and its surroundings, in Flanders a region)."""
    return postcode[:2]


def published() -> QuerySet[Initiative]:
    """The initiatives anyone may see."""
    return Initiative.objects.filter(status=Status.PUBLISHED)


@dataclass(frozen=True)
class Found:
    """A page of initiatives found, and how: ``postcode`` the one searched near (its area
    in ``area``), ``degraded`` when the words were searched by the fallback backend."""

    page: Page
    postcode: str = ""
    area: str = ""
    degraded: bool = False


def initiatives_found(
    *,
    text: str = "",
    postcode: str = "",
    place: str = "",
    topic_id: int | None = None,
    page: Any = 1,
) -> Found:
    """The published initiatives matching every filter given: ``text`` through the
    site's search (the same backends and ranking as ``/zoeken/``), ``postcode`` (four
    digits, already checked) in its area (those in that postcode first), ``place`` (a town,
    case and surrounding spaces ignored), ``topic_id``. Without words, by name. Three
    queries however many there are (count, page, topics)."""
    found = published()
    degraded = False
    ranked: list[int] | None = None
    if text:
        ranked, degraded = finder().initiative_ids(text=text)
        found = found.filter(pk__in=ranked)
    if topic_id is not None:
        found = found.filter(topics__id=topic_id)
    if place:
        found = found.filter(place__iexact=place.strip())
    order: list[Any] = []
    if postcode:
        found = found.filter(postcode__startswith=area_of(postcode))
        order.append(Case(When(postcode=postcode, then=Value(0)), default=Value(1)))
    if ranked:
        order.append(
            Case(
                *(When(pk=pk, then=Value(at)) for at, pk in enumerate(ranked)),
                output_field=IntegerField(),
            )
        )
    found = found.order_by(*order, "name", "pk").prefetch_related("topics")
    return Found(
        page=Paginator(found, PAGE_SIZE).get_page(page),
        postcode=postcode,
        area=area_of(postcode) if postcode else "",
        degraded=degraded,
    )


def initiative_published(*, pk: int) -> Initiative | None:
    """The published initiative ``pk`` with its topics, or None. Two queries."""
    return published().filter(pk=pk).prefetch_related("topics").first()


def initiatives_for_topic(*, topic_id: int) -> list[Initiative]:
    """A few published initiatives of ``topic_id`` (by name), for its modules. One
    query."""
    return list(
        published()
        .filter(topics__id=topic_id)
        .only("pk", "name", "place", "postcode", "for_whom")
        .order_by("name", "pk")[:FOR_TOPIC]
    )


def postcode_in(raw: str) -> str | None:
    """The four digits of a postcode typed as ``raw`` ("3511", "3511 AB"), "" when
    ``raw`` is no postcode at all (a place name), None when it looks like one but is not
    valid ("0123", "12345")."""
    match = POSTCODE_QUERY.match(raw or "")
    if match:
        digits = match.group(1)
        return digits if digits[0] != "0" else None
    return None if re.search(r"[0-9]", raw or "") else ""


def initiatives_suggested(*, by: User) -> list[Initiative]:
    """The initiatives ``by`` suggested, oldest first, as they are now (published,
    waiting or not taken). One query."""
    return list(Initiative.objects.filter(suggested_by=by).order_by("created_at", "pk"))


def export_for(*, user: User) -> dict[str, Any]:
    """Everything ``nearby`` keeps about ``user``: the initiatives they suggested, with
    what became of them. One query."""
    return {
        "suggested": [
            {
                "name": initiative.name,
                "place": initiative.place,
                "postcode": initiative.postcode,
                "status": initiative.get_status_display(),
                "suggested_at": initiative.created_at,
            }
            for initiative in initiatives_suggested(by=user)
        ]
    }
