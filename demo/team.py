"""The demo team for ``load_demo --with-users``, read from ``content/team.yaml``: the demo
client works with the demo worker, who is in a team the demo team lead leads, and their
plan has an agreement of each."""

from pathlib import Path

from accounts.models import User
from team.models import PlanItem, Team, TeamLink
from team.services import plan_item_add

from .files import CONTENT_DIR, check_keys, read
from .people import usernames


def read_team(content_dir: Path = CONTENT_DIR) -> dict:
    """``team.yaml``: the ``teams`` (``name``, ``members``, ``leads``), the client–worker
    ``links`` (``client``, ``worker``) and the ``plan`` items (``client``, ``who`` does it:
    the client or a linked worker, ``text``). Everyone named is a demo user or member; a
    wrong file raises ValueError naming it."""
    path = content_dir / "team.yaml"
    data = read(path)
    check_keys(data, path=path, where="the file", required=("teams", "links", "plan"))
    people = usernames(content_dir)
    shapes = {
        "teams": ("name", "members", "leads"),
        "links": ("client", "worker"),
        "plan": ("client", "who", "text"),
    }
    for part, required in shapes.items():
        for number, item in enumerate(data[part], start=1):
            where = f"{part} {number}"
            check_keys(item, path=path, where=where, required=required)
            named = [item[key] for key in ("client", "worker", "who") if key in item]
            named += item.get("members", []) + item.get("leads", [])
            for username in named:
                if username not in people:
                    raise ValueError(f"{path}: {where}: no demo user or member {username!r}")
    return data


def load_demo_team() -> None:
    """Idempotent: teams matched by name, links by client and worker, plan items by their
    client and text; what exists is left as it is."""
    data = read_team()
    people = User.objects.in_bulk(usernames(), field_name="username")
    for team_data in data["teams"]:
        team, _ = Team.objects.get_or_create(name=team_data["name"])
        team.members.add(*(people[username] for username in team_data["members"]))
        team.leads.add(*(people[username] for username in team_data["leads"]))
    for link in data["links"]:
        TeamLink.objects.get_or_create(
            client=people[link["client"]], worker=people[link["worker"]], ended_at=None
        )
    for item in data["plan"]:
        client, who = people[item["client"]], people[item["who"]]
        if PlanItem.objects.filter(client=client, text=item["text"]).exists():
            continue
        by_client = who == client
        plan_item_add(
            client=client,
            actor=who,
            text=item["text"],
            who=PlanItem.Who.CLIENT if by_client else PlanItem.Who.WORKER,
            worker=None if by_client else who,
        )
