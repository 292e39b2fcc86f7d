"""Forms in the design system's form field: a form that comes back with errors starts
with a summary whose links lead to the fields, and each control names its own error."""

import re

import pytest
from django.urls import reverse

from forum.links import reply_url
from learning.models import StepProgress
from team.models import LinkRequest

from ..factories import (
    TopicFactory,
    make_module,
    member,
    sign_up,
    start_topic,
    team_link,
    worker,
)

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


def assert_choices_in_error(html: str, field_id: str, message: str) -> None:
    """A list of radio buttons or checkboxes: its fieldset names the error."""
    fieldset = re.search(rf"<fieldset[^>]*aria-describedby=\"{field_id}_error\"[^>]*>", html)
    assert fieldset, field_id
    assert "utrecht-form-fieldset--invalid" in fieldset.group()
    assert re.search(rf'id="{field_id}_error">[^<]*{re.escape(message)}', html)
    assert re.search(rf'<input[^>]*id="{field_id}_0"[^>]*aria-invalid="true"', html)
    # Each option has one label, the form field's own (not a second one around the input).
    assert html.count(f'for="{field_id}_0"') == 1


def assert_summary_first(html: str, *links: str) -> None:
    """The summary comes before the first field, and links to each field in error."""
    assert html.index("data-error-summary") < html.index("utrecht-form-field")
    for link in links:
        assert link in html, link


def _scope_page(kind: str):
    owner, helper = member(), worker()
    if kind == "invitation_new":
        return owner, reverse("team:invitation_new"), {"scope": "kiezen"}
    if kind == "link_scope":
        link = team_link(owner, helper)
        return owner, reverse("team:link_scope", args=[link.pk]), {"scope": "kiezen"}
    link_request = LinkRequest.objects.create(client=owner, worker=helper)
    url = reverse("team:request_answer", args=[link_request.pk])
    return owner, url, {"scope": "kiezen", "antwoord": "ja"}


@pytest.mark.parametrize("kind", ["invitation_new", "link_scope", "request_answer"])
def test_a_scope_without_topics_comes_back_with_the_summary(client, kind):
    TopicFactory(name="Geld")
    owner, url, data = _scope_page(kind)
    client.force_login(owner)
    response = client.post(url, data)
    assert response.status_code == 400
    html = form_html(response)
    message = "Kies minstens één onderwerp, of kies &#x27;Alles wat ik leer&#x27;."
    assert_summary_first(html, f'<a href="#id_topics_0">Onderwerpen: {message}</a>')
    assert_choices_in_error(html, "id_topics", message)
    assert 'class="utrecht-checkbox utrecht-checkbox--html-input"' in html
    assert "utrecht-button utrecht-button--primary-action" in html


def test_a_wrong_code_comes_back_with_the_summary(client):
    client.force_login(worker())
    response = client.post(reverse("team:redeem"), {"code": ""})
    assert response.status_code == 400
    html = form_html(response)
    assert_summary_first(html, '<a href="#id_code">Code van je cliënt: Dit is een verplicht veld.')
    assert_field_in_error(html, "id_code", "Dit is een verplicht veld.")
    assert 'id="id_code_helptext"' in html
    assert html.count("data-error-summary") == 1  # the request form below has no errors


def test_a_request_without_a_username_comes_back_with_the_summary(client):
    client.force_login(worker())
    response = client.post(reverse("team:request_send"), {"username": ""})
    assert response.status_code == 400
    html = response.content.decode()
    html = html[html.index('<form method="post" action="/team/verzoek-sturen/') :]
    assert_summary_first(
        html, '<a href="#id_username">Gebruikersnaam van je cliënt: Dit is een verplicht veld.'
    )
    assert_field_in_error(html, "id_username", "Dit is een verplicht veld.")


@pytest.mark.parametrize("as_worker", [False, True])
def test_a_plan_item_with_mistakes_comes_back_with_the_summary(client, as_worker):
    owner, helper = member(), worker()
    team_link(owner, helper)
    client.force_login(helper if as_worker else owner)
    url = reverse("team:client_plan", args=[owner.pk]) if as_worker else reverse("team:plan")
    response = client.post(url, {"text": "", "who": "client", "due": "morgen"})
    assert response.status_code == 400
    html = response.content.decode()
    html = html[html.index('<section aria-labelledby="nieuw-kop">') :]
    assert_summary_first(
        html,
        '<a href="#id_text">Wat gaan we doen?: Schrijf op wat er gedaan wordt.',
        'href="#id_due"',
    )
    assert_field_in_error(html, "id_text", "Schrijf op wat er gedaan wordt.")
    assert_field_in_error(html, "id_due", "Schrijf de datum als dd-mm-jjjj")
    assert 'id="id_due_helptext"' in html
    assert 'value="morgen"' in html
    # Who does it, in the words of whoever reads the page.
    choices = ["ik (hulpverlener)", owner.public_name] if as_worker else ["ik (cliënt)"]
    for label in choices:
        assert f">{label}</label>" in html


