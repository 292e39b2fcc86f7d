"""Roles are Django groups. The names live here so code never spells them twice.

Every signed-up user is a client; the groups below add to that.
"""

EXPERIENCE_EXPERT = "Ervaringsdeskundigen"
MODERATOR = "Forummoderatoren"
WORKER = "Hulpverleners"
TEAM_LEAD = "Teamleiders"
EDITOR = "Editors"  # Wagtail's own editors group, created by Wagtail's migrations

ALL_ROLES = (EXPERIENCE_EXPERT, MODERATOR, WORKER, TEAM_LEAD, EDITOR)


def has_role(user, role: str) -> bool:
    """Whether ``user`` is in the group ``role`` (one query per request at most)."""
    if not user.is_authenticated:
        return False
    names = getattr(user, "_role_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._role_names = names
    return role in names
