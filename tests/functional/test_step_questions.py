"""A step's "Vraag het aan anderen" on the demo content: the step lists the questions asked
from it, or says honestly that there are none yet and shows the module's newest questions
under their own heading; a question started from a step begins in plain words."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from machina.core.db.models import get_model

from accounts.models import User
from forum.links import new_topic_url
from forum.markup import render
from forum.models import ModuleForum
from learning.models import StepPage

pytestmark = pytest.mark.django_db

Topic = get_model("forum_conversation", "Topic")


def _section(client, url):
    html = client.get(url).content
    return BeautifulSoup(html, "html.parser").find("section", class_="module-forum")


def _listed(section, heading: str) -> list[str] | None:
    """The subjects listed under ``heading`` in the section, or None without that heading."""
    found = section.find("h3", string=heading)
    if found is None:
        return None
    return [a.get_text(strip=True) for a in found.find_next_sibling("ul").find_all("a")]


def test_a_step_lists_its_own_questions_or_says_there_are_none(client):
    call_command("load_demo", "--with-users")
    with_questions = without = 0
    for step in StepPage.objects.live().specific():
        module = step.get_parent()
        topics = Topic.objects.filter(
            forum=ModuleForum.objects.get(module=module).forum, approved=True
        ).order_by("-last_post_on", "-pk")
        asked_here = [t.subject for t in topics.filter(meta__step=step)][:3]
        section = _section(client, step.url)
        if asked_here:
            with_questions += 1
            assert _listed(section, "Vragen over deze stap") == asked_here, step.slug
            assert "Nog geen vragen over deze stap" not in section.get_text()
            # Only this step's questions: no other question of the module is listed.
            others = {t.subject for t in topics.exclude(meta__step=step)}
            shown = {a.get_text(strip=True) for a in section.select("ul a")}
            assert not shown & others, step.slug
        else:
            without += 1
            assert _listed(section, "Vragen over deze stap") is None
            assert "Nog geen vragen over deze stap." in section.get_text()
            recent = [t.subject for t in topics[:3]]
            assert _listed(section, "Nieuwste vragen over deze module") == recent, step.slug
        assert section.find("a", string="Alle vragen over deze module")
    # The demo content has both kinds of step.
    assert with_questions and without

    # The module page still shows the whole module's questions.
    module = StepPage.objects.live().first().get_parent()
    section = _section(client, module.url)
    assert _listed(section, "Nieuwste vragen")


def test_a_question_from_a_step_starts_in_plain_words(client):
    call_command("load_demo", "--with-users")
    step = StepPage.objects.live().get(slug="geld-over-of-tekort")
    forum = ModuleForum.objects.get(module=step.get_parent()).forum
    client.force_login(User.objects.get(username="demo-client"))
    html = client.get(new_topic_url(forum), {"stap": step.pk}).content
    textarea = BeautifulSoup(html, "html.parser").find("textarea", attrs={"name": "content"})
    prefilled = textarea.get_text().strip()
    # The step's title in words a person writes, no Markdown link to read around.
    assert prefilled == "Mijn vraag gaat over de stap “Hou je geld over?”."
    assert render(prefilled) == f"<p>{prefilled}</p>"
