"""Journeys through the shipped demo content (``load_demo --with-users``, not factories), at
phone (360 × 740) and desktop (1280 × 800) size: every page visited passes axe-core without
sideways scrolling, and each journey's key screens are kept as screenshots in
``artifacts/screenshots/<journey>-<viewport>-<n>.png`` (git-ignored) for a person to look at.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from ..factories import PASSWORD
from .pages import check_page, log_in, open_menu, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

BUDGET = "/leren/maandbudget-op-een-rij/"


class Screenshots:
    """Numbered screenshots of one journey at one screen size."""

    def __init__(self, journey: str, viewport: str):
        self.prefix = f"{journey}-{viewport}"
        self.taken = 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(self, page) -> None:
        self.taken += 1
        page.screenshot(path=SCREENSHOTS / f"{self.prefix}-{self.taken}.png", full_page=True)


def test_a_visitor_learns_then_signs_up_and_keeps_everything(open_page, viewport, axe, demo):
    shots = Screenshots("progress", viewport)
    page = open_page()

    page.goto("/")
    check_page(page, axe)
    page.get_by_role("link", name="Je maandbudget op een rij").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je maandbudget op een rij")
    check_page(page, axe)
    page.get_by_role("link", name="Begin met stap 1").click()

    # Step 1: read it, tick two things and keep the ticks (a plain form).
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat komt er binnen?")
    expect(page.get_by_text("Stap 1 van 4")).to_be_visible()
    check_page(page, axe)
    shots.take(page)
    page.get_by_label("Ik weet hoeveel loon of uitkering ik krijg").check()
    page.get_by_label("Ik weet welke toeslagen ik krijg").check()
    page.get_by_role("button", name="Vinkjes bewaren").click()
    expect(page.get_by_text("Je vinkjes zijn bewaard.")).to_be_visible()
    expect(page.get_by_label("Ik weet welke toeslagen ik krijg")).to_be_checked()
    check_page(page, axe)
    # Done, with the keyboard.
    tab_to(page, 'el.textContent.trim() === "Klaar met deze stap"')
    page.keyboard.press("Enter")

    # Step 2: "Test jezelf", then done.
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat gaat er uit?")
    expect(page.get_by_text("Goed gedaan! Deze stap is klaar.")).to_be_visible()
    check_page(page, axe)
    question = page.locator("form.question")
    expect(question).to_contain_text("Test jezelf")
    question.get_by_label("Huishoudgeld").check()
    question.get_by_role("button", name="Kijk of het klopt").click()
    expect(page.get_by_text("Bijna. Huishoudgeld is voor dingen als boodschappen.")).to_be_visible()
    check_page(page, axe)
    shots.take(page)
    page.get_by_role("button", name="Klaar met deze stap").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hou je geld over?")

    open_menu(page)
    page.get_by_role("link", name="Mijn voortgang").click()
    expect(page.get_by_text("2 van 4 stappen gedaan")).to_be_visible()
    check_page(page, axe)

    # Sign up from the note under the progress: a pseudonym and a password are enough.
    page.get_by_role("link", name="Maak een account").click()
    check_page(page, axe)
    page.get_by_label("Gebruikersnaam").fill("zonnebloem")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    # A person takes a few seconds over the form; sent any sooner it is taken for a bot.
    page.wait_for_timeout(settings.SIGNUP_MIN_SECONDS * 1000)
    shots.take(page)
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("button", name="Uitloggen", include_hidden=True)).to_have_count(1)

    # Everything is kept: the steps, what they taught, the ticks and the answer.
    page.goto("/mijn-voortgang/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn voortgang")
    module = page.locator(".card", has_text="Je maandbudget op een rij")
    expect(module).to_contain_text("2 van 4 stappen gedaan")
    achieved = page.locator(".can-do")
    expect(achieved).to_contain_text("Ik kan mijn inkomsten per maand op een rij zetten.")
    expect(achieved).to_contain_text("Ik kan mijn vaste lasten en mijn huishoudgeld opschrijven.")
    check_page(page, axe)
    shots.take(page)
    page.goto(BUDGET + "inkomsten/")
    expect(page.get_by_label("Ik weet hoeveel loon of uitkering ik krijg")).to_be_checked()
    expect(page.get_by_label("Ik weet welke toeslagen ik krijg")).to_be_checked()
    expect(page.get_by_label("Ik heb alles bij elkaar opgeteld")).not_to_be_checked()
    page.goto(BUDGET + "uitgaven/")
    expect(page.get_by_label("Huishoudgeld")).to_be_checked()
    expect(page.get_by_text("Bijna. Huishoudgeld is voor dingen als boodschappen.")).to_be_visible()
    expect(page.get_by_text("Deze stap heb je al gedaan. Goed bezig!")).to_be_visible()
    check_page(page, axe)


QUESTION = "Hoe vaak kijken jullie in je bankapp?"
ANSWER = "Ik kijk elke zondag even. Dan weet ik wat ik de week erna nog heb."


def test_a_question_from_a_step_gets_an_answer(open_page, viewport, axe, demo):
    shots = Screenshots("question", viewport)
    asker = open_page()
    log_in(asker, "demo-client")
    asker.goto(BUDGET + "volhouden/")
    check_page(asker, axe)
    section = asker.locator("section.module-forum")
    section.get_by_role("link", name="Vraag het aan anderen").click()
    expect(asker.get_by_role("heading", level=1)).to_have_text("Vraag het aan anderen")
    expect(asker.get_by_text("Je vraag gaat over de stap")).to_contain_text("Zo houd je het vol")
    check_page(asker, axe)
    asker.get_by_label("Je vraag in één zin").fill(QUESTION)
    asker.get_by_label("Je bericht").fill("Ik wil het volhouden, maar ik vergeet het steeds.")
    shots.take(asker)
    asker.get_by_role("button", name="Plaats je vraag").click()
    expect(asker.get_by_role("heading", level=1)).to_have_text(QUESTION)
    check_page(asker, axe)
    topic = asker.url.split("?")[0]  # the topic page itself, not its place in the page

    # An experience expert, in a browser of their own, finds the question and answers it.
    expert = open_page()
    log_in(expert, "demo-ervaringsdeskundige")
    expert.goto("/forum/")
    check_page(expert, axe)
    expert.get_by_role("link", name="Help iemand vandaag").first.click()
    expect(expert.get_by_role("heading", level=1)).to_have_text("Help iemand vandaag")
    check_page(expert, axe)
    expert.get_by_role("link", name=QUESTION).click()
    expect(expert.get_by_role("heading", level=1)).to_have_text(QUESTION)
    expert.get_by_label("Je bericht").fill(ANSWER)
    expert.get_by_role("button", name="Plaats je reactie").click()
    expect(expert.locator("article.post", has_text=ANSWER)).to_be_visible()
    check_page(expert, axe)
    shots.take(expert)

    # The asker sees the answer, with the experience expert's label, on the topic page.
    asker.goto(topic)
    answer = asker.locator("article.post", has_text=ANSWER)
    expect(answer).to_be_visible()
    expect(answer.get_by_text("Ervaringsdeskundige", exact=True)).to_be_visible()
    check_page(asker, axe)
    shots.take(asker)
    # And the step lists the question as one asked about it.
    asker.goto(BUDGET + "volhouden/")
    expect(asker.locator("section.module-forum").get_by_role("link", name=QUESTION)).to_be_visible()


def test_a_client_links_a_worker_who_sees_the_gap_view(open_page, viewport, axe, demo):
    shots = Screenshots("team", viewport)
    client = open_page()
    client.goto("/account/signup/")
    client.get_by_label("Gebruikersnaam").fill("merel")
    client.get_by_label("Wachtwoord").fill(PASSWORD)
    client.wait_for_timeout(settings.SIGNUP_MIN_SECONDS * 1000)
    client.get_by_role("button", name="Registreren").click()
    expect(client.get_by_role("button", name="Uitloggen", include_hidden=True)).to_have_count(1)
    client.goto(BUDGET + "inkomsten/")
    client.get_by_role("button", name="Klaar met deze stap").click()
    expect(client.get_by_text("Goed gedaan! Deze stap is klaar.")).to_be_visible()

    client.goto("/")
    client.get_by_role("link", name="Nodig je hulpverlener uit").click()
    expect(client.get_by_role("heading", level=1)).to_have_text("Nodig je hulpverlener uit")
    check_page(client, axe)
    shots.take(client)
    client.get_by_role("button", name="Maak de code").click()
    expect(client).to_have_url(re.compile(r"/team/uitnodiging/\d+/$"))
    check_page(client, axe)
    shots.take(client)
    code = client.locator(".code strong").inner_text()

    worker = open_page()
    log_in(worker, "demo-hulpverlener")
    worker.goto("/team/code/")
    check_page(worker, axe)
    tab_to(worker, 'el.name === "code"')
    worker.keyboard.type(code)
    worker.keyboard.press("Enter")
    expect(worker.get_by_role("heading", level=1)).to_have_text("merel")
    check_page(worker, axe)

    # The gap view: both clients of the demo worker, without sideways scrolling.
    worker.get_by_role("navigation", name="Team").get_by_role("link", name="Overzicht").click()
    expect(worker.get_by_role("heading", level=1)).to_have_text("Overzicht van je cliënten")
    main = worker.locator("main")
    expect(main).to_contain_text("merel")
    expect(main).to_contain_text("demo-client")
    check_page(worker, axe)
    shots.take(worker)
    # Nothing inside scrolls sideways either (a wide table in a scrolling box).
    wide = worker.evaluate(
        """() => Array.from(document.querySelectorAll("main *"))
          .filter((el) => el.scrollWidth > el.clientWidth + 1 &&
                          getComputedStyle(el).overflowX !== "visible")
          .map((el) => el.tagName + "." + el.className)"""
    )
    assert wide == [], f"parts of the gap view scroll sideways: {wide}"

    client.goto("/team/wie-keek-mee/")
    check_page(client, axe)


# Representative pages: a crisis line is at most two taps away from each.
VISITOR_PAGES = [
    "/",
    BUDGET,
    BUDGET + "inkomsten/",
    "/forum/",
    "/zoeken/?q=budget",
    "/account/login/",
]
MEMBER_PAGES = ["/account/profiel/", "/mijn-voortgang/", "/team/"]


def _two_taps_to_a_crisis_line(page, axe, path: str) -> None:
    page.goto(path)
    check_page(page, axe)
    help_link = page.get_by_role("link", name="Hulp nodig?")
    expect(help_link).to_be_in_viewport()
    help_link.click()  # tap one
    expect(page.get_by_role("heading", level=1)).to_have_text("Hulp nodig?")
    line = page.locator("a[href^='tel:']").first
    expect(line).to_be_visible()
    expect(line).to_be_in_viewport()  # tap two, without scrolling first
    assert line.get_attribute("href") == "tel:113"


def test_a_crisis_line_is_two_taps_from_any_page(open_page, viewport, axe, demo):
    shots = Screenshots("crisis", viewport)
    page = open_page()
    # A topic of the demo forum, reached as a visitor does.
    page.goto("/forum/")
    page.get_by_role("link", name="Je maandbudget op een rij").first.click()
    page.get_by_role("link", name="Hoe zet ik kinderbijslag in mijn budget?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hoe zet ik kinderbijslag in mijn budget?"
    )
    topic = page.url
    for path in [*VISITOR_PAGES, topic]:
        _two_taps_to_a_crisis_line(page, axe, path)
    check_page(page, axe)
    shots.take(page)

    log_in(page, "demo-client")
    for path in [*MEMBER_PAGES, topic]:
        _two_taps_to_a_crisis_line(page, axe, path)
    check_page(page, axe)
    shots.take(page)


def _check_without_javascript(page, axe, open_page) -> None:
    """axe-core cannot run where JavaScript is off: it checks the same address opened with
    the same cookies in a browser with JavaScript; sideways scrolling is measured on the
    page itself."""
    twin = open_page(storage_state=page.context.storage_state())
    twin.goto(page.url)
    check_page(twin, axe)
    twin.context.close()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways: {width}px"


def test_the_core_flows_work_without_javascript(open_page, viewport, axe, demo):
    shots = Screenshots("nojs", viewport)
    page = open_page(java_script_enabled=False)
    log_in(page, "demo-client")

    def check(page):
        _check_without_javascript(page, axe, open_page)

    # Read a step and mark it done (plain forms), in a module demo-client has not done.
    page.goto("/leren/rekeningen-en-schulden/")
    check(page)
    page.get_by_role("link", name="Wat betaal je eerst?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat betaal je eerst?")
    check(page)
    page.get_by_label("De huur").check()
    page.get_by_role("button", name="Kijk of het klopt").click()
    expect(page.get_by_text("Goed gekozen. Zo houd je je huis.")).to_be_visible()
    tab_to(page, 'el.textContent.trim() === "Klaar met deze stap"')
    page.keyboard.press("Enter")
    expect(page.get_by_text("Goed gedaan! Deze stap is klaar.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bel de schuldeiser")
    check(page)
    shots.take(page)

    # Ask a question on the forum, and reply to another one.
    page.get_by_role("link", name="Vraag het aan anderen").click()
    page.get_by_label("Je vraag in één zin").fill("Mag ik om uitstel vragen als ik bel?")
    page.get_by_label("Je bericht").fill("Ik kan de rekening deze maand niet betalen.")
    page.get_by_role("button", name="Plaats je vraag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Mag ik om uitstel vragen als ik bel?"
    )
    check(page)
    page.goto("/forum/")
    page.get_by_role("link", name="Je maandbudget op een rij").first.click()
    page.get_by_role("link", name="Hoe zet ik kinderbijslag in mijn budget?").click()
    page.get_by_label("Je bericht").fill("Dank je, dat delen door 3 ga ik ook doen.")
    page.get_by_role("button", name="Plaats je reactie").click()
    expect(page.locator("article.post", has_text="dat delen door 3 ga ik ook doen")).to_be_visible()
    check(page)
    shots.take(page)

    # Search from the header's menu (a <details>: it opens without JavaScript).
    open_menu(page)
    page.locator("#zoekvak").fill("kinderbijslag")
    page.locator("#zoekvak").press("Enter")
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=kinderbijslag"))
    expect(
        page.get_by_role("link", name="Hoe zet ik kinderbijslag in mijn budget?").first
    ).to_be_visible()
    check(page)
    shots.take(page)
