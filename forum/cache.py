"""The forum's cache: the data it keeps, the versions each depends on, how each is
invalidated, and what the topic page reads ahead. Selectors ask here for keys; nothing
else builds a forum cache key (machina's permission answers are ``forum.permissions``';
the cached HTML is ``forum.fragments``, keyed by its fields); the cache map in
``docs/architecture.md`` lists them all.

Versions (``core.versions``) are bumped, never entries hunted down:
- the board version: every forum save (its counters change with every post) and the tree
  sync; the forum index and the cached topics carry it;
- a topic's version: every save of the topic (machina's trackers save it on every post),
  votes and marked answers (``forum.services``); everything on a topic page carries it;
- the permissions version (``forum.permissions``): who may read or do what.
Two entries are deleted instead: a module's topic lists (with its count of peers who
think along) and what a reader follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db import transaction

from core import versions
from core.cache import read_ahead

from .models import ModuleForum
from .permissions import PERMISSIONS_VERSION_KEY, moderator_cache_key, perms_cache_key

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

# What a topic page reads on every visit (the topic row, the page's post ids, the
# viewer's votes, what the viewer follows) lives this long under the versions that
# change it; a bump lost to a Redis outage heals within it.
TOPIC_CACHE_SECONDS = 300
MODULE_TOPICS_CACHE_SECONDS = 3600

BOARD_VERSION_KEY = "forum:board-version"


def board_version() -> int:
    return versions.current(BOARD_VERSION_KEY)


def bump_board_version() -> None:
    versions.bump(BOARD_VERSION_KEY)


def topic_version_key(topic_id: int) -> str:
    return f"forum:topic-version:{topic_id}"


def topic_version(topic_id: int) -> int:
    return versions.current(topic_version_key(topic_id))


def topic_and_board_versions(topic_id: int) -> tuple[int, int]:
    """Both versions in one round trip."""
    topic, board = versions.current_many(topic_version_key(topic_id), BOARD_VERSION_KEY)
    return topic, board


def bump_topic_version(topic_id: int) -> None:
    versions.bump(topic_version_key(topic_id))


def bump_topic_versions(topic_ids: Iterable[int]) -> None:
    versions.bump_many(topic_version_key(topic_id) for topic_id in topic_ids)


def module_topics_key(module_id: int) -> str:
    return f"forum:module-topics:{module_id}"


def forget_module_topics(*, forum_id: int) -> None:
    """Drop the cached topic lists of the module whose forum changed."""
    module_id = (
        ModuleForum.objects.filter(forum_id=forum_id).values_list("module_id", flat=True).first()
    )
    if module_id is not None:
        cache.delete(module_topics_key(module_id))


def forget_module_peers(*, module_id: int) -> None:
    """A member opted in or out of thinking along with ``module_id``: its steps show the
    count, so drop the module's topic lists (now and at commit, as ``forget_following``)
    and the whole pages kept for first-time anonymous visitors."""
    key = module_topics_key(module_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))
    versions.bump_anonymous_pages()


def following_key(user_id: int | None) -> str:
    return f"forum:following:{user_id}"


def forget_following(*, user_id: int) -> None:
    """Drop what ``user_id`` follows, now and again at commit: a page read in between
    would cache the old follows."""
    key = following_key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def topic_key(pk: int, version: int, board: int) -> str:
    return f"forum:topic:{pk}:{version}:{board}"


def rows_key(topic_id: int, version: int, page_number: int) -> str:
    return f"forum:topic-rows:{topic_id}:{version}:{page_number}"


def votes_key(topic_id: int, version: int, user_id: int | None) -> str:
    return f"forum:topic-votes:{topic_id}:{version}:{user_id}"


def read_topic_page_ahead(
    *, pk: int, forum_pk: int, page_number: str | None, user: User | AnonymousUser
) -> None:
    """Fetch in two cache round trips what a topic page then reads one by one, inside
    ``core.cache.reading_ahead``: the versions and what the viewer follows, then under
    those versions the topic, the page's post ids, the viewer's votes, permissions and
    moderator flag. A wrong guess (a page number out of range, a counter not set yet)
    costs only the reads it would have cost anyway."""
    counters = [topic_version_key(pk), BOARD_VERSION_KEY, PERMISSIONS_VERSION_KEY]
    first = counters + ([following_key(user.pk)] if user.is_authenticated else [])
    found = read_ahead(first)
    version, board, permissions = (found.get(key) for key in counters)
    then = []
    if version is not None:
        page = int(page_number) if page_number and page_number.isdigit() else 1
        then.append(rows_key(pk, version, page))
        if user.is_authenticated:
            then.append(votes_key(pk, version, user.pk))
        if board is not None:
            then.append(topic_key(pk, version, board))
    if permissions is not None:
        then.append(perms_cache_key(permissions, user, forum_pk))
        if user.is_authenticated:
            then.append(moderator_cache_key(permissions, user.pk))
    if then:
        read_ahead(then)
