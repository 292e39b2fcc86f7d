"""Progress services and selectors against the real database."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from learning.learners import SESSION_KEY
from learning.models import ModuleCompletion, StepProgress
from learning.selectors import catalog, learner_overview, learner_step_states, module_progress
from learning.services import (
    InvalidProgressInput,
    session_progress_merge,
    step_answer,
    step_complete,
    step_record_visit,
    step_set_checklist,
)

from ..factories import add_step, make_module

pytestmark = pytest.mark.django_db


def _progress(learner, module):
    states = learner_step_states(learner=learner)
    return module_progress(catalog=catalog(), states=states, module_id=module.pk)


def test_complete_is_idempotent_and_stamped_once(user_learner, steps):
    first = step_complete(learner=user_learner, step=steps[0])
    second = step_complete(learner=user_learner, step=steps[0])
    assert first.newly_completed and not second.newly_completed
    row = StepProgress.objects.get()
    assert row.completed_at is not None
    stamped = row.completed_at
    step_complete(learner=user_learner, step=steps[0])
    assert StepProgress.objects.get().completed_at == stamped


def test_visit_then_complete_keeps_one_row(user_learner, steps):
    step_record_visit(learner=user_learner, step_id=steps[0].pk)
    step_record_visit(learner=user_learner, step_id=steps[0].pk)
    step_complete(learner=user_learner, step=steps[0])
    assert StepProgress.objects.count() == 1


def test_module_progress_uses_live_steps_only(user_learner, module, steps):
    for step in steps:
        step_complete(learner=user_learner, step=step)
    progress = _progress(user_learner, module)
    assert (progress.done, progress.total, progress.complete) == (3, 3, True)

    # Unpublishing a done step neither counts it nor loses it.
    steps[2].unpublish()
    progress = _progress(user_learner, module)
    assert (progress.done, progress.total) == (2, 2)
    assert StepProgress.objects.filter(completed_at__isnull=False).count() == 3

    # A new step makes the module unfinished again, without double counting.
    new = add_step(module, 4)
    progress = _progress(user_learner, module)
    assert (progress.done, progress.total, progress.complete) == (2, 3, False)
    assert progress.next_step.id == new.pk

    # Republishing brings the old completion back.
    steps[2].save_revision().publish()
    assert _progress(user_learner, module).done == 3


def test_can_do_statement_achieved_when_all_teaching_steps_done(user_learner, module, steps):
    statement0, statement1 = catalog().modules[module.pk].statements
    step_complete(learner=user_learner, step=steps[0])
    assert _progress(user_learner, module).statements_achieved == ()
    step_complete(learner=user_learner, step=steps[2])
    assert _progress(user_learner, module).statements_achieved == (statement0,)
    step_complete(learner=user_learner, step=steps[1])
    assert _progress(user_learner, module).statements_achieved == (statement0, statement1)


def test_module_completion_recorded_once(user_learner, steps):
    results = [step_complete(learner=user_learner, step=step) for step in steps]
    assert [r.module_completed for r in results] == [False, False, True]
    step_complete(learner=user_learner, step=steps[2])
    assert ModuleCompletion.objects.count() == 1


def test_checklist_replaces_ticks_of_one_list_only(user_learner, steps):
    step_set_checklist(
        learner=user_learner, step=steps[0], block_id="checklist-1", item_ids=["item-1-a"]
    )
    step_set_checklist(
        learner=user_learner, step=steps[0], block_id="checklist-1", item_ids=["item-1-b"]
    )
    assert StepProgress.objects.get().checklist == ["checklist-1:item-1-b"]
    step_set_checklist(learner=user_learner, step=steps[0], block_id="checklist-1", item_ids=[])
    assert StepProgress.objects.get().checklist == []


def test_invalid_input_stores_nothing(user_learner, session_learner, steps):
    for learner in (user_learner, session_learner):
        with pytest.raises(InvalidProgressInput):
            step_set_checklist(learner=learner, step=steps[0], block_id="x", item_ids=[])
        with pytest.raises(InvalidProgressInput):
            step_answer(learner=learner, step=steps[0], question_id="question-1", option_id="x")
    assert not StepProgress.objects.exists()
    assert SESSION_KEY not in session_learner.session


def test_session_progress_behaves_like_account_progress(session_learner, module, steps):
    step_complete(learner=session_learner, step=steps[0])
    step_answer(
        learner=session_learner, step=steps[0], question_id="question-1", option_id="option-1-right"
    )
    progress = _progress(session_learner, module)
    assert (progress.done, progress.total) == (1, 3)
    assert learner_step_states(learner=session_learner)[steps[0].pk].answers == {
        "question-1": "option-1-right"
    }


def test_anonymous_visit_without_progress_creates_no_session(session_learner, steps):
    step_record_visit(learner=session_learner, step_id=steps[0].pk)
    assert SESSION_KEY not in session_learner.session


def test_merge_moves_session_progress_without_duplicates(
    session_learner, learner_user, user_learner, steps
):
    # The account already finished step 1 earlier; the session did steps 1 and 2.
    step_complete(learner=user_learner, step=steps[0])
    earlier = StepProgress.objects.get(step=steps[0]).completed_at
    step_set_checklist(
        learner=user_learner, step=steps[0], block_id="checklist-1", item_ids=["item-1-a"]
    )
    step_complete(learner=session_learner, step=steps[0])
    step_complete(learner=session_learner, step=steps[1])
    step_set_checklist(
        learner=session_learner, step=steps[0], block_id="checklist-1", item_ids=["item-1-b"]
    )

    merged = session_progress_merge(user=learner_user, session=session_learner.session)

    assert merged == 2
    assert StepProgress.objects.filter(user=learner_user).count() == 2
    first = StepProgress.objects.get(step=steps[0])
    assert first.completed_at == earlier
    assert first.checklist == ["checklist-1:item-1-a", "checklist-1:item-1-b"]
    assert StepProgress.objects.get(step=steps[1]).completed_at is not None
    assert SESSION_KEY not in session_learner.session
    assert session_progress_merge(user=learner_user, session=session_learner.session) == 0


def test_merge_drops_deleted_steps_and_garbage(session_learner, learner_user, steps):
    step_complete(learner=session_learner, step=steps[0])
    session_learner.session[SESSION_KEY]["999999"] = {"completed_at": None}
    session_learner.session[SESSION_KEY]["not-a-step"] = {"completed_at": None}
    assert session_progress_merge(user=learner_user, session=session_learner.session) == 1


def test_merge_completes_module_finished_anonymously(session_learner, learner_user, steps):
    for step in steps:
        step_complete(learner=session_learner, step=step)
    session_progress_merge(user=learner_user, session=session_learner.session)
    assert ModuleCompletion.objects.filter(user=learner_user).count() == 1


def test_overview_orders_by_activity_and_suggests_per_topic(user_learner, module, steps):
    other = make_module(steps=2)
    third = make_module(steps=2, topic=other.topic)
    step_complete(learner=user_learner, step=steps[0])
    three_days_ago = timezone.now() - timedelta(days=3)
    StepProgress.objects.update(first_seen_at=three_days_ago, last_seen_at=three_days_ago)
    overview = learner_overview(learner=user_learner)
    assert [p.module.id for p in overview.started] == [module.pk]
    assert overview.continue_with.next_step.id == steps[1].pk
    # One suggestion per topic first: `other`'s topic before a second of the same topic.
    assert [m.id for m in overview.suggestions] == [other.pk, third.pk]


def test_editing_step_text_keeps_ticks(user_learner, steps):
    step_set_checklist(
        learner=user_learner, step=steps[0], block_id="checklist-1", item_ids=["item-1-a"]
    )
    page = steps[0]
    raw = page.body.raw_data
    raw[1]["value"]["items"][0]["value"] = "Mijn DigiD (met de app)"
    page.body = raw
    page.save_revision().publish()
    assert page.checklist_item_ids("checklist-1") == {"item-1-a", "item-1-b"}
    html_state = learner_step_states(learner=user_learner)[page.pk]
    assert "checklist-1:item-1-a" in html_state.checklist


def test_repeated_visits_are_written_at_most_every_few_minutes(signed_in, learner_user, steps):
    with time_machine.travel("2026-11-24 10:00:00 +0000", tick=False) as clock:
        signed_in.get(steps[0].url)
        first = StepProgress.objects.get(user=learner_user).last_seen_at
        clock.shift(60)
        signed_in.get(steps[0].url)
        assert StepProgress.objects.get(user=learner_user).last_seen_at == first
        clock.shift(5 * 60)
        signed_in.get(steps[0].url)
        assert StepProgress.objects.get(user=learner_user).last_seen_at > first
