"""Search on a phone (360 px): the header box and the forum's box work with the keyboard
alone, and every search page (results, one group paged, nothing found, a module forum's
search, a worker's client search) passes axe-core without sideways scrolling."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from search.services import search_rebuild

from ..factories import (
    TopicFactory,
    complete_steps,
    make_module,
    member,
    module_forum,
    start_topic,
    steps_of,
    team_link,
    worker,
)
from .pages import check_page, log_in, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def content():
    money = TopicFactory(name="Geld en budget", slug="geld")
    module = make_module(topic=money, slug="budget", steps=2)
    forum = module_forum(module)
    asker = member(display_name="Sam", trusted=True)
    for n in range(7):
        start_topic(forum, asker, subject=f"Budget vraag {n}", content="Hoe hou ik geld over?")
    search_rebuild()
    return {"module": module, "forum": forum, "money": money}


def test_site_search_with_the_keyboard(phone, axe, content):
    page = phone
    page.goto("/leren/")
    tab_to(page, 'el.tagName === "SUMMARY"')  # the menu, where the search box is
    page.keyboard.press("Enter")
    tab_to(page, 'el.id === "zoekvak"')
    page.keyboard.type("budget")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=budget"))
    expect(page.get_by_role("heading", name=re.compile("^Forum"))).to_be_visible()
    assert page.locator("mark").count() > 0
    check_page(page, axe)

    tab_to(page, 'el.textContent.trim() === "Meer resultaten in het forum"')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"soort=forum"))
    check_page(page, axe)

    page.goto("/zoeken/?q=xylofoon")
    expect(page.get_by_role("heading", name="Modules per onderwerp")).to_be_visible()
    check_page(page, axe)


def test_a_module_forums_search(phone, axe, content):
    page = phone
    forum = content["forum"]
    page.goto(reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk}))
    tab_to(page, 'el.id === "forumzoeken"')
    page.keyboard.type("vraag 3")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zoeken in het forum")
    check_page(page, axe)


def test_a_workers_client_search(phone, axe, content):
    helper = worker(username="bas")
    anna = member(display_name="Anna")
    team_link(anna, helper)
    complete_steps(anna, steps_of(content["module"]))
    page = phone
    log_in(page, "bas")
    page.goto("/team/clienten/")
    check_page(page, axe)
    page.get_by_label("30 dagen of langer niet actief").check()
    page.get_by_role("button", name="Zoek cliënten").click()
    expect(page.get_by_text("Geen cliënten gevonden met deze keuzes.")).to_be_visible()
    check_page(page, axe)
