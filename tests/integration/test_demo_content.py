"""The demo command builds the whole demo and is safe to run again."""

import pytest
from django.core.management import call_command

from accounts.models import User
from learning.models import ModulePage, StepPage, StepProgress, Topic
from learning.selectors import catalog

pytestmark = pytest.mark.django_db


def test_load_demo_twice_is_idempotent(client):
    call_command("load_demo", "--with-users")
    counts = (Topic.objects.count(), ModulePage.objects.count(), StepPage.objects.count())
    progress = list(StepProgress.objects.values_list("step_id", "completed_at", "checklist"))
    assert counts[0] >= 5 and counts[1] >= 10
    current = catalog()
    assert all(3 <= len(m.step_ids) <= 6 for m in current.modules.values())
    assert {t.slug for t in current.topics} >= {
        "uitkeringen-toeslagen",
        "geld-budget",
        "opvoeden",
        "werk-zoeken",
        "gezond-eten",
    }

    call_command("load_demo", "--with-users")
    assert (Topic.objects.count(), ModulePage.objects.count(), StepPage.objects.count()) == counts
    assert list(StepProgress.objects.values_list("step_id", "completed_at", "checklist")) == (
        progress
    )
    assert User.objects.filter(username__startswith="demo-").count() == 6
    assert User.objects.get(username="demo-hulpverlener").groups.filter(name="Hulpverleners")

    # The forum has a forum per module and the demo conversations, once.
    from machina.core.db.models import get_model

    from forum.models import ModuleForum, TopicMeta

    assert ModuleForum.objects.count() == len(current.modules)
    assert get_model("forum_conversation", "Topic").objects.filter(approved=True).count() == 2
    assert TopicMeta.objects.filter(answer__isnull=False, step__isnull=False).count() == 1
    assert client.get("/forum/").status_code == 200

    # The demo client and worker are a team with a plan; the team lead sees counts.
    from team.models import PlanItem, TeamLink

    worker = User.objects.get(username="demo-hulpverlener")
    assert TeamLink.objects.filter(worker=worker, ended_at=None).count() == 1
    assert PlanItem.objects.count() == 2
    client.force_login(worker)
    assert client.get("/team/overzicht/").status_code == 200
    client.force_login(User.objects.get(username="demo-teamleider"))
    assert client.get("/team/rapport/").status_code == 200
    client.logout()

    # Every demo page renders.
    for module in current.modules.values():
        assert client.get(module.url).status_code == 200
    for step in current.steps.values():
        assert client.get(step.url).status_code == 200


def test_demo_users_only_on_request_outside_debug():
    call_command("load_demo")
    assert not User.objects.filter(username__startswith="demo-").exists()
