"""Writes for learning: visits, completions, checklist ticks, answers, and merging.

Every function takes a ``Learner``: a signed-in user's progress goes to
``StepProgress`` rows, an anonymous visitor's to their session, with the same
rules. Invalid input raises ``InvalidProgressInput`` before anything is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from accounts.models import User
from core import versions
from core.tasks import enqueue_on_commit

from .learners import SESSION_KEY, Learner
from .models import ModuleCompletion, ModuleSummary, StatementAchieved, StepPage, StepProgress
from .selectors import StepState, catalog, module_progress, summary_version_key

if TYPE_CHECKING:
    from django.contrib.sessions.backends.base import SessionBase

logger = logging.getLogger(__name__)

# Sent inside the transaction that changed learners' summaries (``user_ids``), so what
# is derived from them (the search index's outbox) is written in that transaction too.
summaries_changed = Signal()


class InvalidProgressInput(ValueError):
    """A learner submitted something the step does not have; the message is for them."""


@dataclass(frozen=True)
class CompletionResult:
    newly_completed: bool  # False when the step was already done (a double submit)
    module_completed: bool  # True only on the step that finished the module


def _session_entry(learner: Learner, step_id: int, now: datetime) -> dict:
    progress = learner.session.setdefault(SESSION_KEY, {})
    entry = progress.setdefault(
        str(step_id),
        {"first_seen_at": now.isoformat(), "last_seen_at": now.isoformat(), "completed_at": None},
    )
    entry["last_seen_at"] = now.isoformat()
    learner.session.modified = True
    return entry


def _session_progress(learner: Learner, step_id: int) -> dict:
    """The session's entry for the step as it is (empty if none); writes nothing."""
    return learner.session.get(SESSION_KEY, {}).get(str(step_id)) or {}


# Visits closer together than this are not written again: "continue where you
# left off" needs minutes, not a database write on every page view.
VISIT_RESOLUTION = timedelta(minutes=5)


def step_record_visit(
    *, learner: Learner, step_id: int, last_seen_at: datetime | None = None
) -> None:
    """Note that the learner opened a step (for "continue where you left off").

    ``last_seen_at`` is the visit already on record, if the caller has it; a
    visit within ``VISIT_RESOLUTION`` of it is not written again. An anonymous
    visitor who has no progress yet gets no session for a mere visit: reading
    stays free of cookies until they do something.
    """
    now = timezone.now()
    if last_seen_at is not None and now - last_seen_at < VISIT_RESOLUTION:
        return
    if learner.user is None:
        if learner.session.get(SESSION_KEY):
            _session_entry(learner, step_id, now)
        return
    StepProgress.objects.bulk_create(
        [StepProgress(user=learner.user, step_id=step_id, first_seen_at=now, last_seen_at=now)],
        update_conflicts=True,
        unique_fields=["user", "step"],
        update_fields=["last_seen_at"],
    )
    _summary_note_activity(user_id=learner.user.pk, step_id=step_id, at=now)


def step_complete(*, learner: Learner, step: StepPage) -> CompletionResult:
    """Mark a step done. Idempotent: the first completion time is kept, and a repeat
    (a double submit, or the offline queue sending again) writes nothing."""
    now = timezone.now()
    if learner.user is None:
        if _session_progress(learner, step.pk).get("completed_at"):
            return CompletionResult(newly_completed=False, module_completed=False)
        entry = _session_entry(learner, step.pk, now)
        entry["completed_at"] = now.isoformat()
        module_id = catalog().steps[step.pk].module_id
        done = {int(k) for k, v in learner.session[SESSION_KEY].items() if v.get("completed_at")}
        complete = set(catalog().modules[module_id].step_ids) <= done
        return CompletionResult(newly_completed=True, module_completed=complete)

    with transaction.atomic():
        progress, created = StepProgress.objects.get_or_create(
            user=learner.user, step=step, defaults={"completed_at": now}
        )
        newly = created or bool(
            StepProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(
                completed_at=now, last_seen_at=now
            )
        )
        module_completed = False
        if newly:
            module_id = catalog().steps[step.pk].module_id
            module_completed = bool(_record_module_completions(learner.user, [module_id]))
            module_summaries_refresh(user_ids=[learner.user.pk], module_ids=[module_id])
    return CompletionResult(newly_completed=newly, module_completed=module_completed)


