from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401
