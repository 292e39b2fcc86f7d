"""Supporters in "Ons plan": someone from the client's own network, invited with a
one-time code, sees the plan (and the progress of the topics the client chose), takes on
agreements, marks them done and encourages; sees nothing else; every look is in "Wie keek
mee"; either side ends it, effective on the supporter's next request."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.selectors import account_export
from accounts.services import account_delete
from team.models import AccessLog, Encouragement, Invitation, PlanEvent, PlanItem, SupportLink

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


def _signed_in(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def _text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def world():
    money, parenting = TopicFactory(name="Geld"), TopicFactory(name="Opvoeden")
    budget = make_module(topic=money, slug="budget", steps=2)
    parenting_module = make_module(topic=parenting, slug="opvoeden", steps=2)
    owner = member(display_name="Anna")
    complete_steps(owner, steps_of(budget)[:1] + steps_of(parenting_module)[:1])
    return {
        "owner": owner,
        "aunt": network_person(owner, "Tante Ans", helps=["praktisch"]),
        "money": money,
        "budget": budget,
        "parenting_module": parenting_module,
    }


def test_a_client_invites_someone_from_their_network_who_then_takes_part(world):
    owner, aunt = world["owner"], world["aunt"]
    anna = _signed_in(owner)
    response = anna.post(
        reverse("team:support_invite", args=[aunt.pk]), {"topics": [world["money"].pk]}
    )
    invitation = Invitation.objects.get(client=owner)
    assert response.status_code == 302 and invitation.person == aunt
    page = _text(anna.get(reverse("team:invitation", args=[invitation.pk])))
    assert "Je code voor Tante Ans" in page and "ons plan en hoe het gaat met Geld." in page

    # The supporter needs only an account, no role: the link in the invitation works.
    ans = member(username="ans1960")
    helper = _signed_in(ans)
    response = helper.post(reverse("team:redeem"), {"code": invitation.code})
    link = SupportLink.objects.get(client=owner, supporter=ans)
    assert response.status_code == 302
    assert response["Location"] == reverse("team:support_plan", args=[link.pk])
    assert link.person == aunt and list(link.topics.all()) == [world["money"]]

    page = _text(helper.get(response["Location"]))
    assert "Het plan van Anna" in page and "Module budget" in page
    assert "Module opvoeden" not in page  # progress of a topic not chosen never shows
    looks = list(AccessLog.objects.filter(client=owner).values_list("worker_name", "role", "what"))
    assert sorted(looks) == [
        ("Tante Ans", "supporter", "client_page"),
        ("Tante Ans", "supporter", "plan"),
    ]
    assert "Tante Ans (steunpersoon) bekeek ons plan." in _text(anna.get(reverse("team:home")))


def test_a_supporter_takes_on_an_agreement_marks_it_done_and_encourages(world):
    owner = world["owner"]
    ans = member(username="ans1960")
    link = support_link(owner, ans, person=world["aunt"])
    helper = _signed_in(ans)
    url = reverse("team:support_plan", args=[link.pk])
    due = (timezone.localdate() + timedelta(days=3)).strftime("%d-%m-%Y")
    assert helper.post(url, {"text": "Ik rijd mee naar het UWV", "due": due}).status_code == 302
    item = PlanItem.objects.get(client=owner)
    assert (item.who, item.person, item.doer_name) == ("person", world["aunt"], "Tante Ans")

    done = helper.post(reverse("team:plan_item_done", args=[item.pk]), {"klaar": "1"})
    assert done.status_code == 302 and done["Location"] == url
    item.refresh_from_db()
    assert item.done_at is not None
    history = list(PlanEvent.objects.filter(item=item).values_list("kind", "actor_name"))
    assert history == [("added", "Tante Ans"), ("done", "Tante Ans")]

    assert (
        helper.post(
            reverse("team:support_encourage", args=[link.pk]),
            {"bericht-text": "Je kunt dit, Anna!"},
        ).status_code
        == 302
    )
    plan = _text(_signed_in(owner).get(reverse("team:plan")))
    assert "Ik rijd mee naar het UWV" in plan and "Wie: Tante Ans" in plan
    assert "Je kunt dit, Anna!" in plan and "Van Tante Ans" in plan


def test_a_supporter_marks_only_what_they_took_on_and_reads_only_their_own_words(world):
    owner = world["owner"]
    ans, kees = member(), member()
    link = support_link(owner, ans, person=world["aunt"])
    support_link(owner, kees, person=network_person(owner, "Kees"))
    own = PlanItem.objects.create(client=owner, text="Anna belt", who="client")
    Encouragement.objects.create(client=owner, author=kees, author_name="Kees", text="Top, Anna")

    helper = _signed_in(ans)
    response = helper.post(reverse("team:plan_item_done", args=[own.pk]), {"klaar": "1"})
    assert response.status_code == 404
    own.refresh_from_db()
    assert own.done_at is None
    page = helper.get(reverse("team:support_plan", args=[link.pk]))
    html = page.content.decode()
    assert "Anna belt" in html and "Top, Anna" not in html
    # The client's own item is in the plan, but without a button for the supporter.
    assert reverse("team:plan_item_done", args=[own.pk]) not in html


def test_a_plan_only_supporter_sees_no_progress_and_no_agreement_of_another_topic(world):
    owner = world["owner"]
    ans = member()
    link = support_link(owner, ans, person=world["aunt"])
    PlanItem.objects.create(client=owner, text="Budget maken", who="client", module=world["budget"])
    PlanItem.objects.create(client=owner, text="Samen naar buiten", who="client")
    page = _text(_signed_in(ans).get(reverse("team:support_plan", args=[link.pk])))
    assert "Samen naar buiten" in page
    assert "Budget maken" not in page and "Module budget" not in page
    assert list(AccessLog.objects.values_list("what", flat=True)) == ["plan"]
    # The client is told who cannot see it.
    plan = _text(_signed_in(owner).get(reverse("team:plan")))
    assert "Tante Ans ziet deze afspraak niet" in plan


@pytest.mark.parametrize("ended_by", ["client", "supporter", "removed from the network"])
def test_ending_counts_on_the_supporters_next_request(world, ended_by):
    owner = world["owner"]
    ans = member()
    link = support_link(owner, ans, person=world["aunt"])
    PlanItem.objects.create(
        client=owner, text="Boodschappen", who="person", person=world["aunt"], doer_name="Ans"
    )
    helper = _signed_in(ans)
    url = reverse("team:support_plan", args=[link.pk])
    assert helper.get(url).status_code == 200
    if ended_by == "client":
        ending = _signed_in(owner).post(reverse("team:support_end", args=[link.pk]))
    elif ended_by == "supporter":
        ending = helper.post(reverse("team:support_end", args=[link.pk]))
    else:
        ending = _signed_in(owner).post(reverse("network:remove", args=[world["aunt"].pk]))
    assert ending.status_code == 302
    assert helper.get(url).status_code == 404
    item = PlanItem.objects.get()
    assert (
        helper.post(reverse("team:plan_item_done", args=[item.pk]), {"klaar": "1"}).status_code
        == 404
    )
    assert (
        helper.post(
            reverse("team:support_encourage", args=[link.pk]), {"bericht-text": "Hoi"}
        ).status_code
        == 404
    )
    # What they took on stays in the plan, under the name the client knows.
    assert item.doer_name == "Ans"


def test_codes_go_to_the_right_people(world):
    owner = world["owner"]
    for_worker = Invitation.objects.create(
        client=owner, code="WORKER22", expires_at=timezone.now() + timedelta(days=7)
    )
    plain = _signed_in(member())
    response = plain.post(reverse("team:redeem"), {"code": for_worker.code})
    assert response.status_code == 400
    assert "Alleen hulpverleners kunnen deze code gebruiken." in _text(response)
    # A worker may be someone's supporter too (a cousin, a neighbour).
    Invitation.objects.create(
        client=owner,
        person=world["aunt"],
        all_topics=False,
        code="SUPPORT2",
        expires_at=timezone.now() + timedelta(days=7),
    )
    cousin = worker()
    assert _signed_in(cousin).post(reverse("team:redeem"), {"code": "SUPP-ORT2"}).status_code == 302
    assert SupportLink.objects.filter(supporter=cousin, ended_at=None).count() == 1
    assert not cousin.client_links.exists()  # not their client: a supporter only
    # The client's own code.
    own = _signed_in(owner).post(reverse("team:redeem"), {"code": for_worker.code})
    assert "Dit is je eigen code" in _text(own)


def test_one_cannot_invite_someone_from_another_persons_network(world):
    other = member()
    response = _signed_in(other).post(reverse("team:support_invite", args=[world["aunt"].pk]), {})
    assert response.status_code == 404
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("url_name", "data", "message"),
    [
        ("team:support_plan", {"text": ""}, "Schrijf op wat er gedaan wordt."),
        (
            "team:support_plan",
            {"text": "Bellen", "due": "31-12-2001"},
            "Kies een datum vandaag of later.",
        ),
        (
            "team:support_plan",
            {"text": "Bellen", "due": "morgen"},
            "Schrijf de datum als dd-mm-jjjj",
        ),
        ("team:support_encourage", {"bericht-text": "   "}, "Schrijf eerst een paar woorden."),
        ("team:support_encourage", {"bericht-text": "x" * 281}, "280 tekens"),
    ],
)
def test_bad_input_comes_back_with_a_message_and_stores_nothing(world, url_name, data, message):
    ans = member()
    link = support_link(world["owner"], ans, person=world["aunt"])
    response = _signed_in(ans).post(reverse(url_name, args=[link.pk]), data)
    assert response.status_code == 400
    assert message in _text(response)
    assert not PlanItem.objects.exists() and not Encouragement.objects.exists()


def test_encouragements_are_plain_text_and_rate_limited(world, settings):
    settings.TEAM_SUPPORT_RATE_LIMITS = {"user": "2/h"}
    ans = member()
    link = support_link(world["owner"], ans, person=world["aunt"])
    helper = _signed_in(ans)
    url = reverse("team:support_encourage", args=[link.pk])
    assert helper.post(url, {"bericht-text": "<b>Sterk</b>\n<script>x</script>"}).status_code == 302
    html = _signed_in(world["owner"]).get(reverse("team:plan")).content.decode()
    assert "&lt;b&gt;Sterk&lt;/b&gt; &lt;script&gt;" in html and "<script>x" not in html
    assert helper.post(url, {"bericht-text": "Nog eentje"}).status_code == 302
    too_many = helper.post(url, {"bericht-text": "En nog een"})
    assert too_many.status_code == 429
    assert Encouragement.objects.count() == 2


def test_the_client_removes_an_encouragement(world):
    owner = world["owner"]
    kees = member()
    words = Encouragement.objects.create(client=owner, author=kees, author_name="Kees", text="Hoi")
    assert (
        _signed_in(kees).post(reverse("team:encouragement_remove", args=[words.pk])).status_code
        == 404
    )
    assert (
        _signed_in(owner).post(reverse("team:encouragement_remove", args=[words.pk])).status_code
        == 302
    )
    assert not Encouragement.objects.exists()


def test_the_client_names_someone_from_their_network_in_an_agreement(world):
    owner = world["owner"]
    anna = _signed_in(owner)
    form = BeautifulSoup(anna.get(reverse("team:plan")).content, "html.parser")
    assert form.find("option", string="Tante Ans") is not None
    missing = anna.post(reverse("team:plan"), {"text": "Oppassen", "who": "person"})
    assert missing.status_code == 400 and "Kies wie uit je netwerk dit doet." in _text(missing)
    other = network_person(member(), "Iemand anders")
    foreign = anna.post(
        reverse("team:plan"), {"text": "Oppassen", "who": "person", "person": other.pk}
    )
    assert foreign.status_code == 400 and "Kies iemand uit de lijst." in _text(foreign)
    response = anna.post(
        reverse("team:plan"), {"text": "Oppassen", "who": "person", "person": world["aunt"].pk}
    )
    assert response.status_code == 302
    item = PlanItem.objects.get()
    assert (item.person, item.doer_name) == (world["aunt"], "Tante Ans")


def test_a_worker_sees_what_a_supporter_took_on_but_not_their_encouragements(world):
    owner = world["owner"]
    helper_worker = worker()
    team_link(owner, helper_worker)
    ans = member()
    link = support_link(owner, ans, person=world["aunt"])
    supporter = _signed_in(ans)
    supporter.post(reverse("team:support_plan", args=[link.pk]), {"text": "Ik kook dinsdag"})
    supporter.post(reverse("team:support_encourage", args=[link.pk]), {"bericht-text": "Knap hoor"})
    page = _text(_signed_in(helper_worker).get(reverse("team:client_plan", args=[owner.pk])))
    assert "Ik kook dinsdag" in page and "Knap hoor" not in page


def test_both_downloads_show_the_supporter_and_what_they_were_given(world):
    owner = world["owner"]
    ans = member(username="ans1960")
    link = support_link(owner, ans, person=world["aunt"], topics=[world["money"]])
    supporter = _signed_in(ans)
    supporter.post(reverse("team:support_plan", args=[link.pk]), {"text": "Ik kook dinsdag"})
    supporter.post(reverse("team:support_encourage", args=[link.pk]), {"bericht-text": "Knap hoor"})
    supporter.get(reverse("team:support_plan", args=[link.pk]))

    theirs = account_export(user=ans)["team"]
    assert [(row["client"], row["sees"], row["topics"]) for row in theirs["supporting"]] == [
        ("Anna", "plan", ["Geld"])
    ]
    assert [row["text"] for row in theirs["agreements_as_supporter"]] == ["Ik kook dinsdag"]
    assert [row["text"] for row in theirs["encouragements_written"]] == ["Knap hoor"]
    assert {row["role"] for row in theirs["looks_as_worker"]} == {"supporter"}

    mine = account_export(user=owner)["team"]
    assert [(row["person"], row["username"]) for row in mine["supporters"]] == [
        ("Tante Ans", "ans1960")
    ]
    assert [row["text"] for row in mine["encouragements_received"]] == ["Knap hoor"]
    assert [row["doer"] for row in mine["plan"]] == ["Tante Ans"]


def test_deleting_either_account_ends_the_link(world):
    owner = world["owner"]
    ans = member()
    support_link(owner, ans, person=world["aunt"])
    account_delete(user=ans, keep_posts=False)
    assert not SupportLink.objects.exists()
    kees = member()
    support_link(owner, kees)
    account_delete(user=owner, keep_posts=False)
    assert not SupportLink.objects.exists() and not Encouragement.objects.exists()


def test_the_plan_costs_the_same_queries_for_3_and_30_supporters(world):
    """The client's plan and a supporter's view of it, each with one agreement and one
    encouragement per supporter."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(supporters: int) -> tuple[int, int]:
        owner = member()
        links = [support_link(owner, member()) for _ in range(supporters)]
        for link in links:
            PlanItem.objects.create(
                client=owner, text="Mee", who="person", person=link.person, doer_name="X"
            )
            Encouragement.objects.create(
                client=owner, author=link.supporter, author_name="X", text="Goed zo"
            )
        counts = []
        for reader, url in (
            (owner, reverse("team:plan")),
            (links[0].supporter, reverse("team:support_plan", args=[links[0].pk])),
        ):
            browser = _signed_in(reader)
            browser.get(url)  # warm the catalog and session
            with CaptureQueriesContext(connection) as captured:
                assert browser.get(url).status_code == 200
            counts.append(len(captured))
        return counts[0], counts[1]

    assert queries(3) == queries(30)
