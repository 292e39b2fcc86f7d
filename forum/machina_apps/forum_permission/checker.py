"""Machina's permission checker, with each person's permissions per forum kept in the cache.

Machina's handler builds its checkers with ``get_class("forum_permission.checker",
"ForumPermissionChecker")``, which finds this class first, so every permission question
(ours, machina's views, its template tags) is answered through the cache."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from machina.apps.forum_permission.checker import (
    ForumPermissionChecker as MachinaForumPermissionChecker,
)

from forum.permissions import PERMISSIONS_CACHE_SECONDS, permissions_version, perms_cache_key

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


class ForumPermissionChecker(MachinaForumPermissionChecker):
    """Machina's rules, computed on a miss and cached under the permissions version (which
    every change of permissions, forums or groups bumps: ``forum.receivers``)."""

    def get_perms(self, forum: Any) -> list[str]:
        user: User | AnonymousUser = self.user
        if (not user.is_anonymous and not user.is_active) or user.is_superuser:
            return super().get_perms(forum)
        identifier = "global" if forum is None else forum.id
        if identifier not in self._forum_perms_cache:
            key = perms_cache_key(permissions_version(), user, forum and forum.id)
            codenames = cache.get(key)
            if codenames is None:
                codenames = list(super().get_perms(forum))
                cache.set(key, codenames, PERMISSIONS_CACHE_SECONDS)
            self._forum_perms_cache[identifier] = codenames
        return self._forum_perms_cache[identifier]
