"""The user model: a pseudonymous account, with as little personal data as possible."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .names import name_key


class ForumEmail(models.TextChoices):
    IMMEDIATE = "immediate", _("meteen, bij elk nieuw bericht")
    DAILY = "daily", _("één keer per dag, alles bij elkaar")
    OFF = "off", _("nooit")


class User(AbstractUser):
    """A person using Samenredzaam. The username is a pseudonym; email is optional.

    ``first_name``/``last_name`` from AbstractUser stay empty: we never ask for them.
    """

    display_name = models.CharField(
        _("naam die anderen zien"),
        max_length=60,
        blank=True,
        help_text=_("Leeg laten: dan zien anderen je gebruikersnaam."),
    )
    email_progress = models.BooleanField(
        _("mail me als ik een module af heb"),
        default=False,
        help_text=_("Alleen als je een e-mailadres hebt opgegeven."),
    )
    forum_email = models.CharField(
        _("mail over forumberichten die ik volg"),
        max_length=10,
        choices=ForumEmail.choices,
        default=ForumEmail.DAILY,
        help_text=_("Alleen als je een e-mailadres hebt opgegeven."),
    )
    language = models.CharField(
        _("taal"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="nl",
    )
    # The username and display name as they read (``names.name_key``), kept by ``save``,
    # so "is this name someone else's?" is an indexed lookup (``selectors.name_taken``).
    # Text: decomposing may lengthen a name ("ﬃ" is "ffi").
    username_key = models.TextField(db_index=True, editable=False, default="")
    display_name_key = models.TextField(db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def save(self, *args, **kwargs):
        self.username_key = name_key(self.username)
        self.display_name_key = name_key(self.display_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"username", "display_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "username_key", "display_name_key"}
        super().save(*args, **kwargs)

    @property
    def public_name(self) -> str:
        """The name shown to others: the chosen display name, else the username."""
        return self.display_name or self.username

    def get_public_name(self) -> str:
        """``public_name`` for machina, which calls a method (MACHINA_USER_DISPLAY_NAME_METHOD)."""
        return self.public_name


class UserSession(models.Model):
    """A session someone signed in with: Django's session stores cannot list a person's
    sessions, and deleting an account must end all of them (``services.account_delete``).
    Recorded at login and when a password change gives the session a new key; forgotten
    at logout."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    # A session key belongs to one session, and so to one person.
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user_id} · {self.created_at:%Y-%m-%d %H:%M}"
