"""The forum pages' cached HTML (``core.fragments.CachedHtml``): each is keyed by all its
fields, the versions of ``forum.cache`` and ``forum.permissions`` among them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.fragments import CachedHtml
from core.versions import content_version

from . import selectors
from .cache import board_version
from .permissions import permissions_version

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from machina.apps.forum_permission.handler import PermissionHandler

    from accounts.models import User


@dataclass(frozen=True)
class BoardIndex(CachedHtml):
    """The forum index: categories and forums with their counts, shared by readers who
    may read the same forums. Changes with the board version (every forum save), the
    permissions version and the content version (a topic's picture and colour), and
    differs in low-data mode (no pictures: ``core.lowdata``)."""

    template = "community/includes/board.html"

    board: int
    permissions: int
    readable: frozenset[int]
    content: int
    low_data: bool

    @classmethod
    def for_reader(
        cls, *, user: User | AnonymousUser, handler: PermissionHandler, low_data: bool
    ) -> BoardIndex:
        readable = selectors.readable_board_forum_ids(user=user, handler=handler)
        return cls(board_version(), permissions_version(), readable, content_version(), low_data)

    def load(self) -> Mapping[str, Any]:
        return {
            "categories": selectors.board_index(readable=self.readable),
            "low_data": self.low_data,
        }


@dataclass(frozen=True)
class TopicPosts(CachedHtml):
    """A topic page's posts, shared by the readers who see them alike: signed in or not,
    the starter or not, a moderator or not, with the same votes, own posts and posts
    they may edit on the page. Changes with the topic's version (every post, edit, vote
    and marked answer) and the permissions version."""

    template = "community/includes/posts.html"

    topic: Any
    version: int
    permissions: int
    post_ids: tuple[int, ...]
    signed_in: bool
    is_starter: bool
    can_moderate: bool
    voted: frozenset[int]
    own: frozenset[int]
    editable: frozenset[int]

    @classmethod
    def for_page(
        cls,
        *,
        topic: Any,
        state: selectors.TopicPageState,
        handler: PermissionHandler,
        signed_in: bool,
        is_starter: bool,
        can_moderate: bool,
    ) -> TopicPosts:
        return cls(
            topic=topic,
            version=state.version,
            permissions=permissions_version(),
            post_ids=state.post_ids,
            signed_in=signed_in,
            is_starter=is_starter,
            can_moderate=can_moderate,
            voted=state.voted,
            own=state.own,
            editable=state.editable,
        )

    def load(self) -> Mapping[str, Any]:
        posts = selectors.topic_posts(
            topic=self.topic,
            post_ids=self.post_ids,
            voted=self.voted,
            own=self.own,
            editable=self.editable,
        )
        return {"posts": posts}
