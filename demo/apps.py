from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo loader: at the top with the shell, it may import every domain app."""

    name = "demo"
    default_auto_field = "django.db.models.BigAutoField"
