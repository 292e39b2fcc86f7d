"""Low-data mode: asked for with the browser's ``Save-Data: on`` or the switch in the
footer (a cookie). Pages then carry no icons and no optional script, and no cache ever
serves one variant to a reader who asked for the other."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from core.lowdata import COOKIE_NAME
from learning.models import TopicIcon

from ..factories import TopicFactory, make_module, member, module_forum, steps_of

pytestmark = pytest.mark.django_db

SAVE_DATA = {"HTTP_SAVE_DATA": "on"}


@pytest.fixture
def step():
    module = make_module(topic=TopicFactory(icon=TopicIcon.APPLE), steps=2)
    module_forum(module)
    return steps_of(module)[0]


def _has_icons(html: str) -> bool:
    return bool(BeautifulSoup(html, "html.parser").select("svg.topic-icon"))


def _scripts(html: str) -> list[str]:
    return [s["src"] for s in BeautifulSoup(html, "html.parser").select("script[src]")]


def _low_data_client(choice: str) -> Client:
    visitor = Client()
    visitor.cookies[COOKIE_NAME] = choice
    return visitor


def test_save_data_drops_the_icons_and_the_optional_script_but_not_the_offline_queue(step):
    normal = Client().get(step.url).content.decode()
    low = Client(**SAVE_DATA).get(step.url).content.decode()
    assert _has_icons(normal) and not _has_icons(low)
    assert any("read-aloud" in src for src in _scripts(normal))
    assert not any("read-aloud" in src for src in _scripts(low))
    # The service worker (offline reading, the queue of a step's actions) and site.js
    # (the quick exit, the menu, the error summary) are core: kept.
    for script in ("offline", "site"):
        assert any(f"js/{script}" in src for src in _scripts(low)), script


@pytest.mark.parametrize("path", ["/", "/leren/", "module", "step", "/forum/", "/hulp/"])
def test_every_page_varies_on_save_data_and_the_cookie(step, path):
    url = {"step": step.url, "module": step.get_parent().url}.get(path, path)
    for visitor in (Client(), Client(**SAVE_DATA)):
        for _ in range(2):  # a fresh render, then the anonymous page cache
            vary = {v.strip() for v in visitor.get(url)["Vary"].split(",")}
            assert {"Save-Data", "Cookie"} <= vary, url


@pytest.mark.parametrize("first", ["normal", "low"])
def test_the_anonymous_page_cache_keeps_the_variants_apart(step, first):
    readers = {
        "normal": Client,
        "low": lambda: Client(**SAVE_DATA),
        "low by cookie": lambda: _low_data_client("aan"),
        "normal by cookie despite the header": lambda: _low_data_client("uit"),
    }
    order = [first, *(name for name in readers if name != first)]
    seen = {}
    for _ in range(2):
        for name in order:
            if name == "normal by cookie despite the header":
                visitor = readers[name]()
                html = visitor.get(step.url, **SAVE_DATA).content.decode()
            else:
                html = readers[name]().get(step.url).content.decode()
            seen.setdefault(name, set()).add(_has_icons(html))
    assert seen == {
        "normal": {True},
        "low": {False},
        "low by cookie": {False},
        "normal by cookie despite the header": {True},
    }


@pytest.mark.parametrize("first", ["normal", "low"])
def test_the_cached_forum_index_keeps_the_variants_apart(step, first):
    reader = member()
    visitors = {}
    for name, extra in (("normal", {}), ("low", SAVE_DATA)):
        visitor = Client(**extra)
        visitor.force_login(reader)  # signed in: the page cache is off, the fragment shared
        visitors[name] = visitor
    order = [first, "low" if first == "normal" else "normal"]
    seen: dict[str, set[bool]] = {"normal": set(), "low": set()}
    for _ in range(2):  # rendered and kept, then from the cache
        for name in order:
            seen[name].add(_has_icons(visitors[name].get("/forum/").content.decode()))
    assert seen == {"normal": {True}, "low": {False}}


def test_the_switch_stores_the_choice_and_returns_to_the_page(client, step):
    response = client.post(reverse("low_data"), {"weinig_data": "aan", "next": step.url})
    assert response.status_code == 302 and response["Location"] == step.url
    assert response.cookies[COOKIE_NAME].value == "aan"
    html = client.get(step.url).content.decode()
    assert not _has_icons(html)
    form = BeautifulSoup(html, "html.parser").select_one("form.low-data-switch")
    assert form.select_one("button[name=weinig_data]")["value"] == "uit"

    client.post(reverse("low_data"), {"weinig_data": "uit", "next": step.url})
    assert _has_icons(client.get(step.url, **SAVE_DATA).content.decode())


def test_the_switch_works_for_a_signed_in_reader(signed_in, step):
    signed_in.post(reverse("low_data"), {"weinig_data": "aan", "next": step.url})
    assert not _has_icons(signed_in.get(step.url).content.decode())


def test_the_switch_refuses_what_it_does_not_know(client, step):
    response = client.post(reverse("low_data"), {"weinig_data": "misschien", "next": step.url})
    assert response.status_code == 400
    assert COOKIE_NAME not in response.cookies
    assert "Kies" in response.content.decode()
    assert client.get(reverse("low_data")).status_code == 405


def test_the_switch_never_sends_the_reader_elsewhere(client, step):
    response = client.post(
        reverse("low_data"), {"weinig_data": "aan", "next": "https://elders.example/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
