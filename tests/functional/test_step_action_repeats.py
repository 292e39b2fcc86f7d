"""A step's actions sent twice are one action: the service worker sends what a learner
did offline once the connection returns, and may send it again when the answer to the
first try was lost. The server treats the repeat as the same request: it changes nothing
(no row, no timestamp, no summary, no search entry, no second congratulation)."""

import pytest
from django.core import mail

from learning.learners import SESSION_KEY
from learning.models import ModuleCompletion, ModuleSummary, StatementAchieved, StepProgress
from search.models import OutboxEntry

pytestmark = pytest.mark.django_db

# The action's path under the step, and what it sends on step ``n`` (ids from step_body).
ACTIONS = {
    "klaar": lambda n: ("klaar/", {}),
    "vinkjes": lambda n: (
        "afvinken/",
        {"checklist": f"checklist-{n}", "item": [f"item-{n}-a", f"item-{n}-b"]},
    ),
    "antwoord": lambda n: (
        "antwoord/",
        {"question": f"question-{n}", "option": f"option-{n}-right"},
    ),
}


def _everything_of(user) -> dict:
    """What a learner's step actions can change, in the database and the mail."""
    return {
        "progress": list(StepProgress.objects.filter(user=user).order_by("step_id").values()),
        "completions": list(ModuleCompletion.objects.filter(user=user).values()),
        "summaries": list(ModuleSummary.objects.filter(user=user).values()),
        "achieved": list(StatementAchieved.objects.filter(user=user).values()),
        "search": list(OutboxEntry.objects.values()),
        "mail": len(mail.outbox),
    }


def _send(client, url, data, capture):
    with capture(execute=True):
        return client.post(url, data)


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_repeated_step_action_changes_nothing(
    signed_in, learner_user, steps, action, django_capture_on_commit_callbacks
):
    learner_user.email, learner_user.email_progress = "lerende@example.org", True
    learner_user.save()
    for step in steps[:-1]:  # the last step finishes the module: a congratulation mail
        signed_in.post(step.url + "klaar/")
    path, data = ACTIONS[action](len(steps))
    url = steps[-1].url + path
    first = _send(signed_in, url, data, django_capture_on_commit_callbacks)
    after_first = _everything_of(learner_user)

    repeat = _send(signed_in, url, data, django_capture_on_commit_callbacks)

    assert repeat.status_code == first.status_code == 302
    assert _everything_of(learner_user) == after_first


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_repeated_step_action_of_an_anonymous_learner_changes_nothing(client, steps, action):
    path, data = ACTIONS[action](1)
    client.post(steps[0].url + path, data)
    after_first = client.session[SESSION_KEY]

    client.post(steps[0].url + path, data)

    assert client.session[SESSION_KEY] == after_first
