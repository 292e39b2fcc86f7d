"""Every topic has an icon and a colour the editors choose, shown wherever the topic is:
the home page's cards, the learning index, a module, a step's header and the forum index."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from learning.models import Topic, TopicColour, TopicIcon

from ..factories import TopicFactory, make_module, module_forum, steps_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def wallet_module():
    topic = TopicFactory(name="Geld & budget", icon=TopicIcon.WALLET, colour=TopicColour.OCHRE)
    module = make_module(topic=topic, steps=2)
    module_forum(module)
    return module


def _icons(html: str) -> list:
    return BeautifulSoup(html, "html.parser").select("svg.topic-icon")


def _coloured(html: str, colour: str) -> list:
    return BeautifulSoup(html, "html.parser").select(f".topic-{colour}")


def test_the_topic_icon_and_colour_show_wherever_the_topic_is(client, wallet_module):
    step = steps_of(wallet_module)[0]
    for url in ("/", "/leren/", wallet_module.url, step.url, "/forum/"):
        html = client.get(url).content.decode()
        icons = _icons(html)
        assert [icon["data-icon"] for icon in icons][:1] == ["wallet"], url
        assert _coloured(html, "ochre"), url


def test_an_icon_beside_the_topic_name_is_hidden_and_one_alone_is_named(client, wallet_module):
    step = steps_of(wallet_module)[0]
    # Beside the name (the index's topic heading, the module's breadcrumb, the forum's
    # category heading): decorative. Alone (a module's card, a step's header): named.
    for url in ("/leren/", wallet_module.url, "/forum/"):
        icon = _icons(client.get(url).content.decode())[0]
        assert icon["aria-hidden"] == "true", url
        assert "role" not in icon.attrs and "aria-label" not in icon.attrs, url
    for url in ("/", step.url):
        icon = _icons(client.get(url).content.decode())[0]
        assert (icon["role"], icon["aria-label"]) == ("img", "Geld & budget"), url
        assert "aria-hidden" not in icon.attrs, url


def test_a_topic_without_an_icon_shows_none(client):
    module = make_module(topic=TopicFactory(icon=""), steps=1)
    html = client.get(module.url).content.decode()
    assert _icons(html) == []
    assert _coloured(html, TopicColour.TEAL)  # the default colour


def test_an_editor_changing_the_icon_changes_every_page(client, wallet_module):
    step = steps_of(wallet_module)[0]
    urls = ("/", "/leren/", wallet_module.url, step.url, "/forum/")
    for url in urls:  # fill the catalog, the page cache and the forum index
        Client().get(url)
    topic = Topic.objects.get(pk=wallet_module.topic_id)
    topic.icon = TopicIcon.BRIEFCASE
    topic.colour = TopicColour.PLUM
    topic.save()
    for url in urls:
        html = Client().get(url).content.decode()
        assert _icons(html)[0]["data-icon"] == "briefcase", url
        assert _coloured(html, "plum") and not _coloured(html, "ochre"), url


def test_the_icons_are_small(client, wallet_module):
    # Inline on every page that shows topics: together a few kilobytes at most.
    html = client.get("/leren/").content.decode()
    icons = _icons(html)
    assert icons
    assert all(len(str(icon)) < 700 for icon in icons)
