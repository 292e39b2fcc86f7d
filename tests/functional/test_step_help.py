""" "Wie kan je hierbij helpen?" on every step: "Doe het nu" turns someone from the
client's network (or someone they add then) into an agreement in their plan, tied to the
step's module."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from team.models import PlanItem

from ..factories import make_module, member, network_person, steps_of, support_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def step():
    return steps_of(make_module(slug="budget", steps=2))[0]


def _soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_every_step_offers_it_to_readers_with_and_without_an_account(client, step):
    for reader in (None, member()):
        if reader:
            client.force_login(reader)
        section = _soup(client.get(step.url)).find("section", class_="step-help")
        assert section.find("h2").get_text() == "Wie kan je hierbij helpen?"
        link = section.find("a", string="Doe het nu")
        assert link["href"] == reverse("team:step_help", args=[step.pk])
    client.logout()
    response = client.get(reverse("team:step_help", args=[step.pk]))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_doing_it_now_puts_an_agreement_with_that_person_in_the_plan(client, step):
    owner = member()
    aunt = network_person(owner, "Tante Ans")
    network_person(member(), "Iemand anders")
    client.force_login(owner)
    url = reverse("team:step_help", args=[step.pk])
    page = _soup(client.get(url))
    assert [label.get_text(strip=True) for label in page.select("fieldset label")] == ["Tante Ans"]
    assert page.find("input", {"name": "text"})["value"] == f"Hulp bij: {step.title}"

    response = client.post(url, {"person": aunt.pk, "text": "Samen de brief lezen"})
    assert response.status_code == 302 and response["Location"] == step.url
    item = PlanItem.objects.get(client=owner)
    assert (item.who, item.person, item.doer_name, item.text) == (
        "person",
        aunt,
        "Tante Ans",
        "Samen de brief lezen",
    )
    assert item.module_id == step.get_parent().pk
    followed = client.get(step.url)
    assert "Het staat in je plan: Tante Ans helpt je hiermee." in followed.content.decode()


def test_a_supporter_sees_and_finishes_what_the_step_asked_of_them(client, step):
    owner, ans = member(), member()
    aunt = network_person(owner, "Tante Ans")
    link = support_link(owner, ans, person=aunt)
    client.force_login(owner)
    client.post(reverse("team:step_help", args=[step.pk]), {"person": aunt.pk, "text": "Bellen"})
    client.force_login(ans)
    html = client.get(reverse("team:support_plan", args=[link.pk])).content.decode()
    item = PlanItem.objects.get()
    assert "Bellen" in html and reverse("team:plan_item_done", args=[item.pk]) in html


def test_with_nobody_in_the_network_yet_one_adds_someone_and_comes_back(client, step):
    owner = member()
    client.force_login(owner)
    url = reverse("team:step_help", args=[step.pk])
    page = _soup(client.get(url))
    assert page.find("main").find("form", method="post") is None
    add = page.find("a", string="Voeg iemand toe aan je netwerk")["href"]
    assert add == f"{reverse('network:add')}?volgende={url}"
    response = client.post(
        add, {"name": "Buurman Kees", "relation": "buur", "circle": "2", "helps": ["praktisch"]}
    )
    assert response.status_code == 302 and response["Location"] == url
    assert "Buurman Kees" in client.get(url).content.decode()


def test_the_way_back_never_leads_to_another_site(client):
    client.force_login(member())
    response = client.post(
        f"{reverse('network:add')}?volgende=https://example.org/",
        {"name": "Kees", "relation": "buur", "circle": "2"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("network:home")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "Bellen"}, "Kies wie je om hulp vraagt."),
        ({"text": "", "person": "mine"}, "Schrijf op wat er gedaan wordt."),
        ({"text": "Bellen", "person": "someone else's"}, "Kies iemand uit de lijst."),
    ],
)
def test_bad_input_comes_back_with_a_message_and_stores_nothing(client, step, data, message):
    owner = member()
    people = {
        "mine": network_person(owner, "Tante Ans").pk,
        "someone else's": network_person(member(), "Iemand anders").pk,
    }
    if "person" in data:
        data = {**data, "person": people[data["person"]]}
    client.force_login(owner)
    response = client.post(reverse("team:step_help", args=[step.pk]), data)
    assert response.status_code == 400
    assert message in _soup(response).get_text(" ")
    assert not PlanItem.objects.exists()


def test_an_unknown_step_is_not_found(client):
    client.force_login(member())
    assert client.get(reverse("team:step_help", args=[999_999])).status_code == 404
