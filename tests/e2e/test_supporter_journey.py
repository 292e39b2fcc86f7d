"""A supporter in "Ons plan" on a phone (360 px), keyboard only: the client invites
someone from her network, who uses the link, takes on an agreement and marks it done;
the client sees the agreement and the look in "Wie keek mee". Every page passes axe-core
and the Nu Html Checker without sideways scrolling."""

import re

import pytest
from playwright.sync_api import expect

from team.models import Invitation, PlanItem

from ..factories import member, network_person
from .pages import check_page, log_in, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def _press(page, label: str) -> None:
    tab_to(page, f"el.textContent.trim() === {label!r}")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_a_supporter_takes_on_an_agreement_and_the_client_sees_the_look(open_page, axe):
    anna = member(username="anna", display_name="Anna")
    aunt = network_person(anna, "Tante Ans")
    member(username="ans")

    client = open_page()
    log_in(client, "anna")
    client.goto("/netwerk/")
    tab_to(client, 'el.textContent.trim().startsWith("Laten meedenken in je plan")')
    client.keyboard.press("Enter")
    expect(client).to_have_url(re.compile(rf"/team/steun/uitnodigen/{aunt.pk}/$"))
    check_page(client, axe)
    _press(client, "Maak de code")
    expect(client).to_have_url(re.compile(r"/team/uitnodiging/\d+/$"))
    expect(client.get_by_role("heading", name="Je code voor Tante Ans")).to_be_visible()
    check_page(client, axe)
    link = client.locator("a.long-link").get_attribute("href")
    assert link.endswith(f"/team/code/{Invitation.objects.get().code}/")

    supporter = open_page()
    log_in(supporter, "ans")
    supporter.goto(link)
    check_page(supporter, axe)
    _press(supporter, "Koppel")
    expect(supporter).to_have_url(re.compile(r"/team/steun/\d+/$"))
    expect(supporter.get_by_role("heading", name="Het plan van Anna")).to_be_visible()
    check_page(supporter, axe)
    tab_to(supporter, 'el.name === "text"')
    supporter.keyboard.type("Ik rijd mee naar het spreekuur")
    _press(supporter, "Ik doe dit")
    expect(supporter.get_by_text("Dank je! De afspraak staat in het plan.")).to_be_visible()
    _press(supporter, "Dit is klaar")
    expect(supporter.get_by_role("button", name="Toch nog niet klaar")).to_be_visible()
    check_page(supporter, axe)
    item = PlanItem.objects.get()
    assert (item.doer_name, item.done_at is not None) == ("Tante Ans", True)

    client.goto("/team/plan/")
    expect(client.get_by_text("Ik rijd mee naar het spreekuur")).to_be_visible()
    expect(client.get_by_text("Wie: Tante Ans")).to_be_visible()
    check_page(client, axe)
    client.goto("/team/wie-keek-mee/")
    expect(client.get_by_text("Tante Ans (steunpersoon) bekeek ons plan.").first).to_be_visible()
    check_page(client, axe)
