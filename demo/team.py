"""Demo team for ``load_demo --with-users``: the demo client works with the demo worker,
who is in a team the demo team lead leads, and their plan has an agreement of each."""

from team.models import PlanItem, Team, TeamLink
from team.services import plan_item_add


def load_demo_team(*, client, worker, lead) -> None:
    """Idempotent: what exists is left as it is."""
    team, _ = Team.objects.get_or_create(name="Demo wijkteam")
    team.members.add(worker)
    team.leads.add(lead)
    TeamLink.objects.get_or_create(client=client, worker=worker, ended_at=None)
    if PlanItem.objects.filter(client=client).exists():
        return
    plan_item_add(
        client=client,
        actor=client,
        text="Ik maak de module over zorgtoeslag af",
        who=PlanItem.Who.CLIENT,
    )
    plan_item_add(
        client=client,
        actor=worker,
        text="Ik zoek uit welke papieren we nodig hebben voor de bijzondere bijstand",
        who=PlanItem.Who.WORKER,
        worker=worker,
    )
