"""Roles are Django groups; code refers to them by these names.

Every signed-up user is a client; the groups below add to that. The migration
that creates the groups keeps its own copy of the names (migrations must not
import app code); ``tests/unit/test_roles.py`` keeps the two in step.
"""

EXPERIENCE_EXPERT = "Ervaringsdeskundigen"
MODERATOR = "Forummoderatoren"
WORKER = "Hulpverleners"
TEAM_LEAD = "Teamleiders"
EDITOR = "Editors"  # Wagtail's own editors group, created by Wagtail's migrations
# Publishes: approves what editors submit (Wagtail's workflow "Eindredactie"). Made
# with that workflow by migration 0006; an approver is usually an editor as well.
APPROVER = "Eindredacteuren"

ALL_ROLES = (EXPERIENCE_EXPERT, MODERATOR, WORKER, TEAM_LEAD, EDITOR, APPROVER)
