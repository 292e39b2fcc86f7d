"""The user model: a pseudonymous account, with as little personal data as possible."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import changes

from .names import name_key, public_name_changed

# The names kept as keys (``<field>_key``), and that make up the public name.
NAME_FIELDS = ("username", "display_name")


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
        created = self._state.adding
        update_fields = kwargs.get("update_fields")
        written = [n for n in NAME_FIELDS if update_fields is None or n in update_fields]
        for name in written:
            setattr(self, f"{name}_key", name_key(getattr(self, name)))
        if update_fields is not None and written:
            kwargs["update_fields"] = {*update_fields, *(f"{name}_key" for name in written)}
        super().save(*args, **kwargs)
        if not created and self._public_name_changed():
            public_name_changed.send(sender=User, user=self)

    def _public_name_changed(self) -> bool:
        # The names this save changed, as they were loaded (``core.changes``).
        before = changes.changed(self)
        if not before:
            return False
        if changes.UNKNOWN in before.values():
            return True
        old = {"username": self.username, "display_name": self.display_name, **before}
        return (old["display_name"] or old["username"]) != self.public_name

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


# ``save`` tells a new public name from the names as loaded, asking the database nothing.
changes.track(User, *NAME_FIELDS)
