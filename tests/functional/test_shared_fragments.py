"""The page chrome rendered once per process (``{% shared_fragment %}``) still carries
each reader's own CSRF token, address, language and links."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory

from accounts import roles
from core.fragments import csrf_placeholder, path_placeholder

from ..factories import member

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NEXT = re.compile(r'name="next" value="([^"]*)"')


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_each_reader_gets_their_own_token_and_address():
    first, second = signed_in_client(member()), signed_in_client(member())
    first_html = first.get("/forum/").content.decode()  # renders the header
    second_html = second.get("/forum/?page=2&q=<b>").content.decode()  # from memory

    first_tokens, second_tokens = set(TOKEN.findall(first_html)), set(TOKEN.findall(second_html))
    assert first_tokens and second_tokens and not first_tokens & second_tokens
    # The header's language switch and the footer's low-data switch each send it back.
    assert NEXT.findall(first_html) == ["/forum/"] * 2
    assert NEXT.findall(second_html) == ["/forum/?page=2&amp;q=%3Cb%3E"] * 2
    for html in (first_html, second_html):
        assert csrf_placeholder() not in html and path_placeholder() not in html


def test_the_token_in_the_header_works():
    client = Client(enforce_csrf_checks=True)
    client.force_login(member())
    client.get("/forum/")  # the shared header is now in memory
    html = client.get("/leren/").content.decode()
    logout = html[html.index('action="/account/logout/"') :]
    token = TOKEN.search(logout).group(1)
    response = client.post("/account/logout/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_signed_in_anonymous_and_moderators_each_see_their_own_menu():
    anonymous = Client().get("/forum/").content.decode()
    signed_in = signed_in_client(member()).get("/forum/").content.decode()
    moderator = signed_in_client(member(groups=[roles.MODERATOR])).get("/forum/").content.decode()
    again = Client().get("/forum/").content.decode()

    assert "Inloggen" in anonymous and "Uitloggen" not in anonymous
    assert "Uitloggen" in signed_in and "Inloggen" not in signed_in
    assert "Meldingen" in moderator and "Meldingen" not in signed_in
    assert "Uitloggen" not in again


def test_each_language_has_its_own_header(english_client):
    assert "Zoeken</button>" in Client().get("/forum/").content.decode()
    english = english_client.get("/forum/").content.decode()
    assert "Search</button>" in english and "Zoeken</button>" not in english


def _render(source: str, request, **context) -> str:
    template = Template("{% load site_tags %}" + source)
    return template.render(Context({"request": request, **context}))


def test_vary_on_values_and_holes_in_the_tag():
    source = (
        '{% shared_fragment "test-fragment" colour %}{{ colour }} {% current_path %} '
        "{% csrf_input %}{% endshared_fragment %}"
    )
    request = RequestFactory().get("/een/pad/?x=1")
    red = _render(source, request, colour="rood")
    blue = _render(source, request, colour="blauw")
    assert red.startswith("rood /een/pad/?x=1 ") and blue.startswith("blauw ")
    assert TOKEN.search(red) and csrf_placeholder() not in red
    assert not hasattr(request, "path_placeholder") and not hasattr(request, "csrf_placeholder")


def test_the_tag_refuses_blocks_and_unnamed_fragments():
    with pytest.raises(TemplateSyntaxError, match="quoted name"):
        _render("{% shared_fragment header %}x{% endshared_fragment %}", None)
    with pytest.raises(TemplateSyntaxError, match="must not contain blocks"):
        _render(
            '{% shared_fragment "x" %}{% block a %}{% endblock %}{% endshared_fragment %}', None
        )
