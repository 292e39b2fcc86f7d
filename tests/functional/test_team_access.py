"""Who may open which ``team`` page: every URL for every kind of visitor, with exactly
the allowed cells (the client is the director; a worker sees a client only through an
active link and within its scope; a supporter only the plan through an active supporter's
link, and only what they took on to mark done; a team lead only counts)."""

import re

import pytest
from django.urls import reverse

from accounts import roles
from team.models import Encouragement, LinkRequest, PlanItem, Team
from team.services import invitation_create

from ..factories import (
    TopicFactory,
    complete_steps,
    make_module,
    member,
    network_person,
    steps_of,
    support_link,
    team_link,
    worker,
)

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "client",
    "other_client",
    "unlinked_worker",
    "linked_worker",
    "out_of_scope_worker",
    "revoked_worker",
    "supporter",
    "plan_only_supporter",
    "ended_supporter",
    "team_lead",
    "admin",
]


@pytest.fixture
def world():
    shared_topic, private_topic = TopicFactory(name="Geld"), TopicFactory(name="Opvoeden")
    shared = make_module(topic=shared_topic, slug="budget", steps=2)
    private = make_module(topic=private_topic, slug="opvoeden", steps=2)
    client = member(display_name="Cliënt Anna")
    complete_steps(client, steps_of(shared)[:1] + steps_of(private)[:1])
    people = {
        "client": client,
        "other_client": member(),
        "unlinked_worker": worker(),
        "linked_worker": worker(display_name="Hulpverlener Bas"),
        "out_of_scope_worker": worker(),
        "revoked_worker": worker(),
        "supporter": member(display_name="Ans"),
        "plan_only_supporter": member(),
        "ended_supporter": member(),
        "team_lead": member(groups=[roles.TEAM_LEAD]),
        "admin": member(is_superuser=True, is_staff=True),
    }
    link = team_link(client, people["linked_worker"])
    team_link(client, people["out_of_scope_worker"], topics=[shared_topic])
    revoked = team_link(client, people["revoked_worker"])
    revoked.ended_at = revoked.created_at
    revoked.save()
    team = Team.objects.create(name="Wijkteam Noord")
    team.members.add(people["linked_worker"])
    team.leads.add(people["team_lead"])
    invitation = invitation_create(client=client, all_topics=True, share_plan=True)
    request = LinkRequest.objects.create(worker=people["unlinked_worker"], client=client)
    item = PlanItem.objects.create(client=client, text="Bellen", who="client")
    support = support_link(client, people["supporter"], topics=[shared_topic])
    plan_only = support_link(client, people["plan_only_supporter"])
    ended = support_link(client, people["ended_supporter"])
    ended.ended_at = ended.created_at
    ended.save()
    supporters_item = PlanItem.objects.create(
        client=client, text="Ans rijdt mee", who="person", person=support.person, doer_name="Ans"
    )
    encouragement = Encouragement.objects.create(
        client=client, author=people["supporter"], author_name="Ans", text="Zet 'm op!"
    )
    return {
        "item": item,
        "supporters_item": supporters_item,
        "support": support,
        "plan_only": plan_only,
        "ended": ended,
        "person": network_person(client, "Buurman Kees"),
        "step": steps_of(shared)[0],
        "encouragement": encouragement,
        "people": people,
        "link": link,
        "invitation": invitation,
        "request": request,
        "private_module": private,
    }


OK, LOGIN, DENIED, GONE, DONE = 200, 302, 403, 404, "redirect"
SIGNED_IN = {actor: OK for actor in ACTORS if actor != "anonymous"}
WORKERS = ("unlinked_worker", "linked_worker", "out_of_scope_worker", "revoked_worker")


def only(allowed: dict, otherwise) -> dict:
    return {actor: allowed.get(actor, otherwise) for actor in ACTORS if actor != "anonymous"}


