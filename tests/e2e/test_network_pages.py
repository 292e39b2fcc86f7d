"""'Mijn netwerk' on a phone (360 px): a client draws a network of three people with the
keyboard alone and sees them in the picture and in the list; every page of the network
passes axe-core and the Nu Html Checker without sideways scrolling."""

import re

import pytest
from playwright.sync_api import expect

from network.models import Person

from ..factories import member
from .pages import check_page, log_in, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def _add_with_the_keyboard(page, axe, *, name: str, relation_steps: int, circle_steps: int, kind):
    """From the overview: "Iemand toevoegen", the name, how they know them and how close
    (the arrow keys move through a group of radio buttons; Space picks the first), one
    kind of help, "Opslaan"."""
    tab_to(page, 'el.textContent.trim() === "Iemand toevoegen" && el.tagName === "A"')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/netwerk/nieuw/$"))
    check_page(page, axe)
    tab_to(page, 'el.name === "name"')
    page.keyboard.type(name)
    for field, steps in (("relation", relation_steps), ("circle", circle_steps)):
        tab_to(page, f'el.name === "{field}"')
        if steps:
            for _ in range(steps):
                page.keyboard.press("ArrowDown")
        else:
            page.keyboard.press("Space")
    tab_to(page, f'el.name === "helps" && el.value === "{kind}"')
    page.keyboard.press("Space")
    tab_to(page, 'el.textContent.trim() === "Opslaan"')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/netwerk/$"))
    expect(page.get_by_text("Opgeslagen in je netwerk.")).to_be_visible()


def test_a_client_draws_three_people_with_the_keyboard(phone, axe):
    client = member(username="anna", display_name="Anna")
    page = phone
    log_in(page, "anna")
    page.goto("/netwerk/")
    expect(page.get_by_text("Nog niemand in je netwerk.")).to_be_visible()
    check_page(page, axe)

    _add_with_the_keyboard(
        page, axe, name="Tante Gerda", relation_steps=0, circle_steps=0, kind="luisteren"
    )
    _add_with_the_keyboard(
        page, axe, name="Buurman Kees", relation_steps=2, circle_steps=1, kind="praktisch"
    )
    _add_with_the_keyboard(page, axe, name="Mo", relation_steps=3, circle_steps=2, kind="advies")

    people = {
        person.name: (person.relation, person.circle, person.helps)
        for person in Person.objects.filter(owner=client)
    }
    assert people == {
        "Tante Gerda": ("familie", 1, ["luisteren"]),
        "Buurman Kees": ("buur", 2, ["praktisch"]),
        "Mo": ("collega", 3, ["advies"]),
    }
    # In the picture: one dot per person, in their circle, with their initial.
    picture = page.get_by_role("img", name="Plaatje van je netwerk")
    expect(picture).to_be_visible()
    for circle, initial in ((1, "T"), (2, "B"), (3, "M")):
        expect(picture.locator(f"circle.dot.circle-{circle}")).to_have_count(1)
        expect(picture.locator("text.initial", has_text=initial)).to_have_count(1)
    # And in the list, in words.
    listing = page.locator(".network-list")
    for words in ("Tante Gerda", "Buurman Kees", "Mo", "Een luisterend oor", "Praktische hulp"):
        expect(listing.get_by_text(words, exact=False).first).to_be_visible()
    expect(page.get_by_text("Nu staan er 3 mensen in je netwerk.")).to_be_visible()
    check_page(page, axe)

    mo = Person.objects.get(owner=client, name="Mo")
    for path in (f"/netwerk/{mo.pk}/", f"/netwerk/{mo.pk}/weghalen/"):
        page.goto(path)
        check_page(page, axe)
    tab_to(page, 'el.textContent.trim() === "Ja, haal weg"')
    page.keyboard.press("Enter")
    expect(page.get_by_text("Mo staat niet meer in je netwerk.")).to_be_visible()
    expect(page.locator("svg.network-picture circle.dot")).to_have_count(2)
