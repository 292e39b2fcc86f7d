from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from team import progress

        from . import receivers, selectors  # noqa: F401

        # Team's overviews count through this app's index (see team.progress).
        progress.register(selectors)
