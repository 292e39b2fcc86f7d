"""Who may see what in ``nearby``, decided here: the site shows published initiatives
only; one that waits for an editor or was not taken is a 404 for everyone on the public
pages (its suggester sees it, with its status, only on their own suggest page). Publishing
is done in the Wagtail admin, by whoever holds ``nearby.change_initiative``: the groups
Editors and Hulpverleners (migration 0002)."""

from __future__ import annotations

from django.http import Http404

from core.ids import parse_id

from .models import Initiative
from .selectors import initiative_published


def published_initiative_or_404(*, pk: object) -> Initiative:
    """The published initiative ``pk``, or a 404 that says nothing about whether an
    unpublished one exists."""
    initiative_id = parse_id(pk)
    initiative = initiative_published(pk=initiative_id) if initiative_id else None
    if initiative is None:
        raise Http404
    return initiative
