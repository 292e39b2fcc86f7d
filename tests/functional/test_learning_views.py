"""Learner views: status codes, permissions, bad input and what each page shows."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import User
from learning.learners import SESSION_KEY
from learning.models import ModulePage, StepPage, StepProgress

pytestmark = pytest.mark.django_db


def test_learning_index_lists_topic_and_module(client, module):
    response = client.get("/leren/")
    assert response.status_code == 200
    html = response.content.decode()
    assert module.title in html
    assert module.topic.name in html


def test_module_page_shows_steps_statements_and_start(client, module, steps):
    response = client.get(module.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Begin met stap 1" in html
    assert steps[0].url in html
    assert "Ik kan ding 0" in html


def test_step_page_renders_blocks_and_done_form(client, steps):
    response = client.get(steps[0].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stap 1 van 3" in html
    assert "Klaar met deze stap" in html
    assert 'name="item" value="item-1-a"' in html
    assert 'value="option-1-right"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "data-read-aloud" in html


def test_unknown_step_is_404(client, module):
    assert client.get(module.url + "bestaat-niet/").status_code == 404


def test_unpublished_step_is_404(client, steps):
    steps[1].unpublish()
    assert client.get(steps[1].url).status_code == 404


def test_a_read_step_page_follows_publishing_not_drafts(signed_in, steps):
    # Read once, the page is cached (learning.selectors._live_page) under the content
    # version: a publish or unpublish is seen at once, a draft never.
    assert signed_in.get(steps[0].url).status_code == 200
    steps[0].title = "Nieuwe titel"
    steps[0].save_revision().publish()
    assert "Nieuwe titel" in signed_in.get(steps[0].url).content.decode()

    steps[0].title = "Nog niet klaar"
    steps[0].save_revision()  # a draft
    html = signed_in.get(steps[0].url).content.decode()
    assert "Nieuwe titel" in html and "Nog niet klaar" not in html

    steps[0].unpublish()
    assert signed_in.get(steps[0].url).status_code == 404


def test_step_under_unpublished_module_is_404(client, module, steps):
    url = steps[0].url
    module.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("action", ["klaar/", "afvinken/", "antwoord/"])
def test_get_on_post_only_endpoint_is_405(client, steps, action):
    response = client.get(steps[0].url + action)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_anonymous_mark_done_goes_to_next_step_and_is_kept_in_session(client, steps):
    response = client.post(steps[0].url + "klaar/")
    assert response.status_code == 302
    assert response["Location"] == steps[1].url
    assert client.session[SESSION_KEY][str(steps[0].pk)]["completed_at"]
    assert not StepProgress.objects.exists()


def test_double_submit_is_one_completion(signed_in, learner_user, steps):
    signed_in.post(steps[0].url + "klaar/")
    first = StepProgress.objects.get(user=learner_user, step=steps[0]).completed_at
    response = signed_in.post(steps[0].url + "klaar/")
    assert response.status_code == 302
    rows = StepProgress.objects.filter(user=learner_user, step=steps[0])
    assert rows.count() == 1
    assert rows.get().completed_at == first


def test_last_step_done_returns_to_module(signed_in, module, steps):
    for step in steps:
        response = signed_in.post(step.url + "klaar/")
    assert response["Location"] == module.url + "#wat-je-kunt"


def test_checklist_ticks_are_saved(signed_in, learner_user, steps):
    response = signed_in.post(
        steps[0].url + "afvinken/", {"checklist": "checklist-1", "item": ["item-1-b"]}
    )
    assert response.status_code == 302
    progress = StepProgress.objects.get(user=learner_user, step=steps[0])
    assert progress.checklist == ["checklist-1:item-1-b"]
    assert 'value="item-1-b" id="c-checklist-1-item-1-b" checked' in (
        signed_in.get(steps[0].url).content.decode()
    )


@pytest.mark.parametrize(
    "data",
    [
        {"checklist": "checklist-1", "item": ["bestaat-niet"]},
        {"checklist": "geen-checklist", "item": ["item-1-a"]},
        {"checklist": "question-1", "item": ["option-1-right"]},
    ],
)
def test_invalid_checklist_item_is_400_and_stores_nothing(signed_in, steps, data):
    response = signed_in.post(steps[0].url + "afvinken/", data)
    assert response.status_code == 400
    assert "Er is niets veranderd" in response.content.decode()
    assert not StepProgress.objects.exclude(checklist=[]).exists()


def test_answer_shows_kind_feedback(signed_in, steps):
    response = signed_in.post(
        steps[0].url + "antwoord/", {"question": "question-1", "option": "option-1-wrong"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#vraag-question-1")
    html = signed_in.get(steps[0].url).content.decode()
    assert "<p>Bijna: het is Dienst Toeslagen.</p>" in html  # the editor's words, once


@pytest.mark.parametrize(
    "data",
    [
        {"question": "question-1", "option": "option-2-right"},
        {"question": "question-1"},
        {"question": "checklist-1", "option": "item-1-a"},
    ],
)
def test_invalid_answer_is_400_and_stores_nothing(signed_in, steps, data):
    response = signed_in.post(steps[0].url + "antwoord/", data)
    assert response.status_code == 400
    assert not StepProgress.objects.exclude(answers={}).exists()


def test_post_without_csrf_token_is_refused(steps):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(steps[0].url + "klaar/").status_code == 403


def test_my_progress_for_anonymous_and_signed_in(client, signed_in, steps):
    anonymous = client.get(reverse("my_progress"))
    assert anonymous.status_code == 200
    signed_in.post(steps[0].url + "klaar/")
    html = signed_in.get(reverse("my_progress")).content.decode()
    assert "1 van 3 stappen gedaan" in html
    assert "Dit kun je al" not in html  # statement 0 is taught by steps 1 and 3
    signed_in.post(steps[2].url + "klaar/")
    html = signed_in.get(reverse("my_progress")).content.decode()
    assert "2 van 3 stappen gedaan" in html
    assert "Dit kun je al" in html
    assert "Ik kan ding 0" in html
    assert "Ik kan ding 1" not in html


def test_home_offers_continue_after_progress(signed_in, steps):
    signed_in.post(steps[0].url + "klaar/")
    html = signed_in.get("/").content.decode()
    assert "Ga verder waar je was" in html
    assert steps[1].url in html


def _home_section(html: bytes, heading: str):
    from bs4 import BeautifulSoup

    found = BeautifulSoup(html, "html.parser").find("h2", string=heading)
    return found.find_parent("section") if found else None


@pytest.mark.parametrize("signed_in_as", [None, "learner"], ids=["visitor", "member"])
def test_home_points_to_the_forum_and_to_inviting_your_own_worker(
    client, module, learner_user, signed_in_as
):
    """Issue 14: the home page only spoke of modules; the forum and the team are the network."""
    if signed_in_as:
        client.force_login(learner_user)
    html = client.get("/").content
    forum = _home_section(html, "Vraag het aan anderen")
    assert forum is not None and "Ervaringsdeskundigen denken mee" in forum.get_text()
    assert forum.find("a", href=reverse("forum:index"))
    team = _home_section(html, "Werk samen met je hulpverlener")
    assert team is not None and "Jij kiest wat die mag zien" in team.get_text()
    invite = reverse("team:invitation_new")
    assert team.find("a", href=invite)
    # The links lead somewhere: the forum for everyone, the invitation after signing in.
    assert client.get(reverse("forum:index")).status_code == 200
    response = client.get(invite)
    if signed_in_as:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and "login" in response["Location"]


def test_step_page_in_english_keeps_dutch_content_marked(english_client, steps):
    html = english_client.get(steps[0].url).content.decode()
    assert '<html lang="en">' in html
    assert "finished this step" in html
    assert 'id="stap-inhoud" class="step-body" lang="nl"' in html


def test_renamed_step_is_routed_at_its_new_url_only(client, steps):
    old_url = steps[0].url
    client.get(old_url)  # caches the catalog and the anonymous page
    steps[0].slug = "nieuwe-naam"
    steps[0].save_revision().publish()
    new_url = StepPage.objects.get(pk=steps[0].pk).url
    assert new_url.endswith("/nieuwe-naam/")
    assert client.get(old_url).status_code == 404
    assert client.get(new_url).status_code == 200


def test_dutch_by_default_whatever_the_browser_prefers(client, steps):
    html = client.get(steps[0].url, headers={"accept-language": "en-US,en"}).content.decode()
    assert '<html lang="nl">' in html
    assert "Klaar met deze stap" in html


LEVELS = {
    "nl": {"start": "Om te beginnen", "verder": "Een stap verder"},
    "en": {"start": "To get started", "verder": "One step further"},
}


def _reader_in(language: str, *, user=None, session: bool):
    """A reader of ``language``: signed in (their saved language), or anonymous with the
    language cookie, with a session (not served from the whole-page cache) or without."""
    reader = Client()
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if user is not None:
        user.language = language
        user.save(update_fields=["language"])
        reader.force_login(user)
    elif session:
        reader.cookies[settings.SESSION_COOKIE_NAME] = "geen-sessie"  # not a first-time visitor
    return reader


@pytest.mark.parametrize(("first", "then"), [("nl", "en"), ("en", "nl")])
def test_module_level_is_in_the_readers_language_whoever_built_the_catalog(first, then):
    """Issue 15: an English reader read "Om te beginnen". The catalog (and the pages cached
    from it) is built by whoever comes first; the level must follow each reader."""
    call_command("load_demo", "--with-users")
    cache.clear()  # loading the demo built the catalog (in Dutch): the first reader builds it
    # A module of each level (the demo has both).
    modules = {page.level: page.url for page in ModulePage.objects.live()}
    modules = {url: level for level, url in modules.items()}
    assert set(modules.values()) == {"start", "verder"}
    pages = ["/leren/", *modules]
    builder = _reader_in(first, user=User.objects.get(username="demo-redacteur"), session=True)
    for url in pages:
        for reader in (builder, _reader_in(first, session=False)):
            assert reader.get(url).status_code == 200

    readers = {
        "signed in": _reader_in(then, user=User.objects.get(username="demo-client"), session=True),
        "visitor": _reader_in(then, session=True),
        "first-time visitor": _reader_in(then, session=False),
    }
    for who, reader in readers.items():
        index = reader.get("/leren/").content.decode()
        for url, level in modules.items():
            label = LEVELS[then][level]
            assert label in index, (who, label)
            html = reader.get(url).content.decode()
            assert f'<p class="meta">{label} · ' in html, (who, url)
            assert LEVELS[first][level] not in html, (who, url)
        for label in LEVELS[first].values():
            assert label not in index, (who, label)