def test_an_unknown_client_filter_comes_back_with_the_summary(client):
    client.force_login(worker())
    response = client.get(reverse("team:clients"), {"bezig": "bestaat-niet"})
    assert response.status_code == 400
    html = form_html(response)
    message = "Deze keuze kennen we niet. Kies uit de lijst."
    assert_summary_first(html, f'<a href="#id_bezig">Bezig met onderwerp: {message}</a>')
    assert_field_in_error(html, "id_bezig", message)
    assert 'class="utrecht-select utrecht-select--html-select"' in html


def test_a_report_without_a_reason_comes_back_with_the_summary(client, forum):
    topic = start_topic(forum, member(trusted=True))
    client.force_login(member())
    url = reverse("community:post_report", args=[topic.first_post_id])
    response = client.post(url, {"text": "x" * 1001})
    assert response.status_code == 400
    html = form_html(response)
    reason = '<a href="#id_reason_0">Wat is er aan de hand?: Kies wat er aan de hand is.</a>'
    assert_summary_first(html, reason, 'href="#id_text"')
    assert_choices_in_error(html, "id_reason", "Kies wat er aan de hand is.")
    assert_field_in_error(html, "id_text", "1001")


def test_an_unknown_search_topic_comes_back_with_the_summary(client):
    response = client.get(reverse("search:search"), {"q": "budget", "onderwerp": "bestaat-niet"})
    assert response.status_code == 400
    html = form_html(response)
    message = "Dit onderwerp kennen we niet. Kies een onderwerp uit de lijst."
    assert_summary_first(html, f'<a href="#id_onderwerp">Onderwerp: {message}</a>')
    assert_field_in_error(html, "id_onderwerp", message)
    assert re.search(r'<input type="search" name="q" value="budget"[^>]*id="id_q"', html)


def test_the_gap_filter_is_in_the_form_field_and_shows_what_was_understood(client):
    topic = TopicFactory(name="Geld")
    make_module(topic=topic)  # the catalog lists the topics with modules
    client.force_login(worker())
    response = client.get(reverse("team:gap"), {"onderwerp": topic.slug, "sorteer": "voortgang"})
    assert response.status_code == 200
    html = form_html(response)
    assert '<label class="utrecht-form-label" for="id_onderwerp">Onderwerp</label>' in html
    assert '<label class="utrecht-form-label" for="id_sorteer">Sorteer op</label>' in html
    assert f'<option value="{topic.slug}" selected>Geld</option>' in html
    assert '<option value="voortgang" selected>meeste modules klaar</option>' in html
    # What it does not know it leaves out, as before: no error, everything shown by name.
    unknown = form_html(client.get(reverse("team:gap"), {"onderwerp": "x", "sorteer": "y"}))
    assert '<option value="" selected>Alle onderwerpen</option>' in unknown
    assert '<option value="naam" selected>naam</option>' in unknown
    assert "data-error-summary" not in unknown


def test_the_help_today_filter_is_in_the_form_field(client, forum):
    category = forum.parent_id
    client.force_login(member())
    html = form_html(client.get(reverse("community:help_today"), {"onderwerp": category}))
    assert '<label class="utrecht-form-label" for="id_onderwerp">Onderwerp</label>' in html
    assert re.search(rf'<option value="{category}" selected>[^<]+</option>', html)
    assert 'class="utrecht-select utrecht-select--html-select"' in html


def test_a_question_sent_without_a_choice_comes_back_on_the_step_with_the_summary(signed_in, steps):
    """Not a separate error page: the step itself, the summary at the top leading to the
    question, and the question naming what to do; nothing stored."""
    response = signed_in.post(steps[0].url + "antwoord/", {"question": "question-1"})
    assert response.status_code == 400
    html = response.content.decode()
    main = html[html.index("<main") :]
    assert main.index("data-error-summary") < main.index("<h1")
    assert '<a href="#vraag-question-1-fout">Kies een van de antwoorden bij de vraag.</a>' in main
    question = main[main.index('id="vraag-question-1"') :]
    question = question[: question.index("</form>")]
    assert re.search(
        r'<fieldset[^>]*utrecht-form-fieldset--invalid[^>]*aria-describedby="vraag-question-1-fout"',
        question,
    )
    assert re.search(r'id="vraag-question-1-fout">[^<]*Kies een van de antwoorden', question)
    assert not StepProgress.objects.exclude(answers={}).exists()


def test_a_checklist_that_changed_comes_back_on_the_step_saying_nothing_changed(signed_in, steps):
    response = signed_in.post(
        steps[0].url + "afvinken/", {"checklist": "checklist-1", "item": ["bestaat-niet"]}
    )
    assert response.status_code == 400
    main = response.content.decode()
    main = main[main.index("<main") :]
    assert main.index("data-error-summary") < main.index("<h1")
    assert "Een van de punten staat niet (meer) in deze checklist." in main
    assert "Er is niets veranderd" in main
    checklist = main[main.index('id="checklist-checklist-1"') :]
    assert 'id="checklist-checklist-1-fout"' in checklist[: checklist.index("</form>")]
    assert not StepProgress.objects.exclude(checklist=[]).exists()