def _record_module_completions(user: User, module_ids: Iterable[int]) -> list[int]:
    """Create ModuleCompletion rows for the given modules the user has now finished.

    Returns the ids of modules completed by this call. Each new completion's
    congratulation is enqueued after commit.
    """
    current = catalog()
    wanted = {
        module_id: set(current.modules[module_id].step_ids)
        for module_id in module_ids
        if module_id in current.modules and current.modules[module_id].step_ids
    }
    all_step_ids = set().union(*wanted.values()) if wanted else set()
    done = set(
        StepProgress.objects.filter(
            user=user, step_id__in=all_step_ids, completed_at__isnull=False
        ).values_list("step_id", flat=True)
    )
    finished = []
    for module_id, step_ids in wanted.items():
        if step_ids <= done:
            completion, created = ModuleCompletion.objects.get_or_create(
                user=user, module_id=module_id
            )
            if created:
                finished.append(module_id)
                from .tasks import notify_module_completed

                enqueue_on_commit(notify_module_completed, completion.pk)
    return finished


def step_set_checklist(
    *, learner: Learner, step: StepPage, block_id: str, item_ids: list[str]
) -> None:
    """Set which items of one checklist are ticked (the others of that list are unticked).

    Sending the ticks the learner already has writes nothing: a repeat is the same request.
    """
    valid = step.checklist_item_ids(block_id)
    if valid is None:
        raise InvalidProgressInput(_("Deze checklist staat niet (meer) in deze stap."))
    unknown = set(item_ids) - valid
    if unknown:
        raise InvalidProgressInput(_("Een van de punten staat niet (meer) in deze checklist."))
    prefix = f"{block_id}:"
    ticked = {prefix + item_id for item_id in item_ids}
    now = timezone.now()

    def ticks_after(before: list[str]) -> list[str]:
        return sorted({key for key in before if not key.startswith(prefix)} | ticked)

    if learner.is_anonymous:
        current = _session_progress(learner, step.pk)
        before = current.get("checklist", [])
        checklist = ticks_after(before)
        if current and before == checklist:
            return
        _session_entry(learner, step.pk, now)["checklist"] = checklist
        return

    with transaction.atomic():
        progress, created = StepProgress.objects.select_for_update().get_or_create(
            user=learner.user, step=step
        )
        checklist = ticks_after(progress.checklist)
        if not created and progress.checklist == checklist:
            return
        progress.checklist = checklist
        progress.last_seen_at = max(now, progress.first_seen_at)
        progress.save(update_fields=["checklist", "last_seen_at"])


def step_answer(*, learner: Learner, step: StepPage, question_id: str, option_id: str) -> None:
    """Store the learner's choice for a "check yourself" question (they may change it).

    Sending the choice the learner already made writes nothing: a repeat is the same request.
    """
    valid = step.question_option_ids(question_id)
    if valid is None:
        raise InvalidProgressInput(_("Deze vraag staat niet (meer) in deze stap."))
    if option_id not in valid:
        raise InvalidProgressInput(_("Kies een van de antwoorden bij de vraag."))
    now = timezone.now()

    if learner.is_anonymous:
        if _session_progress(learner, step.pk).get("answers", {}).get(question_id) == option_id:
            return
        entry = _session_entry(learner, step.pk, now)
        entry.setdefault("answers", {})[question_id] = option_id
        return

    with transaction.atomic():
        progress, created = StepProgress.objects.select_for_update().get_or_create(
            user=learner.user, step=step
        )
        if not created and progress.answers.get(question_id) == option_id:
            return
        progress.answers = {**progress.answers, question_id: option_id}
        progress.last_seen_at = max(now, progress.first_seen_at)
        progress.save(update_fields=["answers", "last_seen_at"])


def _earliest(*moments: datetime | None) -> datetime | None:
    present = [m for m in moments if m is not None]
    return min(present) if present else None


