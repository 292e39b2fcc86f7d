"""Who is in the demo: the demo users people sign in as (``DEMO_USERS``), and the forum's
other members, read from ``content/members.yaml``.

The members only write in the demo forum: they get no password anyone knows (Django's
unusable password), so nobody signs in as them. Both are created only when
``load_demo`` loads the demo users (``DEBUG`` or ``--with-users``).
"""

from pathlib import Path

from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import User
from forum.services import peer_offer_set
from learning.learners import Learner
from learning.models import ModulePage, StepPage
from learning.selectors import catalog
from learning.services import step_complete

from .files import CONTENT_DIR, check_keys, read
from .learning import read_topics

# (username, the role group or groups they are in, what they do: printed by load_demo)
DEMO_USERS: list[tuple[str, str | tuple[str, ...] | None, str]] = [
    ("demo-client", None, "een cliënt met wat voortgang"),
    ("demo-ervaringsdeskundige", roles.EXPERIENCE_EXPERT, "een ervaringsdeskundige"),
    ("demo-hulpverlener", roles.WORKER, "een hulpverlener"),
    ("demo-steunpersoon", None, "de zus van de demo-cliënt: denkt mee in haar plan"),
    ("demo-teamleider", roles.TEAM_LEAD, "een teamleider (alleen aantallen)"),
    ("demo-moderator", roles.MODERATOR, "een moderator van het forum"),
    ("demo-redacteur", roles.EDITOR, "een redacteur: schrijft en stuurt ter goedkeuring"),
    ("demo-eindredacteur", (roles.EDITOR, roles.APPROVER), "een eindredacteur: keurt goed"),
]


def read_members(content_dir: Path = CONTENT_DIR) -> list[dict]:
    """The forum members of ``members.yaml``: ``username`` (starting with ``demo-``, unique,
    none of the demo users), ``display_name``, ``expert`` (an experience expert) and
    ``thinks_along`` (the slugs of demo modules they finished and think along with).
    A wrong file raises ValueError naming it."""
    path = content_dir / "members.yaml"
    members = read(path)
    modules = {module["slug"] for topic in read_topics(content_dir) for module in topic["modules"]}
    seen = {username for username, _role, _description in DEMO_USERS}
    for number, member in enumerate(members, start=1):
        check_keys(
            member,
            path=path,
            where=f"member {number}",
            required=("username", "display_name"),
            optional=("expert", "thinks_along"),
        )
        username = member["username"]
        if not username.startswith("demo-") or username in seen:
            raise ValueError(f"{path}: member {username!r} is taken or does not start with demo-")
        seen.add(username)
        member.setdefault("expert", False)
        member.setdefault("thinks_along", [])
        for slug in member["thinks_along"]:
            if slug not in modules:
                raise ValueError(
                    f"{path}: member {username!r} thinks along with no module {slug!r}"
                )
    return members


def usernames(content_dir: Path = CONTENT_DIR) -> set[str]:
    """Everyone who may write in the demo's forum and team files."""
    return {username for username, _r, _d in DEMO_USERS} | {
        member["username"] for member in read_members(content_dir)
    }


def load_demo_peer_offers() -> int:
    """Let the members with ``thinks_along`` finish those modules (their steps done, as
    with the "Klaar" button) and think along with them, as on the site; what is there
    already stays. Returns how many offers were new."""
    current = catalog()
    created = 0
    for data in read_members():
        if not data["thinks_along"]:
            continue
        user = User.objects.get(username=data["username"])
        learner = Learner(user=user, session=None)
        for slug in data["thinks_along"]:
            module = ModulePage.objects.live().get(slug=slug)
            for step in StepPage.objects.filter(pk__in=current.modules[module.pk].step_ids):
                step_complete(learner=learner, step=step)
            created += peer_offer_set(user=user, module_id=module.pk, on=True)
    return created


def load_demo_members() -> int:
    """Create the forum members that are missing (what exists is left as it is); returns
    how many were created."""
    experts = Group.objects.get(name=roles.EXPERIENCE_EXPERT)
    created = 0
    for data in read_members():
        user, new = User.objects.get_or_create(
            username=data["username"], defaults={"display_name": data["display_name"]}
        )
        if new:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            if data["expert"]:
                user.groups.add(experts)
            created += 1
    return created
