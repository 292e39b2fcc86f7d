# Machina's models, unchanged: the local app only replaces the checker.
from machina.apps.forum_permission.models import *  # noqa: F403
