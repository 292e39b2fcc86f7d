"""The team on a phone (360 px): every page of the client, the worker and the team lead
passes axe-core without sideways scrolling; a code is made and redeemed, and a plan item
added, with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from accounts import roles
from team.models import LinkRequest, PlanItem, Team, TeamLink

from ..factories import (
    TopicFactory,
    complete_steps,
    make_module,
    member,
    steps_of,
    team_link,
    worker,
)
from .pages import check_page, log_in, log_out, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def content():
    money = TopicFactory(name="Geld en budget")
    return [make_module(topic=money, slug=f"budget-{i}", steps=3) for i in range(3)]


def test_a_client_invites_with_the_keyboard_and_the_worker_redeems(phone, axe, content):
    client = member(username="anna", display_name="Anna")
    complete_steps(client, steps_of(content[0])[:2])
    worker(username="bas", display_name="Bas")
    page = phone
    log_in(page, "anna")
    page.goto("/team/")
    check_page(page, axe)

    tab_to(page, 'el.textContent.trim() === "Nodig je hulpverlener uit" && el.tagName === "A"')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/team/uitnodigen/$"))
    check_page(page, axe)
    tab_to(page, 'el.textContent.trim() === "Maak de code"')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/team/uitnodiging/\d+/$"))
    check_page(page, axe)
    code = page.locator(".code strong").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)

    log_out(page)
    log_in(page, "bas")
    page.goto("/team/code/")
    check_page(page, axe)
    tab_to(page, 'el.name === "code"')
    page.keyboard.type(code.lower())
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna")
    check_page(page, axe)
    assert TeamLink.objects.filter(client=client, ended_at=None).count() == 1


def test_every_team_page_on_a_phone(phone, axe, content):
    client = member(username="anna", display_name="Anna")
    helper = worker(username="bas", display_name="Bas")
    lead = member(username="leider", groups=[roles.TEAM_LEAD])
    team = Team.objects.create(name="Wijkteam")
    team.members.add(helper)
    team.leads.add(lead)
    link = team_link(client, helper)
    for number in range(12):
        other = member(display_name=f"Cliënt met een lange naam {number}")
        team_link(other, helper)
        complete_steps(other, steps_of(content[number % 3])[: 1 + number % 3])
    complete_steps(client, steps_of(content[0]))
    PlanItem.objects.create(client=client, text="Ik bel de gemeente", who="client")
    LinkRequest.objects.create(worker=worker(display_name="Carla"), client=client)
    page = phone

    log_in(page, "bas")
    for path in ("/team/clienten/", f"/team/clienten/{client.pk}/", "/team/overzicht/"):
        page.goto(path)
        check_page(page, axe)
    page.goto(f"/team/clienten/{client.pk}/plan/")
    check_page(page, axe)
    tab_to(page, 'el.name === "text"')
    page.keyboard.type("Samen de brief lezen")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Samen de brief lezen")).to_be_visible()
    check_page(page, axe)

    log_out(page)
    log_in(page, "anna")
    request = LinkRequest.objects.get(client=client)
    for path in (
        "/team/",
        "/team/plan/",
        "/team/wie-keek-mee/",
        f"/team/koppeling/{link.pk}/",
        f"/team/koppeling/{link.pk}/stoppen/",
        f"/team/verzoek/{request.pk}/",
    ):
        page.goto(path)
        check_page(page, axe)
    expect(page.get_by_text("Carla wil met je samenwerken")).to_be_visible()

    page.goto("/team/wie-keek-mee/")
    expect(page.get_by_text("Bas bekeek ons plan").first).to_be_visible()

    log_out(page)
    log_in(page, "leider")
    page.goto("/team/rapport/")
    check_page(page, axe)
    expect(page.get_by_role("heading", name="Geld en budget")).to_be_visible()


def test_a_gap_view_with_many_modules_reads_on_a_phone(phone, axe):
    """Fourteen modules do not fit 360 px as columns: the page itself still never scrolls
    sideways, every cell shows its whole figure, and the table scrolls in its own region
    with the clients' names staying in view."""
    topics = [TopicFactory(name=name) for name in ("Geld", "Werk", "Opvoeden", "Eten")]
    modules = [
        make_module(topic=topics[i % 4], slug=f"module-nummer-{i}", steps=10 if i < 2 else 3)
        for i in range(14)
    ]
    helper = worker(username="bas", display_name="Bas")
    for number in range(4):
        client = member(display_name=f"Cliënt met een lange naam {number}")
        team_link(client, helper)
        for module in modules[number::3]:
            complete_steps(client, steps_of(module)[: 1 + number % 3] + steps_of(module)[3:])
    page = phone
    log_in(page, "bas")
    page.goto("/team/overzicht/")
    check_page(page, axe)

    clipped = page.evaluate(
        """Array.from(document.querySelectorAll(".heatmap td, .heatmap tbody th"))
          .filter((cell) => cell.scrollWidth > cell.clientWidth).length"""
    )
    assert clipped == 0, f"{clipped} cells cut their text off"
    region = page.locator(".table-scroll")
    region.evaluate("(el) => el.scrollTo(el.scrollWidth, 0)")
    assert region.evaluate("(el) => el.scrollLeft") > 0, "the table fitted after all"
    name = page.get_by_role("rowheader").first.evaluate(
        "(el) => [el.getBoundingClientRect().left, el.getBoundingClientRect().right]"
    )
    assert name[0] >= region.evaluate("(el) => el.getBoundingClientRect().left") - 1
    assert name[1] <= 360
