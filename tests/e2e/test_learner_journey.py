"""The anonymous learner's journey on a phone, checked by axe-core on every page."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from accounts.models import User
from learning.models import StepProgress

from ..factories import PASSWORD, make_module, steps_of
from .pages import check_page, open_menu

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def module():
    return make_module(steps=3)


def test_anonymous_journey_then_sign_up_keeps_progress(phone, axe, module):
    steps = steps_of(module)
    page = phone

    page.goto("/")
    axe.check(page)
    open_menu(page)
    page.get_by_role("link", name="Leren", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leren")
    axe.check(page)

    page.get_by_role("link", name=module.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    axe.check(page)

    page.get_by_role("link", name="Begin met stap 1").click()
    expect(page.get_by_text("Stap 1 van 3")).to_be_visible()
    axe.check(page)

    # Tick a checklist item and save it (no JavaScript needed: a plain form).
    page.get_by_label("Mijn DigiD").check()
    page.get_by_role("button", name="Vinkjes bewaren").click()
    expect(page.get_by_text("Je vinkjes zijn bewaard.")).to_be_visible()
    expect(page.get_by_label("Mijn DigiD")).to_be_checked()
    axe.check(page)

    # Answer the question: kind feedback, no grade.
    page.get_by_label("Bij de bibliotheek").check()
    page.get_by_role("button", name="Kijk of het klopt").click()
    expect(page.get_by_text("Bijna: het is Dienst Toeslagen.")).to_be_visible()
    axe.check(page)

    page.get_by_role("button", name="Klaar met deze stap").click()
    expect(page).to_have_url(re.compile(re.escape(steps[1].url) + "$"))
    expect(page.get_by_text("Goed gedaan! Deze stap is klaar.")).to_be_visible()
    axe.check(page)

    open_menu(page)
    page.get_by_role("link", name="Mijn voortgang").click()
    expect(page.get_by_text("1 van 3 stappen gedaan")).to_be_visible()
    axe.check(page)

    open_menu(page)
    page.get_by_role("link", name="Account maken").first.click()
    axe.check(page)
    page.get_by_label("Gebruikersnaam").fill("zonnebloem")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    # A person takes a few seconds over the form; sent any sooner it is taken for a bot.
    page.wait_for_timeout(settings.SIGNUP_MIN_SECONDS * 1000)
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("button", name="Uitloggen", include_hidden=True)).to_have_count(1)

    page.goto("/mijn-voortgang/")
    expect(page.get_by_text("1 van 3 stappen gedaan")).to_be_visible()
    axe.check(page)
    open_menu(page)
    page.get_by_role("link", name="Mijn account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn account")
    axe.check(page)
    user = User.objects.get(username="zonnebloem")
    progress = StepProgress.objects.get(user=user, step=steps[0])
    assert progress.completed_at is not None
    assert progress.checklist == ["checklist-1:item-1-a"]
    assert progress.answers == {"question-1": "option-1-wrong"}


def test_step_works_with_the_keyboard_alone(phone, axe, module):
    step = steps_of(module)[0]
    page = phone
    page.goto(step.url)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    page.keyboard.press("Enter")
    # Tab forward until the done button has focus, then press Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == "Klaar met deze stap":
            break
    else:
        pytest.fail("the done button is not reachable with Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Goed gedaan! Deze stap is klaar.")).to_be_visible()
    axe.check(page)


def test_a_question_sent_without_a_choice_brings_the_focus_to_what_to_do(phone, axe, module):
    page = phone
    page.goto(steps_of(module)[0].url)
    page.get_by_role("button", name="Kijk of het klopt").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    check_page(page, axe)
    summary.get_by_role("link", name="Kies een van de antwoorden bij de vraag.").click()
    expect(page).to_have_url(re.compile("#vraag-question-1-fout$"))
    question = page.get_by_role("group", name=re.compile("Test jezelf"))
    expect(question).to_have_accessible_description("Kies een van de antwoorden bij de vraag.")
    question.get_by_label("Bij de bibliotheek").check()
    page.get_by_role("button", name="Kijk of het klopt").click()
    expect(page.locator("[data-error-summary]")).to_have_count(0)


def test_login_pages_and_language_switch(phone, axe, module):
    page = phone
    page.goto("/account/login/")
    axe.check(page)
    open_menu(page)
    page.get_by_role("button", name="EN English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    axe.check(page)
    page.goto("/account/password/reset/")
    axe.check(page)


def test_read_aloud_button_appears_where_speech_is_supported(phone, module):
    page = phone
    page.goto(steps_of(module)[0].url)
    supported = page.evaluate("'speechSynthesis' in window")
    button = page.get_by_role("button", name="Lees voor")
    if supported:
        expect(button).to_be_visible()
    else:
        expect(button).to_be_hidden()
