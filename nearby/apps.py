from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NearbyConfig(AppConfig):
    name = "nearby"
    verbose_name = _("In de buurt")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401
