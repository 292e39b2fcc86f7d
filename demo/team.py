"""The demo team for ``load_demo --with-users``, read from ``content/team.yaml``: the demo
client works with the demo worker (sharing counts of her network), who is in a team the
demo team lead leads; she has drawn her network, her sister thinks along in her plan as
a supporter, and the plan has an agreement of each and a word of encouragement."""

from pathlib import Path

from accounts.models import User
from network.models import Person
from network.services import person_add
from team.models import Encouragement, PlanItem, SupportLink, Team, TeamLink
from team.services import encouragement_add, plan_item_add

from .files import CONTENT_DIR, check_keys, read
from .people import usernames


def read_team(content_dir: Path = CONTENT_DIR) -> dict:
    """``team.yaml``: the ``teams`` (``name``, ``members``, ``leads``), the client–worker
    ``links`` (``client``, ``worker``, optionally ``share_network``), the people in a
    client's ``network`` (``owner``, ``name``, ``relation``, ``circle``, ``helps``,
    optionally the demo user who is their ``supporter`` in the plan), the ``plan`` items
    (``client``, ``who`` does it: the client, a linked worker or a supporter, ``text``) and
    ``encouragements`` (``client``, ``author``: a supporter, ``text``). Everyone named is
    a demo user or member; a wrong file raises ValueError naming it."""
    path = content_dir / "team.yaml"
    data = read(path)
    check_keys(
        data,
        path=path,
        where="the file",
        required=("teams", "links", "plan"),
        optional=("network", "encouragements"),
    )
    data.setdefault("network", [])
    data.setdefault("encouragements", [])
    people = usernames(content_dir)
    shapes = {
        "teams": (("name", "members", "leads"), ()),
        "links": (("client", "worker"), ("share_network",)),
        "network": (("owner", "name", "relation", "circle", "helps"), ("supporter",)),
        "plan": (("client", "who", "text"), ()),
        "encouragements": (("client", "author", "text"), ()),
    }
    for part, (required, optional) in shapes.items():
        for number, item in enumerate(data[part], start=1):
            where = f"{part} {number}"
            check_keys(item, path=path, where=where, required=required, optional=optional)
            named = [
                item[key]
                for key in ("client", "worker", "who", "owner", "supporter", "author")
                if key in item
            ]
            named += item.get("members", []) + item.get("leads", [])
            for username in named:
                if username not in people:
                    raise ValueError(f"{path}: {where}: no demo user or member {username!r}")
    supporting = {
        (entry["owner"], entry["supporter"]) for entry in data["network"] if "supporter" in entry
    }
    for number, words in enumerate(data["encouragements"], start=1):
        if (words["client"], words["author"]) not in supporting:
            raise ValueError(
                f"{path}: encouragements {number}: {words['author']!r} is no supporter"
                f" of {words['client']!r}"
            )
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
            client=people[link["client"]],
            worker=people[link["worker"]],
            ended_at=None,
            defaults={"share_network": link.get("share_network", False)},
        )
    # Per client, the supporters by username: their place in the network and the plan.
    supporters: dict[tuple[int, int], SupportLink] = {}
    for entry in data["network"]:
        owner = people[entry["owner"]]
        person = Person.objects.filter(owner=owner, name=entry["name"]).first() or person_add(
            owner=owner,
            name=entry["name"],
            relation=entry["relation"],
            circle=entry["circle"],
            helps=entry["helps"],
        )
        if "supporter" in entry:
            supporter = people[entry["supporter"]]
            link, _ = SupportLink.objects.get_or_create(
                client=owner, supporter=supporter, ended_at=None, defaults={"person": person}
            )
            supporters[owner.pk, supporter.pk] = link
    for item in data["plan"]:
        client, who = people[item["client"]], people[item["who"]]
        if PlanItem.objects.filter(client=client, text=item["text"]).exists():
            continue
        support = supporters.get((client.pk, who.pk))
        if who == client:
            kind = PlanItem.Who.CLIENT
        else:
            kind = PlanItem.Who.PERSON if support else PlanItem.Who.WORKER
        plan_item_add(
            client=client,
            actor=who,
            text=item["text"],
            who=kind,
            worker=who if kind == PlanItem.Who.WORKER else None,
            person=support.person if support else None,
            actor_name=support.person.name if support else None,
        )
    for words in data["encouragements"]:
        client = people[words["client"]]
        support = supporters[client.pk, people[words["author"]].pk]
        if not Encouragement.objects.filter(client=client, text=words["text"]).exists():
            encouragement_add(link=support, text=words["text"])