def session_progress_merge(*, user: User, session: SessionBase) -> int:
    """Move an anonymous session's progress into ``user``'s account; returns steps merged.

    Runs at sign-up and login. Existing account rows win where both have a
    value (first completion, chosen answers); ticks are united. Steps that no
    longer exist are dropped. The session's copy is removed afterwards, so a
    second login merges nothing twice.
    """
    data = session.get(SESSION_KEY) or {}
    if not data:
        return 0
    entries = {}
    for key, entry in data.items():
        if str(key).isdigit() and isinstance(entry, dict):
            entries[int(key)] = entry
    existing_steps = set(StepPage.objects.filter(pk__in=entries).values_list("pk", flat=True))
    now = timezone.now()
    with transaction.atomic():
        rows = {
            row.step_id: row
            for row in StepProgress.objects.select_for_update().filter(
                user=user, step_id__in=existing_steps
            )
        }
        new_rows, changed = [], []
        for step_id in existing_steps:
            entry = entries[step_id]
            first = parse_datetime(entry.get("first_seen_at") or "") or now
            last = max(parse_datetime(entry.get("last_seen_at") or "") or now, first)
            completed = parse_datetime(entry.get("completed_at") or "")
            checklist = set(entry.get("checklist") or [])
            answers = dict(entry.get("answers") or {})
            row = rows.get(step_id)
            if row is None:
                new_rows.append(
                    StepProgress(
                        user=user,
                        step_id=step_id,
                        first_seen_at=first,
                        last_seen_at=last,
                        completed_at=completed,
                        checklist=sorted(checklist),
                        answers=answers,
                    )
                )
                continue
            row.first_seen_at = min(row.first_seen_at, first)
            row.last_seen_at = max(row.last_seen_at, last, row.first_seen_at)
            row.completed_at = _earliest(row.completed_at, completed)
            row.checklist = sorted(set(row.checklist) | checklist)
            row.answers = {**answers, **row.answers}
            changed.append(row)
        StepProgress.objects.bulk_create(new_rows)
        StepProgress.objects.bulk_update(
            changed, ["first_seen_at", "last_seen_at", "completed_at", "checklist", "answers"]
        )
        current = catalog()
        module_ids = {current.steps[s].module_id for s in existing_steps if s in current.steps}
        _record_module_completions(user, module_ids)
        module_summaries_refresh(user_ids=[user.pk], module_ids=module_ids)
    del session[SESSION_KEY]
    return len(existing_steps)


def module_completion_notify(*, completion_id: int) -> bool:
    """Send the congratulation for one module completion, at most once.

    The row lock makes a second run (a retried or duplicated task) see
    ``notified_at`` set and do nothing. Learners without an email address, or
    who did not ask for these emails, are marked skipped. Returns whether an
    email was sent.
    """
    with transaction.atomic():
        completion = (
            ModuleCompletion.objects.select_for_update()
            .select_related("user")
            .filter(pk=completion_id, notified_at__isnull=True, notification_skipped=False)
            .first()
        )
        if completion is None:
            return False
        user = completion.user
        if not user.email or not user.email_progress:
            completion.notification_skipped = True
            completion.save(update_fields=["notification_skipped"])
            return False
        module = catalog().modules.get(completion.module_id)
        with translation.override(user.language):
            context = {"user": user, "module": module}
            send_mail(
                subject=_("Goed gedaan: je hebt een module afgerond"),
                message=render_to_string("learning/email/module_completed.txt", context),
                from_email=None,
                recipient_list=[user.email],
            )
        completion.notified_at = timezone.now()
        completion.save(update_fields=["notified_at"])
    return True


# --- Summaries for reports (``ModuleSummary``, ``StatementAchieved``) -------------------


def _summary_note_activity(*, user_id: int, step_id: int, at: datetime) -> None:
    """A visit to a step: the learner is active in its module (a row is made on the
    first visit, so "started" needs no scan of step rows)."""
    step = catalog().steps.get(step_id)
    if step is None:
        return
    module = catalog().modules[step.module_id]
    ModuleSummary.objects.bulk_create(
        [
            ModuleSummary(
                user_id=user_id,
                module_id=module.id,
                topic_id=module.topic_id,
                steps_total=len(module.step_ids),
                last_activity_at=at,
            )
        ],
        update_conflicts=True,
        unique_fields=["user", "module"],
        update_fields=["last_activity_at"],
    )
    _summaries_changed([user_id])


# Learners whose summaries are rebuilt per batch when a module's steps change.
SUMMARY_BATCH = 500


