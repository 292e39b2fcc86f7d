"""'In de buurt' on a phone (360 px): a learner on a step of the shipped demo content finds
a nearby initiative with the keyboard alone (from the step to the list, a postcode, the
initiative), and a member suggests one; every page passes axe-core and the Nu Html
Checker without sideways scrolling."""

import re

import pytest
from playwright.sync_api import expect

from learning.selectors import catalog
from nearby.models import Initiative, Status

from .pages import check_page, log_in, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def _money_step_url() -> str:
    current = catalog()
    topic = next(topic for topic in current.topics if topic.slug == "geld-budget")
    module = current.modules[topic.module_ids[0]]
    return current.steps[module.step_ids[0]].url


def test_a_learner_finds_a_nearby_initiative_from_a_step(phone, axe, demo):
    page = phone
    page.goto(_money_step_url())
    nearby = page.locator(".nearby-for-module")
    expect(nearby.get_by_role("link", name="SchuldHulpMaatje Utrecht")).to_be_visible()
    check_page(page, axe)

    tab_to(page, 'el.textContent.trim() === "Zoek in de buurt" && el.tagName === "A"')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/in-de-buurt/$"))
    check_page(page, axe)
    tab_to(page, 'el.name === "q"')
    page.keyboard.type("voedselbank")
    tab_to(page, 'el.name === "plaats"')
    page.keyboard.type("3511")
    page.keyboard.press("Enter")
    expect(page.get_by_text("alle postcodes die met 35 beginnen", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Voedselbank Tilburg")).to_have_count(0)
    check_page(page, axe)

    tab_to(page, 'el.textContent.trim() === "Voedselbank Utrecht"')
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Voedselbank Utrecht")).to_be_visible()
    expect(page.get_by_role("link", name="Bel 030 000 12 34")).to_have_attribute(
        "href", "tel:0300001234"
    )
    check_page(page, axe)


def test_a_member_suggests_an_initiative_with_the_keyboard(phone, axe, demo):
    page = phone
    log_in(page, "demo-client")
    page.goto("/in-de-buurt/voorstellen/")
    check_page(page, axe)
    # Sent without what it needs: the error summary, 400, nothing stored.
    tab_to(page, 'el.textContent.trim() === "Voorstellen"')
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Kijk dit nog even na")).to_be_visible()
    check_page(page, axe)
    fields = {
        "name": "Breicafé De Steek",
        "what": "Samen breien en praten.",
        "for_whom": "Iedereen die wil leren breien.",
        "how_to_join": "Loop binnen met wol.",
        "postcode": "8011",
        "place": "Zwolle",
    }
    for name, value in fields.items():
        tab_to(page, f'el.name === "{name}"')
        page.keyboard.type(value)
    tab_to(page, 'el.textContent.trim() === "Voorstellen"')
    page.keyboard.press("Enter")
    expect(page.get_by_text("Je voorstel wacht nu op een redacteur", exact=False)).to_be_visible()
    expect(page.get_by_text("wacht op een redacteur", exact=False).last).to_be_visible()
    check_page(page, axe)
    assert Initiative.objects.get(name="Breicafé De Steek").status == Status.WAITING
