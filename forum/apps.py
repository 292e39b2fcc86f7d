from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """The peer-support forum around django-machina.

    The label is ``community``, not ``forum``: machina's class loader treats an installed
    app labelled ``forum`` as an override of its own ``forum`` app.
    """

    name = "forum"
    label = "community"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401
