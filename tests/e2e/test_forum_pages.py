"""The forum on a phone (360 px): every page passes axe-core and none scrolls sideways;
a reply can be written with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from accounts import roles
from forum import services
from forum.links import forum_url, new_topic_url, topic_url

from ..factories import make_module, member, module_forum, reply, start_topic
from .pages import check_page, log_in, log_out, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = "Hoe vraag ik zorgtoeslag aan?"
ANSWER = "Dat doe je bij Dienst Toeslagen. Log in met je DigiD en kies Zorgtoeslag."


@pytest.fixture
def module():
    return make_module(steps=3)


@pytest.fixture
def forum(module):
    return module_forum(module)


@pytest.fixture
def conversation(forum):
    """A topic with an experience expert's reply that the starter marked as the answer,
    another reply with a "Dit hielp mij", and a second question nobody answered yet."""
    starter = member(trusted=True, username="vraagsteller")
    expert = member(groups=[roles.EXPERIENCE_EXPERT], username="ervaringsdeskundige")
    helper = member(trusted=True, username="meedenker")
    topic = start_topic(
        forum, starter, subject=QUESTION, content="Ik weet niet waar ik moet beginnen."
    )
    answer = reply(topic, expert, ANSWER)
    other = reply(topic, helper, "Ik deed het vorig jaar ook. Het duurde **tien minuten**.")
    assert answer.approved and other.approved
    services.topic_mark_answer(post=answer, user=starter)
    services.post_mark_helpful(post=other, user=starter)
    start_topic(forum, helper, subject="Wie kent de voedselbank?", content="Hoe werkt dat?")
    topic.refresh_from_db()
    return topic


def test_reading_the_forum_on_a_phone(phone, axe, forum, conversation):
    page = phone
    page.goto("/forum/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Forum")
    expect(page.get_by_role("link", name=forum.name)).to_be_visible()
    check_page(page, axe)

    page.get_by_role("link", name=forum.name).click()
    expect(page).to_have_url(re.compile(re.escape(forum_url(forum)) + "$"))
    expect(page.get_by_role("link", name=QUESTION)).to_be_visible()
    check_page(page, axe)

    page.get_by_role("link", name=QUESTION).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION)
    expect(page.get_by_text("Ervaringsdeskundige", exact=True)).to_be_visible()
    expect(page.get_by_text("Dit antwoord hielp de vraagsteller het meest")).to_be_visible()
    expect(page.get_by_text("beantwoord", exact=True)).to_be_visible()
    expect(page.get_by_text("Dit hielp 1 mens.")).to_be_visible()
    check_page(page, axe)

    page.get_by_role("link", name="Help iemand vandaag").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Help iemand vandaag")
    expect(page.get_by_role("link", name="Wie kent de voedselbank?")).to_be_visible()
    check_page(page, axe)


def test_asking_a_question_on_a_phone(phone, axe, forum, conversation):
    member(trusted=True, username="schrijver")
    page = phone
    log_in(page, "schrijver")

    # The topic page, signed in: follow, "Dit hielp mij" and report controls, reply form.
    page.goto(topic_url(conversation))
    expect(page.get_by_label("Je bericht")).to_be_visible()
    check_page(page, axe)

    page.goto(new_topic_url(forum))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag het aan anderen")
    check_page(page, axe)

    # The privacy nudge: the form comes back with a warning and two choices.
    page.get_by_label("Je vraag in één zin").fill("Mag ik iemand bellen over mijn schulden?")
    page.get_by_label("Je bericht").fill("Bel me gerust op 06-12345678, dat is makkelijker.")
    page.get_by_role("button", name="Plaats je vraag").click()
    nudge = page.locator("#privacy-check")
    expect(nudge).to_be_visible()
    expect(nudge).to_contain_text("06-12345678")
    expect(page.get_by_role("button", name="Toch plaatsen zoals het is")).to_be_visible()
    check_page(page, axe)

    page.get_by_label("Je bericht").fill("Wie kan mij helpen met mijn schulden?")
    page.get_by_role("button", name="Ik heb het aangepast, plaatsen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Mag ik iemand bellen over mijn schulden?"
    )
    expect(page.get_by_text("Wie kan mij helpen met mijn schulden?")).to_be_visible()
    check_page(page, axe)

    # A post with signs of crisis: the writer sees it next to the help lines.
    page.goto(new_topic_url(forum))
    page.get_by_label("Je vraag in één zin").fill("Ik weet het niet meer")
    page.get_by_label("Je bericht").fill("Ik denk soms aan zelfmoord. Wie kan ik bellen?")
    page.get_by_role("button", name="Plaats je vraag").click()
    expect(page).to_have_url(re.compile(r"/forum/bericht/\d+/geplaatst/$"))
    crisis = page.get_by_role("note")
    expect(crisis).to_be_visible()
    expect(crisis).to_contain_text("113")
    expect(page.get_by_text("Ik denk soms aan zelfmoord. Wie kan ik bellen?")).to_be_visible()
    check_page(page, axe)


def test_replying_with_the_keyboard_alone(phone, axe, forum, conversation):
    member(trusted=True, username="toetsenbord")
    page = phone
    log_in(page, "toetsenbord")
    page.goto(topic_url(conversation))
    text = "Bedankt! Ik heb het net ook aangevraagd."

    tab_to(page, 'el.id === "id_content"')
    page.keyboard.type(text)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Plaats je reactie"
    page.keyboard.press("Enter")

    reply_post = page.locator("article.post", has_text=text)
    expect(reply_post).to_be_visible()
    expect(reply_post).to_contain_text("toetsenbord")
    expect(page).to_have_url(re.compile(r"\?post=\d+#bericht-\d+$"))
    check_page(page, axe)


def test_reporting_moderating_and_mijn_forum_on_a_phone(phone, axe, forum, conversation):
    page = phone
    reporter = member(trusted=True, username="melder")
    member(groups=[roles.MODERATOR], username="moderator")
    log_in(page, reporter.username)
    page.goto(topic_url(conversation))
    page.get_by_role("link", name="Melden").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bericht melden")
    check_page(page, axe)
    page.get_by_role("button", name="Melden").click()  # no reason chosen yet
    summary = page.locator("form [data-error-summary]")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Wat is er aan de hand?: Kies wat er aan de hand is.").click()
    expect(page.get_by_label("Onvriendelijk of kwetsend")).to_be_focused()
    check_page(page, axe)
    page.get_by_label("Onvriendelijk of kwetsend").check()
    page.get_by_role("button", name="Melden").click()
    expect(page.get_by_text("Dank je voor je melding")).to_be_visible()

    page.goto("/forum/mijn-forum/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn forum")
    check_page(page, axe)

    log_out(page)
    log_in(page, "moderator")
    page.goto("/forum/meldingen/")
    expect(page.get_by_text("Onvriendelijk of kwetsend")).to_be_visible()
    check_page(page, axe)
    page.get_by_role("button", name="Verbergen").first.click()
    expect(page.get_by_text("Het bericht is verborgen.")).to_be_visible()

    from forum.notifications import unsubscribe_token

    page.goto(f"/forum/afmelden/{unsubscribe_token(user_id=reporter.pk, subscription_id=None)}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Wil je geen mail meer over het forum?"
    )
    check_page(page, axe)
    page.get_by_role("button", name="Ja, meld me af").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent afgemeld")
    check_page(page, axe)


def test_editing_a_post_on_a_phone(phone, axe, forum, conversation):
    page = phone
    log_in(page, "vraagsteller")
    page.goto(topic_url(conversation))
    page.get_by_role("link", name="Aanpassen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bericht aanpassen")
    check_page(page, axe)
    page.get_by_label("Je bericht").fill("Ik weet nu waar ik moet beginnen.")
    page.get_by_role("button", name="Bewaar je bericht").click()
    expect(page.get_by_text("Ik weet nu waar ik moet beginnen.")).to_be_visible()
