"""Who may do what in the forum, decided in one place.

Machina's permission tables carry the rules; this module writes the defaults into them
(in code, never by hand in the admin) and answers the questions our own views ask.

- Anonymous visitors read. Signed-in members start topics, reply and edit their own posts,
  but their posts wait for approval until ``FORUM_POSTS_BEFORE_TRUST`` were approved.
- Experience experts and moderators post without approval from the start; moderators
  also approve, hide, lock and move.
- An archived module forum stays readable; nobody but moderators writes in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from machina.core.db.models import get_model

from accounts import roles
from core import versions

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from machina.apps.forum_permission.handler import PermissionHandler

    from accounts.models import User

ForumPermission = get_model("forum_permission", "ForumPermission")
UserForumPermission = get_model("forum_permission", "UserForumPermission")
GroupForumPermission = get_model("forum_permission", "GroupForumPermission")

READ = ("can_see_forum", "can_read_forum")
MEMBER = READ + ("can_start_new_topics", "can_reply_to_topics", "can_edit_own_posts")
WITHOUT_APPROVAL = ("can_post_without_approval",)
MODERATION = WITHOUT_APPROVAL + (
    "can_lock_topics",
    "can_move_topics",
    "can_edit_posts",
    "can_delete_posts",
    "can_approve_posts",
    "can_reply_to_locked_topics",
    "can_post_stickies",
)
ARCHIVED_DENIED = ("can_start_new_topics", "can_reply_to_topics")


def _permissions(codenames: Sequence[str]) -> list[Any]:
    existing = {p.codename: p for p in ForumPermission.objects.filter(codename__in=codenames)}
    missing = [ForumPermission(codename=c) for c in codenames if c not in existing]
    for permission in ForumPermission.objects.bulk_create(missing):
        existing[permission.codename] = permission
    return [existing[c] for c in codenames]


def _set_user_permissions(
    codenames: Sequence[str],
    *,
    has_perm: bool = True,
    forum: Any = None,
    user: User | None = None,
    who: str | None = None,
) -> None:
    """Write machina's per-user permission rows; ``who`` is "anonymous" or "members" (all
    signed-in users) when ``user`` is None."""
    for permission in _permissions(codenames):
        UserForumPermission.objects.update_or_create(
            permission=permission,
            forum=forum,
            user=user,
            anonymous_user=who == "anonymous",
            authenticated_user=who == "members",
            defaults={"has_perm": has_perm},
        )


@transaction.atomic
def forum_permissions_ensure_defaults() -> None:
    """Write the default global permissions; running it again changes nothing."""
    _set_user_permissions(READ, who="anonymous")
    _set_user_permissions(MEMBER, who="members")
    grants = {roles.EXPERIENCE_EXPERT: WITHOUT_APPROVAL, roles.MODERATOR: MODERATION}
    for group_name, codenames in grants.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for permission in _permissions(codenames):
            GroupForumPermission.objects.update_or_create(
                permission=permission, forum=None, group=group, defaults={"has_perm": True}
            )


def forum_set_archived(*, forum: Any, archived: bool) -> None:
    """Close (or reopen) a forum for new topics and replies from ordinary members."""
    if archived:
        _set_user_permissions(ARCHIVED_DENIED, has_perm=False, forum=forum, who="members")
    else:
        UserForumPermission.objects.filter(
            permission__codename__in=ARCHIVED_DENIED,
            forum=forum,
            user=None,
            authenticated_user=True,
        ).delete()


def member_trust(*, user: User) -> None:
    """Let a member post without approval from now on (machina's own permission)."""
    _set_user_permissions(WITHOUT_APPROVAL, user=user)


def is_moderator(user: User | AnonymousUser) -> bool:
    """A forum moderator (or a superuser); remembered on the user object for the request
    and cached under the permissions version (a change of groups bumps it)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_forum_moderator"):
        key = moderator_cache_key(permissions_version(), user.pk)
        moderator = cache.get(key)
        if moderator is None:
            moderator = user.is_superuser or user.groups.filter(name=roles.MODERATOR).exists()
            cache.set(key, moderator, PERMISSIONS_CACHE_SECONDS)
        # A memo for this request on the user object itself (no such field on the model).
        user._forum_moderator = moderator  # type: ignore[attr-defined]
    return user._forum_moderator  # type: ignore[attr-defined]


def moderator_cache_key(version: int, user_id: int) -> str:
    return f"forum:moderator:{version}:{user_id}"


def perms_cache_key(version: int, user: User | AnonymousUser, forum_id: int | None) -> str:
    """The key of ``user``'s permissions in a forum (None: the global ones)."""
    who = user.pk if user.is_authenticated else "anonymous"
    return f"forum:perms:{version}:{who}:{'global' if forum_id is None else forum_id}"


# Machina works out which forums someone may read in Python, forum by forum and up the
# tree: fine for one forum, slow for a list of fifty. The answer only changes when
# permissions, forums or someone's groups change, so it is cached under a version that
# those changes bump (see forum.receivers).
PERMISSIONS_VERSION_KEY = "forum:permissions-version"
# A bump lost to a Redis outage is healed by expiry within this time.
PERMISSIONS_CACHE_SECONDS = 600


def permissions_version() -> int:
    return versions.current(PERMISSIONS_VERSION_KEY)


def bump_permissions_version() -> None:
    versions.bump(PERMISSIONS_VERSION_KEY)


def readable_forum_ids(
    *, user: User | AnonymousUser, handler: PermissionHandler, forums: Iterable[Any]
) -> set[int]:
    """The ids among ``forums`` (a queryset, only read on a cache miss) that ``user`` may
    read, through machina's handler, cached per person (one entry for all anonymous
    visitors) and permissions version."""
    who = user.pk if user.is_authenticated else "anonymous"
    key = f"forum:readable:{permissions_version()}:{who}"
    readable = cache.get(key)
    if readable is None:
        readable = {forum.pk for forum in handler.get_readable_forums(forums, user)}
        cache.set(key, readable, PERMISSIONS_CACHE_SECONDS)
    return readable
