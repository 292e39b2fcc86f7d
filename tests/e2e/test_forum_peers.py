"""Thinking along on a phone (360 px): a member who finished a module opts in on its page
with the keyboard alone, the module's steps then say how many think along, and the member
turns it off again from "Meedenken"; every page passes axe-core and the Nu Html Checker."""

import re

import pytest
from playwright.sync_api import expect

from forum.models import PeerOffer

from ..factories import complete_steps, make_module, member, module_forum, steps_of
from .pages import check_page, log_in, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_who_finished_a_module_opts_in_and_out_with_the_keyboard(phone, axe):
    module = make_module(steps=2)
    module_forum(module)
    steps = steps_of(module)
    sanne = member(username="sanne", display_name="Sanne")
    complete_steps(sanne, steps)
    page = phone
    log_in(page, "sanne")

    page.goto(module.url)
    offer = page.locator("section.peer-offer")
    expect(offer.get_by_text("Wil je meedenken met mensen die hiermee bezig zijn?")).to_be_visible()
    check_page(page, axe)
    tab_to(page, 'el.textContent.trim() === "Ja, ik denk mee"')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(module.url) + "$"))
    expect(page.get_by_text("Mensen die met deze module bezig zijn, kunnen je nu")).to_be_visible()
    expect(offer.get_by_role("button", name="Niet meer vragen")).to_be_visible()
    check_page(page, axe)
    assert PeerOffer.objects.filter(user=sanne, module=module).exists()

    page.goto(steps[0].url)
    expect(page.get_by_text("1 persoon die dit al deed wil meedenken.")).to_be_visible()
    check_page(page, axe)

    page.goto("/forum/meedenken/")
    expect(page.get_by_role("heading", name="Meedenken", exact=True)).to_be_visible()
    check_page(page, axe)
    tab_to(page, f'el.getAttribute("aria-label") === "Niet meer vragen over {module.title}"')
    page.keyboard.press("Enter")
    expect(page.get_by_text("Je wordt hier niet meer voor gevraagd.")).to_be_visible()
    expect(page.get_by_text("Nog nergens.", exact=False)).to_be_visible()
    check_page(page, axe)
    assert not PeerOffer.objects.exists()

    page.goto(steps[0].url)
    expect(page.get_by_text("die dit al deed", exact=False)).to_have_count(0)
