"""A step on a desktop (1280 × 800) has its module's steps beside it; on a phone (360 × 740)
the same list comes after the step, without sideways scrolling; printed, a step is its
content alone, with its checklist as boxes."""

import pytest
from playwright.sync_api import expect

from ..factories import TopicFactory, make_module, steps_of
from .conftest import PHONE
from .pages import check_page

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def desktop(browser, live_server):
    """A fresh desktop-sized page."""
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def steps():
    return steps_of(make_module(topic=TopicFactory(icon="wallet", colour="ochre"), steps=4))


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def _finish_first_step(page, steps):
    page.goto(steps[0].url)
    page.get_by_role("button", name="Klaar met deze stap").click()
    expect(page).to_have_url(f"{page.url.split('/leren/')[0]}{steps[1].url}")


def test_on_a_desktop_the_module_steps_stand_beside_the_step(desktop, axe, steps):
    page = desktop
    _finish_first_step(page, steps)
    axe.check(page)

    aside = page.get_by_role("navigation", name="Alle stappen van deze module")
    expect(aside).to_be_visible()
    main, side = _box(page, ".step-main"), aside.bounding_box()
    assert side["x"] >= main["x"] + main["width"], "the list is beside the step"
    assert side["y"] < DESKTOP["height"] / 2, "and starts at the top of the screen"
    assert main["width"] >= 600 and _box(page, "main")["width"] >= 1000, "not a thin column"

    items = aside.locator("li")
    expect(items).to_have_count(4)
    expect(items.nth(0)).to_have_class("done")
    expect(aside.locator("[aria-current=step]")).to_have_text(steps[1].title)
    expect(aside.get_by_text("1 van 4 stappen gedaan")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]


def test_on_a_phone_the_module_steps_come_after_the_step(phone, axe, steps):
    page = phone
    page.goto(steps[1].url)
    check_page(page, axe)  # also: no sideways scrolling at 360 px
    assert _box(page, "h1")["y"] < 200
    aside = page.get_by_role("navigation", name="Alle stappen van deze module")
    done_form = _box(page, ".done-form")
    assert aside.bounding_box()["y"] > done_form["y"] + done_form["height"]
    expect(aside.locator("[aria-current=step]")).to_have_text(steps[1].title)
    assert aside.bounding_box()["width"] <= PHONE["width"]


def test_a_printed_step_is_its_content_with_the_checklist_as_boxes(phone, steps):
    page = phone
    page.goto(steps[0].url)
    page.get_by_label("Mijn DigiD").check()
    page.get_by_role("button", name="Vinkjes bewaren").click()
    expect(page.get_by_label("Mijn DigiD")).to_be_checked()

    page.emulate_media(media="print")
    display = "(selector) => getComputedStyle(document.querySelector(selector)).display"
    for hidden in (".site-header", ".site-footer", ".step-aside", ".done-form", ".step-nav"):
        assert page.evaluate(display, hidden) == "none", hidden
    expect(page.get_by_role("button", name="Vinkjes bewaren")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.get_by_label("Mijn DigiD")).to_be_visible()
    expect(page.get_by_label("Mijn DigiD")).to_be_checked()
    expect(page.get_by_label("Mijn loonstrook")).not_to_be_checked()
    item = "getComputedStyle(document.querySelector('.check-item')).breakInside"
    assert page.evaluate(item) == "avoid"
    colours = page.evaluate(
        "[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    link = page.locator(".source a").first
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert "https://www.belastingdienst.nl/toeslagen" in after

    page.emulate_media(media="screen")
    assert page.evaluate(display, ".site-header") != "none"
