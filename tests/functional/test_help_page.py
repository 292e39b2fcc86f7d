""" "Hulp nodig?": a page one tap from every header, with a route in steps (look it up,
ask peers, an experience expert, your own worker when you have one, the crisis lines),
and the crisis lines as numbers a phone can call, from the editors' setting."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from forum.links import new_topic_url
from forum.models import CrisisSupport

from ..factories import member, team_link, worker

pytestmark = pytest.mark.django_db

HELP = "/hulp/"


def tel_links(html: str) -> list[str]:
    return re.findall(r'href="(tel:[^"]*)"', html)


def test_every_page_header_leads_to_help(client, module):
    for path in ("/", "/leren/", module.url, "/forum/", "/account/login/"):
        html = client.get(path).content.decode()
        assert f'<a class="header-help" href="{HELP}">Hulp nodig?</a>' in html, path


def test_the_help_page_shows_the_route_in_steps(client):
    response = client.get(HELP)
    assert response.status_code == 200
    html = response.content.decode()
    route = [
        "Zoek het op",
        "Vraag het aan anderen op het forum",
        "Praat met een ervaringsdeskundige",
        "Bel of chat als het niet goed gaat",
    ]
    positions = [html.index(step) for step in route]
    assert positions == sorted(positions)
    assert f'action="{reverse("search:search")}"' in html
    assert f'href="{reverse("forum:index")}"' in html
    assert "Vraag het aan je hulpverlener" not in html


def _crisis_box(html: str) -> str:
    return html[html.index('class="crisis-box"') :]


def _top(html: str) -> str:
    """The help page above its route: what shows on the first screen."""
    return html[html.index("<h1>") : html.index('class="help-route"')]


def test_the_crisis_lines_come_from_the_editors_setting_as_tel_links(client):
    assert tel_links(_crisis_box(client.get(HELP).content.decode())) == [
        "tel:113",
        "tel:08000113",
        "tel:08002000",
        "tel:1813",
        "tel:112",
    ]
    support = CrisisSupport.load()
    support.help_lines = [
        ("help_line", {"name": "Luisterlijn", "phone": "088 0767 000", "region": "nl"}),
        ("help_line", {"name": "Chat", "phone": "", "url": "https://example.org", "region": "nl"}),
        ("help_line", {"name": "Buitenland", "phone": "+31 88 0767 000", "region": "all"}),
    ]
    support.save()
    html = client.get(HELP).content.decode()
    assert tel_links(_crisis_box(html)) == ["tel:0880767000", "tel:+31880767000"]
    assert '<a href="tel:0880767000">088 0767 000</a>' in html
    assert "Luisterlijn" in html and "113 Zelfmoordpreventie" not in html
    assert tel_links(_top(html)) == ["tel:0880767000"]

    # A first line without a number: the top offers the first one that has one.
    support.help_lines = [
        ("help_line", {"name": "Chat", "phone": "", "url": "https://example.org", "region": "nl"}),
        ("help_line", {"name": "Buitenland", "phone": "+31 88 0767 000", "region": "all"}),
    ]
    support.save()
    assert tel_links(_top(client.get(HELP).content.decode())) == ["tel:+31880767000"]


def test_a_crisis_line_can_be_called_from_the_top_of_the_help_page(client):
    """Issue 15 (journeys): the numbers were only at the end of the route, below the first
    screen on a phone and on a laptop, so someone in distress needed a third tap (or to
    scroll) after "Hulp nodig?". The first line with a number is now at the top."""
    top = _top(client.get(HELP).content.decode())
    assert tel_links(top) == ["tel:113", "tel:08000113"]
    assert "113 Zelfmoordpreventie" in top
    assert 'href="#crisis-kop"' in top  # and the way to all the lines


def test_a_client_with_a_worker_is_pointed_to_them_and_nobody_else_is():
    client_user = member(display_name="Anna")
    helper = worker(display_name="Bas de Hulpverlener")
    ended = worker(display_name="Carla Gestopt")
    team_link(client_user, helper)
    old = team_link(client_user, ended)
    old.ended_at = old.created_at
    old.save()

    browser = Client()
    browser.force_login(client_user)
    html = browser.get(HELP).content.decode()
    assert "Vraag het aan je hulpverlener" in html
    assert "Bas de Hulpverlener" in html
    assert "Carla Gestopt" not in html
    assert f'href="{reverse("team:home")}"' in html
    assert html.index("Praat met een ervaringsdeskundige") < html.index("Bas de Hulpverlener")
    assert html.index("Bas de Hulpverlener") < html.index("Bel of chat als het niet goed gaat")

    # Someone without a worker, and the worker (nobody's client) see no such step.
    for reader in (member(), helper):
        browser.force_login(reader)
        assert "Vraag het aan je hulpverlener" not in browser.get(HELP).content.decode()


def test_the_writer_of_a_worrying_post_sees_callable_help_lines_above_the_thanks(client, forum):
    client.force_login(member())  # a new member: the post waits for a moderator
    response = client.post(
        new_topic_url(forum),
        {"subject": "Een vraag", "content": "Soms denk ik aan zelfmoord."},
        follow=True,
    )
    html = response.content.decode()
    assert "tel:113" in tel_links(html)
    assert html.index('class="crisis-box"') < html.index("Dank je! Je bericht is ontvangen.")