# (name, method, url builder, expected status per signed-in actor); anonymous always
# goes to the login page.
CASES = [
    ("home", "get", lambda w: reverse("team:home"), SIGNED_IN),
    ("new invitation", "get", lambda w: reverse("team:invitation_new"), SIGNED_IN),
    ("access log", "get", lambda w: reverse("team:access_log"), SIGNED_IN),
    (
        "invitation",
        "get",
        lambda w: reverse("team:invitation", args=[w["invitation"].pk]),
        only({"client": OK}, GONE),
    ),
    (
        "cancel invitation",
        "post",
        lambda w: reverse("team:invitation_cancel", args=[w["invitation"].pk]),
        only({"client": DONE}, GONE),
    ),
    (
        "link scope",
        "get",
        lambda w: reverse("team:link_scope", args=[w["link"].pk]),
        only({"client": OK}, GONE),
    ),
    (
        "end link, asked first",
        "get",
        lambda w: reverse("team:link_end", args=[w["link"].pk]),
        only({"client": OK, "linked_worker": OK}, GONE),
    ),
    (
        "end link",
        "post",
        lambda w: reverse("team:link_end", args=[w["link"].pk]),
        only({"client": DONE, "linked_worker": DONE}, GONE),
    ),
    (
        "answer request",
        "get",
        lambda w: reverse("team:request_answer", args=[w["request"].pk]),
        only({"client": OK}, GONE),
    ),
    ("plan", "get", lambda w: reverse("team:plan"), SIGNED_IN),
    (
        "client plan",
        "get",
        lambda w: reverse("team:client_plan", args=[w["people"]["client"].pk]),
        only({"linked_worker": OK, "out_of_scope_worker": OK}, GONE),
    ),
    (
        "mark plan item done",
        "post",
        lambda w: reverse("team:plan_item_done", args=[w["item"].pk]),
        only({"client": DONE, "linked_worker": DONE, "out_of_scope_worker": DONE}, GONE),
    ),
    (
        "mark a supporter's agreement done",
        "post",
        lambda w: reverse("team:plan_item_done", args=[w["supporters_item"].pk]),
        only(
            {"client": DONE, "linked_worker": DONE, "out_of_scope_worker": DONE, "supporter": DONE},
            GONE,
        ),
    ),
    (
        "remove an encouragement",
        "post",
        lambda w: reverse("team:encouragement_remove", args=[w["encouragement"].pk]),
        only({"client": DONE}, GONE),
    ),
    ("plans I support", "get", lambda w: reverse("team:supporting"), SIGNED_IN),
    (
        "who can help with a step",
        "get",
        lambda w: reverse("team:step_help", args=[w["step"].pk]),
        SIGNED_IN,
    ),
    (
        "invite a supporter",
        "get",
        lambda w: reverse("team:support_invite", args=[w["person"].pk]),
        only({"client": OK}, GONE),
    ),
    (
        "supporter's plan",
        "get",
        lambda w: reverse("team:support_plan", args=[w["support"].pk]),
        only({"supporter": OK}, GONE),
    ),
    (
        "plan-only supporter's plan",
        "get",
        lambda w: reverse("team:support_plan", args=[w["plan_only"].pk]),
        only({"plan_only_supporter": OK}, GONE),
    ),
    (
        "ended supporter's plan",
        "get",
        lambda w: reverse("team:support_plan", args=[w["ended"].pk]),
        only({}, GONE),
    ),
    (
        "take on an agreement",
        "post",
        lambda w: reverse("team:support_plan", args=[w["support"].pk]),
        only({"supporter": 400}, GONE),  # an empty form: the page comes back saying what is missing
    ),
    (
        "encourage",
        "post",
        lambda w: reverse("team:support_encourage", args=[w["support"].pk]),
        only({"supporter": 400}, GONE),
    ),
    (
        "end a supporter, asked first",
        "get",
        lambda w: reverse("team:support_end", args=[w["support"].pk]),
        only({"client": OK, "supporter": OK}, GONE),
    ),
    (
        "end a supporter",
        "post",
        lambda w: reverse("team:support_end", args=[w["support"].pk]),
        only({"client": DONE, "supporter": DONE}, GONE),
    ),
    ("redeem", "get", lambda w: reverse("team:redeem"), SIGNED_IN),
    (
        "my clients",
        "get",
        lambda w: reverse("team:clients"),
        only(dict.fromkeys(WORKERS, OK), DENIED),
    ),
    (
        "client page",
        "get",
        lambda w: reverse("team:client", args=[w["people"]["client"].pk]),
        only({"linked_worker": OK, "out_of_scope_worker": OK}, GONE),
    ),
    ("gap view", "get", lambda w: reverse("team:gap"), only(dict.fromkeys(WORKERS, OK), DENIED)),
    (
        "gap csv",
        "get",
        lambda w: reverse("team:gap_csv"),
        only(dict.fromkeys(WORKERS, OK), DENIED),
    ),
    ("team report", "get", lambda w: reverse("team:report"), only({"team_lead": OK}, DENIED)),
]


