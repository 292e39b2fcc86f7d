from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from nearby import finder
        from team import progress

        from . import receivers, selectors  # noqa: F401

        # Team's overviews count through this app's index (see team.progress), and
        # nearby's list finds initiatives by their words through it (nearby.finder).
        progress.register(selectors)
        finder.register(selectors)
