"""The project shell: settings, URLs, the Celery app, the home page and base templates."""

from .celery import app as celery_app

__all__ = ["celery_app"]
