"""Public names (username and display name): which ones nobody may take, when two names
count as the same, and the signal sent when someone's public name changed.

A name others see must not pass for a role or for someone else: "demo-moderator",
"Moderator Samenredzaam" or another member's name would let anyone speak with an
authority they don't have. Roles are shown as badges drawn from a person's groups,
never from what they typed (``forum/templates/community/includes/post.html``).
"""

import re
import unicodedata

from django.conf import settings
from django.dispatch import Signal
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

# Sent by ``User.save`` with ``user`` when a save changed the name others see (the
# display name, else the username; ``User.public_name``), known from the user as it
# was loaded. Apps above accounts that show the name start their copies afresh
# (``forum.receivers``, ``team.receivers``, ``search.receivers``); a new account, a login
# and a save that keeps the name send nothing.
public_name_changed = Signal()

# Words that name a role or the site itself, Dutch and English, as ``name_key`` writes
# them. Words of 7 letters or more are reserved anywhere in a name ("demo.moderator",
# "TeamleiderNoord"); shorter ones only as a word of their own, plural included
# ("Admin Anna", "editors"), so ordinary names keep them ("badminton", "coworker").
RESERVED_WORDS = (
    # moderation and the people behind the site
    "moderator",
    "moderatie",
    "moderation",
    "mod",
    "beheer",
    "beheerder",
    "admin",
    "administrator",
    "staff",
    "support",
    "helpdesk",
    "systeem",
    "system",
    "officieel",
    "official",
    "samenredzaam",
    # editors
    "redactie",
    "redacteur",
    "editor",
    # workers and team leads
    "hulpverlener",
    "medewerker",
    "worker",
    "teamleider",
    "teamlead",
    "coach",
    "consulent",
    # experience experts
    "ervaringsdeskundige",
    "experienceexpert",
    "expert",
)
_ANYWHERE_FROM = 7
_PLURALS = ("", "s", "n", "en")

# The name posts keep after their writer deleted their account; the forum and search
# show it in the reader's language (``gettext``), so every translation of it is reserved.
DELETED_USER_LABEL = gettext_noop("verwijderde gebruiker")

# Digits that stand in for letters: "m0derat0r" is still "moderator".
_LOOKALIKES = str.maketrans("013457", "oieast")


def _without_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_key(name: str) -> str:
    """``name`` as it reads to people: accents, case, spaces, dots, hyphens, underscores
    and other marks dropped, so "Démo.Moderator" and "demo-moderator" give the same key.
    Two names with the same key are the same name."""
    return "".join(char for char in _without_accents(name).casefold() if char.isalnum())


def _words(name: str) -> list[str]:
    # "ModeratorAnna" is two words, like "Moderator Anna".
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", _without_accents(name))
    return [
        word.translate(_LOOKALIKES)
        for word in (name_key(part) for part in re.split(r"[\W_]+", spaced))
        if word
    ]


def _deleted_user_keys() -> set[str]:
    keys = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            keys.add(name_key(gettext(DELETED_USER_LABEL)))
    return keys


def is_reserved(name: str) -> bool:
    """Whether ``name`` reads as a role, the site or the deleted-user label."""
    words = _words(name)
    joined = "".join(words)
    if any(label in joined for label in _deleted_user_keys()):
        return True
    for reserved in RESERVED_WORDS:
        if len(reserved) >= _ANYWHERE_FROM:
            if reserved in joined:
                return True
        elif any(word in {reserved + end for end in _PLURALS} for word in words):
            return True
    return False
