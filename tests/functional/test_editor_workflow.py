"""A real editorial team on the shipped demo content: the editor (redacteur) writes and
submits, the approver (eindredacteur) publishes through Wagtail's approval step."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Workflow

from accounts import roles
from accounts.models import User
from learning.models import StepPage

from ..editing import step_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_team():
    call_command("load_demo", "--with-users", stdout=io.StringIO())
    editor, approver = Client(), Client()
    editor.force_login(User.objects.get(username="demo-redacteur"))
    approver.force_login(User.objects.get(username="demo-eindredacteur"))
    return editor, approver


def _step() -> StepPage:
    return StepPage.objects.get(slug="inkomsten")


def _approve_url(step: StepPage) -> str:
    task_state = step.current_workflow_task_state
    return f"/beheer/pages/workflow/action/{step.pk}/approve/{task_state.pk}/"


def test_learning_pages_go_through_the_eindredactie(demo_team):
    workflow = Workflow.objects.get(workflow_pages__page=Page.get_first_root_node())
    [task] = [task.specific for task in workflow.tasks.all()]
    assert workflow.active and task.active
    assert [group.name for group in task.groups.all()] == [roles.APPROVER]
    assert _step().get_workflow() == workflow


def test_the_editor_cannot_publish_but_can_submit(demo_team, client):
    editor, _approver = demo_team
    step = _step()
    live_title = step.title
    edit = f"/beheer/pages/{step.pk}/edit/"

    editor.post(
        edit,
        step_form_data(step, title="Wat komt er elke maand binnen?")
        | {"action-publish": "action-publish"},
    )
    assert client.get(step.url).content.decode().count("Wat komt er elke maand binnen?") == 0
    assert StepPage.objects.get(pk=step.pk).title == live_title
    assert not step.permissions_for_user(User.objects.get(username="demo-redacteur")).can_publish()

    response = editor.post(
        edit,
        step_form_data(step, title="Wat komt er elke maand binnen?")
        | {"action-submit": "action-submit"},
    )
    assert response.status_code == 302
    step = _step()
    assert step.workflow_in_progress
    assert step.current_workflow_task.name == "Goedkeuring eindredactie"
    # Submitting is not publishing: the learner still reads what was live.
    assert live_title in client.get(step.url).content.decode()
    # And the editor cannot approve it: Wagtail sends them away (to the dashboard, with
    # a message) and the change still waits for the eindredactie.
    refused = editor.post(_approve_url(step), {"comment": ""})
    assert refused.status_code == 302 and refused["Location"] == "/beheer/"
    assert _step().workflow_in_progress
    assert live_title in client.get(step.url).content.decode()


def test_the_eindredacteur_approves_and_the_step_goes_live(demo_team, client):
    editor, approver = demo_team
    step = _step()
    editor.post(
        f"/beheer/pages/{step.pk}/edit/",
        step_form_data(step, title="Wat komt er elke maand binnen?")
        | {"action-submit": "action-submit"},
    )

    response = approver.post(_approve_url(_step()), {"comment": "Helder, dank je."})
    assert response.status_code == 302
    step = _step()
    assert not step.workflow_in_progress
    assert step.title == "Wat komt er elke maand binnen?"
    assert "Wat komt er elke maand binnen?" in client.get(step.url).content.decode()
