"""Bench data: the demo content grown to 60 modules and 360 steps, 10,000 learners, the
forum (a forum per module, one topic of 1,000 posts by 50 of the learners: see
``bench/forum_data.py``) and the team (every learner a client of one of 50 workers:
``bench/team_data.py``).

Content goes through Wagtail's tree API and is published the way an editor
publishes (revisions, signals, search index); generated steps reuse the demo
steps' bodies, so pages have realistic size. Learners and their progress are
bulk-inserted: each learner started a few modules and did the first steps of
each, ticking every checklist item and answering every question on the way.
The random choices are seeded, so every run measures the same data.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from learning.models import (
    CanDoStatement,
    LearningIndexPage,
    Level,
    ModuleCompletion,
    ModulePage,
    StepPage,
    StepProgress,
    Topic,
)
from learning.selectors import Catalog, StepInfo, catalog

from . import forum_data, team_data

MODULES = 60
STEPS = 360
LEARNERS = team_data.WORKERS * team_data.CLIENTS_PER_WORKER
PASSWORD = "bench-wachtwoord-2026"
BUSY_LEARNER = "bench-40"  # started BUSY_MODULES modules: the heavy "Mijn voortgang"
BUSY_MODULES = 40
STEP_LEARNER = "bench-stap"  # did the benchmarked step: the signed-in step page and "klaar"
FORUM_READER = "bench-forum"  # one of the busy topic's participants: the forum scenarios
MODULES_STARTED = (1, 1, 1, 2, 2, 3, 4, 6)  # drawn from per ordinary learner
MINUTES_PER_STEP = 5
SEED = 2026


@dataclass(frozen=True)
class BenchData:
    step_url: str  # the step the step-page and "klaar" scenarios use
    next_step_url: str  # where "klaar" on that step redirects to
    forum: forum_data.ForumBench
    team: team_data.TeamBench
    counts: dict[str, int]


def build() -> BenchData:
    """Migrate the (empty) bench database and fill it; returns what the scenarios need."""
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", verbosity=0)
    grow_content(modules=MODULES, steps=STEPS)
    current = catalog()
    step = benchmark_step(current)
    users = add_learners(LEARNERS)
    add_progress(users, current, step, random.Random(SEED))
    participants = users[2 : 2 + forum_data.PARTICIPANTS]  # FORUM_READER and 49 learners
    assert participants[0].username == FORUM_READER
    forum = forum_data.build(
        reader=participants[0], participants=participants, step_id=step.id, modules=MODULES
    )
    team = team_data.build(clients=users, password=PASSWORD)
    following = current.module_steps(step.module_id)[step.number]
    return BenchData(
        step_url=step.url,
        next_step_url=following.url,
        forum=forum,
        team=team,
        counts={**counts(current), **forum.counts, **team.counts},
    )


def benchmark_step(current: Catalog) -> StepInfo:
    """The second step of the first demo module: a real body, with a step before and after."""
    first_module = current.modules[current.topics[0].module_ids[0]]
    return current.steps[first_module.step_ids[1]]


# --- content ---


def grow_content(*, modules: int, steps: int) -> None:
    """Add generated modules until there are ``modules`` live modules with ``steps`` steps."""
    index = LearningIndexPage.objects.get()
    topics = list(Topic.objects.all())
    bodies = [list(step.body.raw_data) for step in StepPage.objects.live().order_by("path")]
    new_modules = modules - ModulePage.objects.live().count()
    new_steps = steps - StepPage.objects.live().count()
    if new_modules <= 0 or new_steps < new_modules:
        raise ValueError(f"cannot grow the demo content to {modules} modules / {steps} steps")
    with transaction.atomic():
        for n in range(new_modules):
            step_count = new_steps // new_modules + (1 if n < new_steps % new_modules else 0)
            add_module(
                index, topics[n % len(topics)], number=n + 1, steps=step_count, bodies=bodies
            )


def add_module(index, topic, *, number: int, steps: int, bodies: list[list]) -> None:
    """Publish one generated module with ``steps`` published steps, as an editor would."""
    module = ModulePage(
        title=f"Oefenmodule {number}: {topic.name}",
        slug=f"oefenmodule-{number}",
        topic=topic,
        intro="<p>Een extra module om mee te oefenen. Je gaat in je eigen tempo.</p>",
        estimated_minutes=MINUTES_PER_STEP * steps,
        level=Level.START if number % 2 else Level.NEXT,
    )
    module.can_do_statements = [
        CanDoStatement(text=f"Ik kan oefening {number}.{k} zelf doen") for k in (1, 2, 3)
    ]
    index.add_child(instance=module)
    module.save_revision().publish()
    statements = list(module.can_do_statements.order_by("sort_order"))
    for k in range(1, steps + 1):
        step = StepPage(
            title=f"Oefenstap {k}",
            slug=f"stap-{k}",
            body=with_fresh_ids(bodies[(number + k) % len(bodies)]),
        )
        step.teaches = [statements[(k - 1) % len(statements)]]
        module.add_child(instance=step)
        step.save_revision().publish()


def with_fresh_ids(value):
    """A deep copy of raw StreamField data with new block ids, like an editor's copy."""
    if isinstance(value, list):
        return [with_fresh_ids(item) for item in value]
    if not isinstance(value, dict):
        return value
    copied = {key: with_fresh_ids(item) for key, item in value.items()}
    if "id" in copied and "type" in copied:
        copied["id"] = str(uuid.uuid4())
    return copied


