"""The plain-language check in the editor: every step's edit form shows its reading ease,
longest sentences and long words, and a save or publish below the house threshold warns
the editor without stopping them."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from wagtail.rich_text import RichText

from accounts import roles
from learning.models import StepPage

from ..editing import step_form_data
from ..factories import UserFactory

pytestmark = pytest.mark.django_db

HARD = (
    "<p>Indien de belanghebbende gedurende de beoordelingsperiode onvoldoende medewerking "
    "verleent aan de noodzakelijke informatieverstrekking, kan de uitkeringsinstantie "
    "overgaan tot opschorting van de arbeidsongeschiktheidsuitkering.</p>"
)
EASY = "<p>Je krijgt geld van de gemeente. Dat heet bijstand. Je vraagt het aan bij het loket.</p>"


def _client_in(client, *groups):
    user = UserFactory()
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client):
    return _client_in(client, roles.EDITOR)


def _save(client, step, html, action="action-save"):
    data = step_form_data(step, body=[("text", RichText(html))]) | {action: action}
    response = client.post(f"/beheer/pages/{step.pk}/edit/", data, follow=True)
    assert response.status_code == 200
    return [str(message) for message in get_messages(response.wsgi_request)], response


def test_the_edit_form_shows_the_reading_ease(editor_client, steps):
    step = steps[0]
    step.body = [("text", RichText(HARD + EASY))]
    step.save_revision()
    html = editor_client.get(f"/beheer/pages/{step.pk}/edit/").content.decode()
    assert "Leesgemak" in html and "de grens is 65" in html
    assert "Indien de belanghebbende gedurende" in html  # the longest sentence
    assert "arbeidsongeschiktheidsuitkering" in html  # a long word
    assert "Te moeilijk" in html


def test_a_new_step_form_has_nothing_to_measure_yet(editor_client, module):
    response = editor_client.get(f"/beheer/pages/add/learning/steppage/{module.pk}/")
    assert "Nog geen tekst om te meten" in response.content.decode()


def test_saving_hard_text_warns_and_still_saves(editor_client, steps):
    messages, _response = _save(editor_client, steps[0], HARD)
    assert any("moeilijk te lezen" in message for message in messages), messages
    draft = StepPage.objects.get(pk=steps[0].pk).get_latest_revision_as_object()
    assert "belanghebbende" in str(draft.body)


def test_saving_plain_text_does_not_warn(editor_client, steps):
    messages, _response = _save(editor_client, steps[0], EASY)
    assert messages and not any("moeilijk te lezen" in message for message in messages)


def test_publishing_hard_text_warns_and_still_publishes(client, steps):
    approver = _client_in(client, roles.EDITOR, roles.APPROVER)
    messages, _response = _save(approver, steps[0], HARD, action="action-publish")
    assert any("moeilijk te lezen" in message for message in messages), messages
    assert "belanghebbende" in str(StepPage.objects.get(pk=steps[0].pk).body)


def test_the_threshold_is_a_setting(editor_client, steps, settings):
    settings.LEARNING_READING_EASE_THRESHOLD = 110  # stricter than even EASY passes
    messages, _response = _save(editor_client, steps[0], EASY)
    assert any("de grens is 110" in message for message in messages), messages
