# Machina's admin for its permission models, unchanged.
from machina.apps.forum_permission.admin import *  # noqa: F403
