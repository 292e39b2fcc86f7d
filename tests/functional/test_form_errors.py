"""Forms in the design system's form field: a form that comes back with errors starts
with a summary whose links lead to the fields, and each control names its own error."""

import re

import pytest

from forum.links import reply_url

from ..factories import member, sign_up, start_topic

pytestmark = pytest.mark.django_db


def form_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<form", html.index("<main")) :]


def assert_field_in_error(html: str, field_id: str, message: str) -> None:
    control = re.search(rf"<(?:input|textarea|select)[^>]*\bid=\"{field_id}\"[^>]*>", html)
    assert control, field_id
    assert 'aria-invalid="true"' in control.group()
    assert f"{field_id}_error" in control.group()
    assert re.search(rf'id="{field_id}_error">[^<]*{re.escape(message)}', html)


def test_a_failing_sign_up_starts_with_the_error_summary(client):
    response = sign_up(client, {"username": "", "password1": "kort"})
    html = form_html(response)
    summary = html.index("data-error-summary")
    assert summary < html.index("utrecht-form-field")
    assert '<a href="#id_username">Gebruikersnaam: Dit is een verplicht veld.</a>' in html
    assert 'href="#id_password1"' in html
    assert_field_in_error(html, "id_username", "Dit is een verplicht veld.")
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in html
    assert "novalidate" in html[: html.index(">")]


def test_the_profile_form_uses_the_shared_field_and_summary(client):
    client.force_login(member())
    html = form_html(client.get("/account/profiel/"))
    assert "data-error-summary" not in html
    assert html.count('<div class="utrecht-form-field ') >= 3
    assert "utrecht-form-label" in html


def test_an_empty_reply_comes_back_with_the_summary_on_the_topic(client, forum):
    topic = start_topic(forum, member(trusted=True))
    client.force_login(member(trusted=True))
    response = client.post(reply_url(topic), {"content": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    html = html[html.index('<section id="reageren"') :]
    assert html.index("data-error-summary") < html.index("utrecht-form-field")
    assert (
        '<a href="#id_content">Je bericht: Je bericht is nog leeg. Schrijf eerst iets.</a>' in html
    )
    assert_field_in_error(html, "id_content", "Je bericht is nog leeg.")