# --- learners and progress ---


def add_learners(count: int) -> list[User]:
    """``count`` learners, the three named ones first, sharing one password hash."""
    password = make_password(PASSWORD)  # one PBKDF2 run, not 10,000
    named = [BUSY_LEARNER, STEP_LEARNER, FORUM_READER]
    names = named + [f"bench-lerende-{n:04d}" for n in range(1, count - len(named) + 1)]
    users = [User(username=name, password=password) for name in names]
    return User.objects.bulk_create(users, batch_size=1000)


def step_interactions() -> dict[int, tuple[list[str], dict[str, str]]]:
    """Per live step: all its checklist ticks, and the first option of each question."""
    result = {}
    for step in StepPage.objects.live():
        ticks, answers = [], {}
        for child in step.body:
            if child.block_type == "checklist":
                ticks += [f"{child.id}:{item.id}" for item in child.value["items"].bound_blocks]
            elif child.block_type == "question":
                answers[child.id] = child.value["options"].bound_blocks[0].id
        result[step.pk] = (sorted(ticks), answers)
    return result


def learner_plan(user: User, current: Catalog, step: StepInfo, rng: random.Random) -> dict:
    """Which modules ``user`` started, and how many of their first steps they did in each."""
    module_ids = list(current.modules)
    started = BUSY_MODULES if user.username == BUSY_LEARNER else rng.choice(MODULES_STARTED)
    plan = {
        module_id: rng.randint(1, len(current.modules[module_id].step_ids))
        for module_id in rng.sample(module_ids, started)
    }
    if user.username == STEP_LEARNER:
        plan[step.module_id] = step.number  # done up to and including the benchmarked step
    return plan


def module_progress_rows(
    user: User, steps: list[StepInfo], done: int, start: datetime, interactions: dict
) -> tuple[list[StepProgress], ModuleCompletion | None]:
    """Rows for doing the first ``done`` of ``steps`` from ``start``, and opening the next."""
    rows = []
    for position, step in enumerate(steps[: done + 1]):
        seen = start + timedelta(minutes=MINUTES_PER_STEP * position)
        finished = position < done
        ticks, answers = interactions[step.id] if finished else ([], {})
        completed = seen + timedelta(minutes=MINUTES_PER_STEP - 1) if finished else None
        rows.append(
            StepProgress(
                user=user,
                step_id=step.id,
                first_seen_at=seen,
                last_seen_at=completed or seen,
                completed_at=completed,
                checklist=ticks,
                answers=answers,
            )
        )
    completion = None
    if done == len(steps):  # bench learners have no email: nothing to notify
        completion = ModuleCompletion(
            user=user,
            module_id=steps[0].module_id,
            completed_at=rows[-1].completed_at,
            notification_skipped=True,
        )
    return rows, completion


def add_progress(users: list[User], current: Catalog, step: StepInfo, rng: random.Random):
    """Bulk-insert every learner's progress and the module completions it implies."""
    interactions = step_interactions()
    now = timezone.now()
    rows, completions = [], []
    for user in users:
        for module_id, done in learner_plan(user, current, step, rng).items():
            start = now - timedelta(days=rng.uniform(1, 120))
            module_rows, completion = module_progress_rows(
                user, current.module_steps(module_id), done, start, interactions
            )
            rows += module_rows
            completions += [completion] if completion else []
    StepProgress.objects.bulk_create(rows, batch_size=5000)
    ModuleCompletion.objects.bulk_create(completions, batch_size=5000)


def counts(current: Catalog) -> dict[str, int]:
    """What the bench database holds, for the report."""
    return {
        "modules": len(current.modules),
        "steps": len(current.steps),
        "learners": User.objects.count(),
        "step_progress_rows": StepProgress.objects.count(),
        "module_completions": ModuleCompletion.objects.count(),
    }
