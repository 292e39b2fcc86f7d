"""Writes on accounts."""

from django.conf import settings

from .models import User


def user_set_language(*, user: User, language: str) -> None:
    """Remember ``language`` for ``user`` if it is one we offer; ignore anything else."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
