"""The page chrome on a phone (360 × 740): the header leaves the screen to the content,
help and a quick exit are one tap away, and forms report their errors at the top."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from forum.links import topic_url

from ..factories import make_module, member, module_forum, start_topic, steps_of, team_link, worker
from .conftest import PHONE
from .pages import check_page, log_in, log_out, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

# The main heading must start on the first screen, above this line (px from the top).
HEADING_LIMIT = 200


@pytest.fixture
def site():
    # A module name as long as the demo's, which wraps on a phone.
    module = make_module(slug="zorgtoeslag-en-huurtoeslag-aanvragen", steps=2)
    forum = module_forum(module)
    topic = start_topic(forum, member(trusted=True), subject="Hoe vraag ik huurtoeslag aan?")
    return {"step": steps_of(module)[0].url, "topic": topic_url(topic)}


def _heading_tops(page, paths) -> dict[str, float]:
    """Where each page's h1 starts; the header row must not push anything sideways."""
    tops = {}
    for path in paths:
        page.goto(path)
        heading = page.locator("h1").first
        expect(heading).to_be_visible()
        tops[path] = heading.bounding_box()["y"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    return tops


def test_the_main_heading_starts_on_the_first_screen(phone, site):
    page = phone
    pages = ["/", site["step"], "/forum/", site["topic"], "/hulp/"]
    anonymous = _heading_tops(page, [*pages, "/account/login/", "/account/signup/"])
    reader = member(username="lezer")
    log_in(page, "lezer")
    signed_in = _heading_tops(page, [*pages, "/account/profiel/", "/team/", "/team/plan/"])
    log_out(page)
    team_link(reader, worker(username="hulp"))
    log_in(page, "hulp")  # a worker's team menu has six links
    as_worker = _heading_tops(page, ["/team/clienten/", "/team/overzicht/", "/team/"])
    too_low = {
        who: {path: top for path, top in tops.items() if top >= HEADING_LIMIT}
        for who, tops in (("anonymous", anonymous), ("signed in", signed_in), ("worker", as_worker))
    }
    assert too_low == {"anonymous": {}, "signed in": {}, "worker": {}}


def test_menu_and_help_with_the_keyboard_alone(phone, axe, site):
    page = phone
    page.goto(site["step"])
    check_page(page, axe)
    tab_to(page, 'el.tagName === "SUMMARY"')
    page.keyboard.press("Enter")
    expect(page.locator("details.site-menu")).to_have_attribute("open", "")
    check_page(page, axe)
    tab_to(page, 'el.id === "zoekvak"')
    tab_to(page, 'el.textContent.trim() === "Forum" && el.tagName === "A"')
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Forum")

    tab_to(page, 'el.textContent.trim() === "Hulp nodig?"')
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hulp nodig?")
    check_page(page, axe)


def test_the_help_page_lists_the_crisis_lines_as_tel_links(phone, axe):
    page = phone
    page.goto("/")
    page.get_by_role("link", name="Hulp nodig?").click()
    expect(page).to_have_url(re.compile(r"/hulp/$"))
    lines = page.locator(".crisis-box a[href^='tel:']")
    expect(lines).to_have_count(5)
    hrefs = [lines.nth(n).get_attribute("href") for n in range(5)]
    assert hrefs == ["tel:113", "tel:08000113", "tel:08002000", "tel:1813", "tel:112"]
    expect(page.get_by_role("note").get_by_role("link", name="113", exact=True)).to_be_visible()
    check_page(page, axe)


def test_snel_weg_is_a_plain_link_on_the_forum_and_help_pages(phone, site, live_server):
    page = phone
    page.route(  # the neutral site, served here: the test reaches nothing outside
        settings.QUICK_EXIT_URL + "**",
        lambda route: route.fulfill(body="<title>Weg</title>", content_type="text/html"),
    )
    for path in ("/forum/", site["topic"], "/hulp/"):
        page.goto(path)
        quick_exit = page.get_by_role("link", name=re.compile("^Snel weg"))
        expect(quick_exit).to_be_visible()
        expect(quick_exit).to_have_attribute("href", settings.QUICK_EXIT_URL)
    page.goto(site["step"])
    expect(page.get_by_role("link", name=re.compile("^Snel weg"))).to_have_count(0)

    # Without JavaScript it is an ordinary link.
    context = page.context.browser.new_context(java_script_enabled=False, viewport=PHONE)
    plain = context.new_page()
    plain.route(settings.QUICK_EXIT_URL + "**", lambda route: route.fulfill(body="weg"))
    plain.goto(live_server.url + "/hulp/")
    plain.get_by_role("link", name=re.compile("^Snel weg")).click()
    expect(plain).to_have_url(settings.QUICK_EXIT_URL)
    context.close()

    # With it, the help page is replaced in the history: Back does not return to it.
    page.goto("/")
    page.goto("/hulp/")
    page.get_by_role("link", name=re.compile("^Snel weg")).click()
    expect(page).to_have_url(settings.QUICK_EXIT_URL)
    page.go_back()
    expect(page).to_have_url(live_server.url + "/")

    # Escape three times leaves as well.
    page.goto("/hulp/")
    for _ in range(3):
        page.keyboard.press("Escape")
    expect(page).to_have_url(settings.QUICK_EXIT_URL)


def test_a_failing_sign_up_shows_the_error_summary_first_with_the_focus(phone, axe):
    page = phone
    page.goto("/account/signup/")
    check_page(page, axe)
    page.get_by_label("Wachtwoord").fill("kort")
    page.get_by_role("button", name="Registreren").click()

    summary = page.locator("form [data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Gebruikersnaam: Dit is een verplicht veld.")
    first = (
        "document.querySelector('main form').firstElementChild.hasAttribute('data-error-summary')"
    )
    assert page.evaluate(first), "the summary is not the first thing in the form"
    summary.get_by_role("link", name=re.compile("^Gebruikersnaam")).click()
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    expect(page.get_by_label("Gebruikersnaam")).to_have_attribute("aria-invalid", "true")
    check_page(page, axe)
