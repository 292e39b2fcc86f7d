"""'Ons plan': both sides add agreements and mark them done, with history; the client
can keep it from a worker; bad input is refused with the form kept."""

from datetime import date

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from team.models import AccessLog, PlanEvent, PlanItem

from ..factories import make_module, member, team_link, worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    client, helper = member(display_name="Anna"), worker(display_name="Bas")
    return client, helper, team_link(client, helper)


def test_both_sides_add_and_finish_agreements_with_history(client, team):
    owner, helper, _link = team
    module = make_module(slug="budget")
    client.force_login(owner)
    response = client.post(
        reverse("team:plan"),
        {"text": "Ik bel de Belastingdienst", "who": "client", "module": module.pk},
    )
    assert response.status_code == 302
    client.post(
        reverse("team:plan"),
        {"text": "Bas zoekt de formulieren op", "who": "worker", "worker": helper.pk},
    )
    mine, theirs = PlanItem.objects.order_by("pk")
    assert theirs.worker == helper and theirs.doer_name == "Bas"

    client.force_login(helper)
    url = reverse("team:client_plan", args=[owner.pk])
    html = client.get(url).content.decode()
    assert "Ik bel de Belastingdienst" in html and "Bas zoekt de formulieren op" in html
    assert AccessLog.objects.filter(client=owner, worker=helper, what="plan").count() == 1
    client.post(url, {"text": "Samen de brief lezen", "who": "worker", "due": ""})
    client.post(reverse("team:plan_item_done", args=[theirs.pk]), {"klaar": "1"})
    client.post(reverse("team:plan_item_done", args=[theirs.pk]), {"klaar": "1"})  # twice

    client.force_login(owner)
    client.post(reverse("team:plan_item_done", args=[mine.pk]), {"klaar": "1"})
    client.post(reverse("team:plan_item_done", args=[mine.pk]), {"klaar": "0"})
    theirs.refresh_from_db()
    assert theirs.done_at is not None
    history = list(PlanEvent.objects.filter(item=mine).values_list("kind", "actor_name"))
    assert history == [("added", "Anna"), ("done", "Anna"), ("reopened", "Anna")]
    assert [k for (k,) in PlanEvent.objects.filter(item=theirs).values_list("kind")] == [
        "added",
        "done",
    ]
    html = client.get(reverse("team:plan")).content.decode()
    assert "Samen de brief lezen" in html and "klaar gemeld" in html