def _changes_last(case) -> tuple[bool, bool]:
    name, method = case[0], case[1]
    return method == "post", name in ("end link", "end a supporter")


@pytest.mark.parametrize("actor", ACTORS)
def test_authorization_matrix(client, world, actor):
    """Every case for one kind of visitor; the cases that change something come last."""
    if actor != "anonymous":
        client.force_login(world["people"][actor])
    wrong = []
    for name, method, url, expected in sorted(CASES, key=_changes_last):
        response = getattr(client, method)(url(world))
        status, location = response.status_code, response.get("Location", "")
        if actor == "anonymous":
            ok = status == 302 and "/account/login/" in location
        elif expected[actor] == DONE:
            ok = status == 302 and "/account/login/" not in location
        else:
            ok = status == expected[actor]
        if not ok:
            wrong.append((name, status, location))
    assert wrong == []


def test_a_not_linked_client_page_gives_no_hint_the_client_exists(client, world):
    client.force_login(world["people"]["unlinked_worker"])
    existing = client.get(reverse("team:client", args=[world["people"]["client"].pk]))
    missing = client.get(reverse("team:client", args=[999_999]))
    assert existing.status_code == missing.status_code == 404
    main = re.compile(rb"<main.*</main>", re.DOTALL)
    assert main.search(existing.content).group() == main.search(missing.content).group()


def test_out_of_scope_topics_never_show(client, world):
    """The scoped worker sees the shared topic only: not on the client page, the list, the
    gap view or the CSV."""
    private_title = world["private_module"].title
    client.force_login(world["people"]["out_of_scope_worker"])
    for name in ("team:clients", "team:gap", "team:gap_csv"):
        assert private_title not in client.get(reverse(name)).content.decode()
    page = client.get(reverse("team:client", args=[world["people"]["client"].pk]))
    html = page.content.decode()
    assert "Module budget" in html and private_title not in html

    client.force_login(world["people"]["linked_worker"])
    html = client.get(reverse("team:client", args=[world["people"]["client"].pk])).content.decode()
    assert private_title in html  # the same page, in full scope


def test_revoking_stops_access_on_the_next_request(client, world):
    people, link = world["people"], world["link"]
    url = reverse("team:client", args=[people["client"].pk])
    client.force_login(people["linked_worker"])
    assert client.get(url).status_code == 200

    owner = client.__class__()
    owner.force_login(people["client"])
    assert owner.post(reverse("team:link_end", args=[link.pk])).status_code == 302
    assert client.get(url).status_code == 404
    assert people["client"].public_name not in client.get(reverse("team:clients")).content.decode()


def test_scope_changes_count_on_the_next_request(client, world):
    people, link = world["people"], world["link"]
    private_title = world["private_module"].title
    client.force_login(people["linked_worker"])
    url = reverse("team:client", args=[people["client"].pk])
    assert private_title in client.get(url).content.decode()

    owner = client.__class__()
    owner.force_login(people["client"])
    shared_topic = world["private_module"].topic.__class__.objects.get(name="Geld")
    response = owner.post(
        reverse("team:link_scope", args=[link.pk]),
        {"scope": "kiezen", "topics": [shared_topic.pk], "share_plan": "on"},
    )
    assert response.status_code == 302
    assert private_title not in client.get(url).content.decode()


def test_invitations_of_others_are_never_listed(client, world):
    client.force_login(world["people"]["other_client"])
    html = client.get(reverse("team:home")).content.decode()
    assert world["invitation"].code[:4] not in html
