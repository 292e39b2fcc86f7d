"""Bench team data: every bench learner is a client of one of 50 workers in one team (200
clients each, so the team lead's report covers all 10,000), and the report summaries
(``learning.ModuleSummary``) rebuilt from their progress.

Links are bulk-inserted as if each client had redeemed a code: most share everything,
every tenth shares only two learning topics and keeps the plan to themselves; every
other client shares counts of their network (the gap view's "Steun" column), and those
have 0 or 2 supporters from their network in their plan (other bench learners; 5,000 in
all). The gap
view scenario signs in as the first worker, whose 200 clients have the same realistic
progress as every bench learner (``bench/data.py``).
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import User
from learning.models import ModuleSummary, Topic
from learning.services import module_summaries_rebuild
from network.models import Person
from team.models import SupportLink, Team, TeamLink

WORKERS = 50
CLIENTS_PER_WORKER = 200
SCOPED_EVERY = 10  # every tenth link shares two topics only
NETWORK_EVERY = 2  # every other client shares counts of their network
SUPPORTERS = 4  # ... with number % SUPPORTERS supporters
GAP_WORKER = "bench-hulpverlener-01"
TEAM_LEAD = "bench-teamleider"


@dataclass(frozen=True)
class TeamBench:
    clients: int
    counts: dict[str, int]


def link_clients(clients, workers, *, per_worker: int, batch_size: int) -> list[TeamLink]:
    """A link from each client to a worker (``per_worker`` clients each, in order), as if
    redeemed from a code; every ``SCOPED_EVERY``-th shares two topics and not the plan."""
    links = TeamLink.objects.bulk_create(
        [
            TeamLink(
                client=client,
                worker=workers[number // per_worker],
                all_topics=number % SCOPED_EVERY != 0,
                share_plan=number % SCOPED_EVERY != 0,
                share_network=number % NETWORK_EVERY == 0,
            )
            for number, client in enumerate(clients)
        ],
        batch_size=batch_size,
    )
    two_topics = list(Topic.objects.order_by("sort_order", "pk")[:2])
    TeamLink.topics.through.objects.bulk_create(
        [
            TeamLink.topics.through(teamlink_id=link.pk, topic_id=topic.pk)
            for link in links
            if not link.all_topics
            for topic in two_topics
        ],
        batch_size=batch_size,
    )
    return links


def add_supporters(clients, *, batch_size: int) -> int:
    """For each client sharing their network (even ``number``), ``number % SUPPORTERS``
    people in it (so 0 or 2) who think along in their plan, each another bench learner.
    Returns how many."""
    pairs = [
        (client, clients[(number + 1 + k) % len(clients)], k)
        for number, client in enumerate(clients)
        if number % NETWORK_EVERY == 0
        for k in range(number % SUPPORTERS)
    ]
    people = Person.objects.bulk_create(
        [
            Person(
                owner=client,
                name=f"Steun {k + 1}",
                relation="familie",
                circle=1,
                help_practical=True,
            )
            for client, _supporter, k in pairs
        ],
        batch_size=batch_size,
    )
    SupportLink.objects.bulk_create(
        [
            SupportLink(client=client, supporter=supporter, person=person)
            for (client, supporter, _k), person in zip(pairs, people, strict=True)
        ],
        batch_size=batch_size,
    )
    return len(pairs)


def build(*, clients: list[User], password: str) -> TeamBench:
    """The team, its workers and lead, a link per client, and the report summaries."""
    if len(clients) != WORKERS * CLIENTS_PER_WORKER:
        raise ValueError(f"{WORKERS * CLIENTS_PER_WORKER} clients expected, got {len(clients)}")
    hashed = make_password(password)
    workers = User.objects.bulk_create(
        [
            User(username=f"bench-hulpverlener-{n:02d}", password=hashed, display_name=f"Hulp {n}")
            for n in range(1, WORKERS + 1)
        ]
    )
    lead = User.objects.create(username=TEAM_LEAD, password=hashed)
    Group.objects.get(name=roles.WORKER).user_set.add(*workers)
    Group.objects.get(name=roles.TEAM_LEAD).user_set.add(lead)
    team = Team.objects.create(name="Bench wijkteam")
    team.members.add(*workers)
    team.leads.add(lead)

    links = link_clients(clients, workers, per_worker=CLIENTS_PER_WORKER, batch_size=2000)
    supporters = add_supporters(clients, batch_size=2000)
    module_summaries_rebuild()
    return TeamBench(
        clients=CLIENTS_PER_WORKER,
        counts={
            "team_workers": WORKERS,
            "team_clients": len(links),
            "clients_per_worker": CLIENTS_PER_WORKER,
            "team_supporters": supporters,
            "module_summaries": ModuleSummary.objects.count(),
        },
    )
