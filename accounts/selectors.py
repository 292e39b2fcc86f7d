"""Reads on accounts: whether a name is someone else's, and everything Samenredzaam keeps
about one person ("Mijn gegevens").

The download is one JSON document of sections. ``account`` (the profile) is ours; every
other app that keeps data about a person contributes its own section through a selector
``export_for(*, user) -> dict`` named in ``EXPORT_SECTIONS``. A section's app that is not
installed is left out; an installed app whose selector is missing is an error, never a
silently shorter download. Selectors return plain values (datetimes may stay datetimes:
they are written as ISO 8601 in the site's time zone) and cost a fixed number of queries,
however many rows the person has.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import User
from .names import name_key

EXPORT_FORMAT = "samenredzaam-mijn-gegevens"
EXPORT_VERSION = 1


@dataclass(frozen=True)
class ExportSection:
    name: str  # the key in the download
    app: str  # the installed app (module name) that owns the data
    selector: str  # dotted path of its ``export_for(*, user) -> dict``


EXPORT_SECTIONS = (
    ExportSection("learning", "learning", "learning.selectors.export_for"),
    ExportSection("forum", "forum", "forum.selectors.export_for"),
    ExportSection("team", "team", "team.selectors.export_for"),
    ExportSection("network", "network", "network.selectors.export_for"),
    ExportSection("nearby", "nearby", "nearby.selectors.export_for"),
)


def export_sections() -> list[ExportSection]:
    """The sections of the download on this installation."""
    return [section for section in EXPORT_SECTIONS if apps.is_installed(section.app)]


def _selector(section: ExportSection) -> Callable[..., dict[str, Any]]:
    try:
        return import_string(section.selector)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"The app {section.app!r} keeps data about people, so the download of their "
            f"data needs {section.selector}(*, user) (see accounts.selectors)."
        ) from error


def name_taken(*, name: str, exclude_user_id: int | None = None) -> bool:
    """Whether ``name`` reads the same (``names.name_key``) as the username or display
    name of someone other than ``exclude_user_id``. One indexed query."""
    key = name_key(name)
    if not key:
        return False
    others = User.objects.exclude(pk=exclude_user_id) if exclude_user_id else User.objects
    return others.filter(Q(username_key=key) | Q(display_name_key=key)).exists()


def account_profile(*, user: User) -> dict:
    """The ``account`` section: who the person is to us, their choices and roles."""
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "email_addresses": list(
            EmailAddress.objects.filter(user=user)
            .order_by("pk")
            .values("email", "verified", "primary")
        ),
        "language": user.language,
        "email_when_module_done": user.email_progress,
        "forum_email": user.forum_email,
        "roles": list(user.groups.order_by("name").values_list("name", flat=True)),
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def account_export(*, user: User) -> dict:
    """Everything about ``user``, section by section (see the module docstring)."""
    data = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": timezone.now(),
        "account": account_profile(user=user),
    }
    for section in export_sections():
        data[section.name] = _selector(section)(user=user)
    return data


class ExportEncoder(DjangoJSONEncoder):
    """Datetimes in the site's time zone, to the second: "2026-11-24T13:05:00+01:00"."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime) and timezone.is_aware(o):
            return timezone.localtime(o).isoformat(timespec="seconds")
        return super().default(o)


def account_export_json(*, user: User) -> str:
    """``account_export`` as the text of the downloaded file."""
    return json.dumps(account_export(user=user), cls=ExportEncoder, ensure_ascii=False, indent=2)


def export_filename() -> str:
    return f"samenredzaam-mijn-gegevens-{timezone.localdate().isoformat()}.json"
