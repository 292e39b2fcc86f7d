"""A person's own data on a phone (360 px): the download page and the delete page pass
axe-core and don't scroll sideways; the data downloads as one file; the account can be
deleted with the keyboard alone."""

import json
import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from forum.links import topic_url

from ..factories import PASSWORD, make_module, member, module_forum, reply, start_topic
from .pages import check_page, log_in, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = "Hoe vraag ik bijzondere bijstand aan?"


@pytest.fixture
def person():
    """Someone with a question on the forum that someone else answered."""
    forum = module_forum(make_module(steps=2))
    me = member(trusted=True, username="zonnebloem", display_name="Zon")
    topic = start_topic(forum, me, subject=QUESTION, content="Ik weet niet waar ik moet zijn.")
    reply(topic, member(trusted=True, username="helper"), "Bij de gemeente, via het loket.")
    return me


def test_downloading_my_data_on_a_phone(phone, axe, person):
    page = phone
    log_in(page, person.username)
    page.goto("/account/profiel/")
    expect(page.get_by_role("heading", name="Jouw gegevens")).to_be_visible()
    check_page(page, axe)

    page.get_by_role("link", name="Download al je gegevens").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gegevens downloaden")
    check_page(page, axe)

    with page.expect_download() as info:
        page.get_by_role("button", name="Download mijn gegevens").click()
    download = info.value
    assert re.fullmatch(
        r"samenredzaam-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename
    )
    with open(download.path(), encoding="utf-8") as file:
        data = json.load(file)
    assert data["account"]["username"] == "zonnebloem"
    assert [topic["subject"] for topic in data["forum"]["topics_started"]] == [QUESTION]


def test_the_delete_page_on_a_phone_with_and_without_an_error(phone, axe, person):
    page = phone
    log_in(page, person.username)
    page.goto("/account/verwijderen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account verwijderen")
    expect(page.get_by_role("radio", name=re.compile("Laat mijn berichten staan"))).to_be_checked()
    check_page(page, axe)

    page.get_by_label("Je wachtwoord").fill("niet-goed")
    page.get_by_role("button", name="Verwijder mijn account").click()
    expect(page.locator("#id_password_error")).to_have_text(
        "Dit wachtwoord klopt niet. Probeer het nog eens."
    )
    expect(page.get_by_label("Je wachtwoord")).to_have_attribute("aria-invalid", "true")
    check_page(page, axe)
    assert User.objects.filter(pk=person.pk).exists()


def test_deleting_my_account_with_the_keyboard_alone(phone, axe, person, live_server):
    page = phone
    log_in(page, person.username)
    topic = person.topic_set.get()
    page.goto("/account/verwijderen/")

    tab_to(page, 'el.name === "posts"')
    page.keyboard.press("ArrowDown")  # "Haal al mijn berichten weg"
    expect(page.get_by_role("radio", name="Haal al mijn berichten weg")).to_be_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Verwijder mijn account"
    page.keyboard.press("Enter")

    expect(page.get_by_text("Je account is verwijderd. Bedankt dat je er was.")).to_be_visible()
    expect(page.get_by_role("link", name="Inloggen", include_hidden=True)).to_have_count(1)
    check_page(page, axe)
    assert not User.objects.filter(pk=person.pk).exists()
    assert page.goto(live_server.url + topic_url(topic)).status == 404