def test_a_plan_kept_private_is_not_there_for_the_worker(client):
    owner, helper = member(), worker()
    team_link(owner, helper, share_plan=False)
    item = PlanItem.objects.create(client=owner, text="Privé", who="client")
    client.force_login(helper)
    assert client.get(reverse("team:client_plan", args=[owner.pk])).status_code == 404
    response = client.post(reverse("team:plan_item_done", args=[item.pk]), {"klaar": "1"})
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.done_at is None
    html = client.get(reverse("team:client", args=[owner.pk])).content.decode()
    assert reverse("team:client_plan", args=[owner.pk]) not in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "", "who": "client"}, "Schrijf op wat er gedaan wordt."),
        ({"text": "x" * 301, "who": "client"}, "301"),
        ({"text": "Iets", "who": "iemand"}, "Selecteer een geldige keuze"),
        ({"text": "Iets", "who": "worker"}, "Kies welke hulpverlener"),
        ({"text": "Iets", "who": "client", "due": "2020-01-01"}, "vandaag of later"),
        ({"text": "Iets", "who": "client", "due": "morgen"}, "dd-mm-jjjj"),
    ],
)
def test_plan_items_are_validated(client, data, message):
    client.force_login(member())
    response = client.post(reverse("team:plan"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PlanItem.objects.exists()


def test_a_worker_who_stopped_cannot_be_given_an_agreement(client, team):
    owner, helper, link = team
    other = worker()
    client.force_login(owner)
    response = client.post(
        reverse("team:plan"), {"text": "Iets", "who": "worker", "worker": other.pk}
    )
    assert response.status_code == 400
    link.ended_at = timezone.now()
    link.save()
    response = client.post(
        reverse("team:plan"), {"text": "Iets", "who": "worker", "worker": helper.pk}
    )
    assert response.status_code == 400 and not PlanItem.objects.exists()


def test_only_the_clients_own_items_or_a_linked_workers(client, team):
    owner, _helper, _link = team
    item = PlanItem.objects.create(client=owner, text="Van Anna", who="client")
    client.force_login(member())
    assert (
        client.post(reverse("team:plan_item_done", args=[item.pk]), {"klaar": "1"}).status_code
        == 404
    )
    client.force_login(worker())
    assert (
        client.post(reverse("team:plan_item_done", args=[item.pk]), {"klaar": "1"}).status_code
        == 404
    )
    assert PlanItem.objects.get().done_at is None


def test_the_download_of_ones_data_holds_the_whole_team_side(client, team):
    from accounts.selectors import account_export
    from team.services import access_record, invitation_create, link_request_send

    owner, helper, _link = team
    invitation_create(client=owner, all_topics=True, share_plan=False)
    link_request_send(worker=worker(display_name="Carla"), username=owner.username)
    PlanItem.objects.create(
        client=owner, text="Samen bellen", who="worker", worker=helper, doer_name="Bas"
    )
    access_record(worker=helper, client_ids=[owner.pk], what=AccessLog.What.PLAN)

    mine = account_export(user=owner)["team"]
    assert [row["with"] for row in mine["links_as_client"]] == ["Bas"]
    assert len(mine["invitations"]) == 1 and mine["invitations"][0]["share_plan"] is False
    assert [row["worker_name"] for row in mine["requests_received"]] == ["Carla"]
    assert [row["text"] for row in mine["plan"]] == ["Samen bellen"]
    assert [(row["worker_name"], row["what"]) for row in mine["who_looked"]] == [("Bas", "plan")]

    theirs = account_export(user=helper)["team"]
    assert [row["with"] for row in theirs["links_as_worker"]] == ["Anna"]
    assert [row["text"] for row in theirs["agreements_as_worker"]] == ["Samen bellen"]
    assert [row["client_name"] for row in theirs["looks_as_worker"]] == ["Anna"]
    assert theirs["plan"] == [] and theirs["who_looked"] == []


def test_deleting_an_account_ends_the_team_and_keeps_only_what_others_need(team):
    from accounts.services import account_delete
    from team.models import Invitation, LinkRequest, TeamLink
    from team.services import access_record, invitation_create, plan_item_add

    owner, helper, _link = team
    invitation_create(client=owner, all_topics=True, share_plan=True)
    LinkRequest.objects.create(worker=worker(), client=owner)
    plan_item_add(client=owner, actor=helper, text="Samen bellen", who="worker", worker=helper)
    access_record(worker=helper, client_ids=[owner.pk], what=AccessLog.What.PLAN)
    other_client = member()
    team_link(other_client, helper)
    access_record(worker=helper, client_ids=[other_client.pk], what=AccessLog.What.CLIENT_PAGE)

    account_delete(user=owner, keep_posts=True)
    assert not Invitation.objects.exists() and not LinkRequest.objects.exists()
    assert not PlanItem.objects.exists() and not PlanEvent.objects.exists()
    assert list(TeamLink.objects.values_list("client", flat=True)) == [other_client.pk]
    assert list(AccessLog.objects.values_list("client", flat=True)) == [other_client.pk]

    # A worker who leaves: their clients keep the log of who looked, by name.
    account_delete(user=helper, keep_posts=True)
    assert not TeamLink.objects.exists()
    assert list(AccessLog.objects.values_list("worker", "worker_name")) == [(None, "Bas")]


@pytest.fixture
def narrow_team():
    """A worker whose link covers the money topic only, with the plan shared."""
    from ..factories import TopicFactory

    owner, helper = member(display_name="Anna"), worker(display_name="Bas")
    money, parenting = TopicFactory(name="Geld"), TopicFactory(name="Opvoeden")
    budget = make_module(topic=money, slug="budget")
    bedtime = make_module(topic=parenting, slug="slapen")
    link = team_link(owner, helper, topics=[money])
    return owner, helper, link, budget, bedtime


def test_a_worker_sees_no_agreement_tied_to_a_topic_outside_their_link(client, narrow_team):
    owner, helper, _link, budget, bedtime = narrow_team
    client.force_login(owner)
    for text, module in [
        ("Vaste lasten op een rij", budget),
        ("Bedtijd-ritueel met de kinderen", bedtime),
        ("Samen naar het wijkteam", None),
    ]:
        client.post(
            reverse("team:plan"),
            {"text": text, "who": "client", "module": module.pk if module else ""},
        )
    hidden = PlanItem.objects.get(module=bedtime)
    html = client.get(reverse("team:plan")).content.decode()
    assert "Bedtijd-ritueel met de kinderen" in html  # the client sees everything
    assert "Bas ziet deze afspraak niet" in html  # and who does not

    client.force_login(helper)
    html = client.get(reverse("team:client_plan", args=[owner.pk])).content.decode()
    assert "Vaste lasten op een rij" in html and "Samen naar het wijkteam" in html
    assert "Bedtijd-ritueel" not in html and bedtime.title not in html
    # Nor can the worker mark it done by its number.
    response = client.post(reverse("team:plan_item_done", args=[hidden.pk]), {"klaar": "1"})
    assert response.status_code == 404
    hidden.refresh_from_db()
    assert hidden.done_at is None


def test_a_worker_keeps_their_own_commitment_without_the_topic_they_no_longer_see(
    client, narrow_team
):
    owner, helper, link, budget, bedtime = narrow_team
    link.all_topics = True
    link.save()
    client.force_login(helper)
    url = reverse("team:client_plan", args=[owner.pk])
    client.post(
        url, {"text": "Ik zoek een oppas-regeling op", "who": "worker", "module": bedtime.pk}
    )
    link.all_topics = False  # the client narrows the link to money only
    link.save()
    html = client.get(url).content.decode()
    assert "Ik zoek een oppas-regeling op" in html
    assert bedtime.title not in html and bedtime.url not in html


def test_a_worker_cannot_tie_an_agreement_to_a_topic_outside_their_link(client, narrow_team):
    owner, helper, _link, budget, bedtime = narrow_team
    client.force_login(helper)
    url = reverse("team:client_plan", args=[owner.pk])
    html = client.get(url).content.decode()
    assert budget.title in html and bedtime.title not in html  # not offered
    response = client.post(url, {"text": "Slaapritme", "who": "worker", "module": bedtime.pk})
    assert response.status_code == 400
    assert not PlanItem.objects.filter(text="Slaapritme").exists()


@pytest.fixture(params=["nl", "en"])
def demo_plan(request, client):
    """The demo client's plan page, signed in, in Dutch and in English, on a day before
    the dates below."""
    from django.core.management import call_command

    call_command("load_demo", "--with-users")
    owner = User.objects.get(username="demo-client")
    owner.language = request.param
    owner.save(update_fields=["language"])
    client.force_login(owner)
    with time_machine.travel(date(2026, 6, 1), tick=False):
        yield client, owner


def _due_field(html: bytes):
    soup = BeautifulSoup(html, "html.parser")
    field = soup.find("input", attrs={"name": "due"})
    hint = soup.find(id=field.get("aria-describedby"))
    return soup, field, hint


def test_the_date_reads_as_a_dutch_date(demo_plan):
    """Issue 15: "mm/dd/yyyy" on a Dutch page. A date input is drawn in the browser's
    language, whatever the page's: the field is text, with the way to write it (the
    Dutch way, in English too: the same dates are understood on both)."""
    client, owner = demo_plan
    soup, field, hint = _due_field(client.get(reverse("team:plan")).content)
    assert soup.html["lang"] == owner.language
    assert field["type"] == "text"
    assert {"nl": "dd-mm-jjjj", "en": "dd-mm-yyyy"}[owner.language] in hint.get_text()


def test_a_dutch_or_iso_date_is_understood(demo_plan):
    client, owner = demo_plan
    for number, typed in enumerate(["31-12-2026", "2026-12-31", " 31-12-2026 "]):
        data = {"text": f"Formulier {number} inleveren", "who": "client", "due": typed}
        assert client.post(reverse("team:plan"), data).status_code == 302, typed
        item = PlanItem.objects.get(client=owner, text=data["text"])
        assert item.due == date(2026, 12, 31), typed


def test_a_date_that_is_not_one_says_how_to_write_it(demo_plan):
    client, owner = demo_plan
    expected = {"nl": "Schrijf de datum als dd-mm-jjjj", "en": "Write the date as dd-mm-yyyy"}
    before = PlanItem.objects.count()
    for typed in ["31-02-2026", "12/31/2026", "morgen", "2026-31-12"]:
        data = {"text": "Formulier inleveren", "who": "client", "due": typed}
        response = client.post(reverse("team:plan"), data)
        assert response.status_code == 400, typed
        _soup, field, _hint = _due_field(response.content)
        soup = BeautifulSoup(response.content, "html.parser")
        assert expected[owner.language] in soup.find(id="id_due_error").get_text()
        assert field["value"] == typed  # what they typed stays, to correct it
    assert PlanItem.objects.count() == before