def module_summaries_refresh(*, user_ids: Iterable[int], module_ids: Iterable[int]) -> None:
    """Recompute the summaries of these learners in these modules from their step rows,
    by the same rules as their own progress page (``selectors.module_progress``).
    Modules that are no longer live lose their summaries."""
    current = catalog()
    user_ids, module_ids = list(user_ids), set(module_ids)
    live = {module_id for module_id in module_ids if module_id in current.modules}
    step_ids = [step_id for module_id in live for step_id in current.modules[module_id].step_ids]
    states: dict[int, dict[int, StepState]] = {user_id: {} for user_id in user_ids}
    rows = StepProgress.objects.filter(user_id__in=user_ids, step_id__in=step_ids).values_list(
        "user_id", "step_id", "completed_at", "last_seen_at"
    )
    for user_id, step_id, completed_at, last_seen_at in rows:
        states[user_id][step_id] = StepState(completed_at=completed_at, last_seen_at=last_seen_at)
    summaries, achieved = [], []
    for user_id, user_states in states.items():
        touched = {current.steps[step_id].module_id for step_id in user_states} & live
        for module_id in touched:
            progress = module_progress(catalog=current, states=user_states, module_id=module_id)
            if not progress.started:
                continue
            module = progress.module
            summaries.append(
                ModuleSummary(
                    user_id=user_id,
                    module_id=module_id,
                    topic_id=module.topic_id,
                    steps_done=progress.done,
                    steps_total=progress.total,
                    completed=progress.complete,
                    last_activity_at=progress.last_activity,
                )
            )
            achieved += [
                StatementAchieved(
                    user_id=user_id,
                    statement_id=statement.id,
                    module_id=module_id,
                    topic_id=module.topic_id,
                )
                for statement in progress.statements_achieved
            ]
    # Upserts, and deletes of what no longer holds: rows keep their ids, and a reader
    # never sees a learner's summary missing half-way.
    with transaction.atomic():
        ModuleSummary.objects.bulk_create(
            summaries,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["user", "module"],
            update_fields=["topic", "steps_done", "steps_total", "completed", "last_activity_at"],
        )
        kept = {(row.user_id, row.module_id) for row in summaries}
        _delete_unless(ModuleSummary, user_ids, module_ids, kept, ("user_id", "module_id"))
        StatementAchieved.objects.bulk_create(achieved, batch_size=1000, ignore_conflicts=True)
        kept = {(row.user_id, row.statement_id) for row in achieved}
        _delete_unless(StatementAchieved, user_ids, module_ids, kept, ("user_id", "statement_id"))
        _summaries_changed(user_ids)


def summary_versions_bump(*, user_ids: Iterable[int]) -> None:
    """Overviews cached under these learners' summary versions (``selectors.
    summary_versions``) count afresh: their summaries changed, or what counts them (the
    search index) caught up."""
    versions.bump_many(summary_version_key(user_id) for user_id in user_ids)


def _summaries_changed(user_ids: list[int]) -> None:
    summary_versions_bump(user_ids=user_ids)
    summaries_changed.send(sender=ModuleSummary, user_ids=list(user_ids))


def _delete_unless(
    model: type[ModuleSummary] | type[StatementAchieved],
    user_ids: list[int],
    module_ids: set[int],
    kept: set[tuple[Any, ...]],
    fields: tuple[str, str],
) -> None:
    """Delete the rows of these learners in these modules that are not in ``kept``."""
    rows = model.objects.filter(user_id__in=user_ids, module_id__in=module_ids)
    stale = [pk for pk, *key in rows.values_list("pk", *fields) if tuple(key) not in kept]
    if stale:
        model.objects.filter(pk__in=stale).delete()


def module_summaries_rebuild(*, module_id: int | None = None) -> int:
    """Rebuild the summaries of everyone with progress in ``module_id`` (every module
    when None): after its steps, their order or its statements changed. Returns how
    many learners were looked at."""
    if module_id is not None:
        modules = [module_id]
    else:  # every live module, and every module that still has summaries
        modules = sorted(
            set(catalog().modules)
            | set(ModuleSummary.objects.values_list("module_id", flat=True).distinct())
        )
    step_ids = [
        step for m in modules if m in catalog().modules for step in catalog().modules[m].step_ids
    ]
    learners = (
        StepProgress.objects.filter(step_id__in=step_ids)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
    stale = ModuleSummary.objects.filter(module_id__in=modules).values_list("user_id", flat=True)
    user_ids = sorted(set(learners) | set(stale))
    for start in range(0, len(user_ids), SUMMARY_BATCH):
        module_summaries_refresh(
            user_ids=user_ids[start : start + SUMMARY_BATCH], module_ids=modules
        )
    return len(user_ids)
