from machina.apps.forum_permission.apps import ForumPermissionAppConfig as MachinaAppConfig


class ForumPermissionAppConfig(MachinaAppConfig):
    # Same label and tables as machina's app (its migrations: MIGRATION_MODULES in settings).
    name = "forum.machina_apps.forum_permission"
