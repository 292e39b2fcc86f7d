"""Reads for learning: the cached catalog of live content and each learner's progress.

The catalog is plain data (no model instances), rebuilt only when content
changes: the cache key carries the version that every publish, unpublish,
move, delete and topic edit bumps. Progress is then derived in memory from
one query of the learner's own rows, so page cost does not grow with the
number of modules or steps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db.models import Q
from django.utils.dateparse import parse_datetime
from wagtail.models import Page

from core import versions
from core.versions import content_version

from .learners import SESSION_KEY, Learner
from .models import CanDoStatement, Level, ModulePage, StepPage, Topic

if TYPE_CHECKING:
    from wagtail.blocks import StreamValue

    from accounts.models import User

# Part of the cache keys: a catalog (or page) pickled by older code, without a field that
# newer code relies on (such as ``private_paths``), is never read back.
CATALOG_FORMAT = 4


@dataclass(frozen=True)
class StatementInfo:
    id: int
    text: str


@dataclass(frozen=True)
class StepInfo:
    id: int
    title: str
    url: str
    module_id: int
    number: int  # position among the module's live steps, from 1
    teaches: tuple[int, ...]


@dataclass(frozen=True)
class TopicLook:
    """How a topic shows beside its modules: its name, picture and colour (``Topic``)."""

    name: str
    icon: str
    colour: str

    @classmethod
    def of(cls, topic: Topic) -> TopicLook:
        return cls(name=topic.name, icon=topic.icon, colour=topic.colour)


@dataclass(frozen=True)
class ModuleInfo:
    id: int
    title: str
    url: str
    topic_id: int
    topic: TopicLook
    intro: str
    estimated_minutes: int
    level: str  # the code (``Level``): the catalog is shared by readers of every language
    step_ids: tuple[int, ...]
    statements: tuple[StatementInfo, ...]

    @property
    def level_label(self) -> str:
        """The level in the reader's language."""
        return str(Level(self.level).label)


@dataclass(frozen=True)
class TopicInfo:
    id: int
    name: str
    slug: str
    description: str
    icon: str
    colour: str
    module_ids: tuple[int, ...]


@dataclass(frozen=True)
class Catalog:
    topics: tuple[TopicInfo, ...]
    modules: dict[int, ModuleInfo]
    steps: dict[int, StepInfo]

    # (page class, id) of every live module and step by URL, for routing.
    pages_by_url: dict[str, tuple[type, int]] = field(default_factory=dict)
    # Tree paths of the pages with a view restriction and of every alias (whose
    # restrictions are its original's): what is under none of them is public.
    private_paths: tuple[str, ...] = ()
    # The modules and steps among them (search leaves them out).
    private_page_ids: frozenset[int] = frozenset()

    def module_steps(self, module_id: int) -> list[StepInfo]:
        return [self.steps[step_id] for step_id in self.modules[module_id].step_ids]

    def may_be_private(self, path: str) -> bool:
        """Whether the page at tree ``path`` may have view restrictions (its own, an
        ancestor's, or through an alias on its way down)."""
        return path.startswith(self.private_paths)


def _build_catalog() -> Catalog:
    modules = list(ModulePage.objects.live().order_by("path"))
    by_path = {module.path: module for module in modules}
    steps = list(StepPage.objects.live().order_by("path").prefetch_related("teaches"))
    step_ids_by_module: dict[int, list[int]] = {module.pk: [] for module in modules}
    step_infos: dict[int, StepInfo] = {}
    for step in steps:
        module = by_path.get(step.path[: -StepPage.steplen])
        if module is None:  # a live step under an unpublished module is not reachable
            continue
        step_ids_by_module[module.pk].append(step.pk)
        step_infos[step.pk] = StepInfo(
            id=step.pk,
            title=step.title,
            url=step.get_url(),
            module_id=module.pk,
            number=len(step_ids_by_module[module.pk]),
            teaches=tuple(statement.pk for statement in step.teaches.all()),
        )
    all_topics = list(Topic.objects.all())
    looks = {topic.pk: TopicLook.of(topic) for topic in all_topics}
    statements: dict[int, list[StatementInfo]] = {module.pk: [] for module in modules}
    for statement in CanDoStatement.objects.filter(module__in=modules).order_by("sort_order"):
        statements[statement.module_id].append(StatementInfo(statement.pk, statement.text))
    module_infos = {
        module.pk: ModuleInfo(
            id=module.pk,
            title=module.title,
            url=module.get_url(),
            topic_id=module.topic_id,
            topic=looks[module.topic_id],
            intro=module.intro,
            estimated_minutes=module.estimated_minutes,
            level=module.level,
            step_ids=tuple(step_ids_by_module[module.pk]),
            statements=tuple(statements[module.pk]),
        )
        for module in modules
    }
    topics = tuple(
        TopicInfo(
            id=topic.pk,
            name=topic.name,
            slug=topic.slug,
            description=topic.description,
            icon=topic.icon,
            colour=topic.colour,
            module_ids=tuple(m.id for m in module_infos.values() if m.topic_id == topic.pk),
        )
        for topic in all_topics
    )
    private_paths = tuple(
        Page.objects.filter(Q(view_restrictions__isnull=False) | Q(alias_of__isnull=False))
        .values_list("path", flat=True)
        .distinct()
    )
    return Catalog(
        topics=tuple(topic for topic in topics if topic.module_ids),
        modules=module_infos,
        steps=step_infos,
        pages_by_url={
            **{m.url: (ModulePage, m.id) for m in module_infos.values()},
            **{s.url: (StepPage, s.id) for s in step_infos.values()},
        },
        private_paths=private_paths,
        private_page_ids=frozenset(
            page.pk for page in (*modules, *steps) if page.path.startswith(private_paths)
        ),
    )


def module_info_from_page(page: ModulePage) -> tuple[ModuleInfo, list[StepInfo]]:
    """A ModuleInfo for a module page as the editor has it (for previews: maybe unsaved or draft).

    Lists the module's live steps, like the catalog does for published modules.
    """
    steps = []
    if page.pk:
        live_steps = StepPage.objects.child_of(page).live().order_by("path")
        for number, step in enumerate(live_steps.prefetch_related("teaches"), 1):
            steps.append(step_info_from_page(step, module_id=page.pk, number=number))
    return ModuleInfo(
        id=page.pk or 0,
        title=page.title,
        url=page.url or "",
        topic_id=page.topic_id,
        topic=TopicLook.of(page.topic),
        intro=page.intro,
        estimated_minutes=page.estimated_minutes,
        level=page.level,
        step_ids=tuple(step.id for step in steps),
        statements=tuple(
            StatementInfo(statement.pk or 0, statement.text)
            for statement in page.can_do_statements.all()
        ),
    ), steps


def step_info_from_page(page: StepPage, *, module_id: int, number: int) -> StepInfo:
    """A StepInfo for a step page that may not be in the catalog (yet)."""
    return StepInfo(
        id=page.pk or 0,
        title=page.title,
        url=page.url or "",
        module_id=module_id,
        number=number,
        teaches=tuple(statement.pk for statement in page.teaches.all()),
    )


def route_from_catalog(path_components: list[str]) -> tuple[Page, list[str]] | None:
    """Resolve a learning URL without walking the page tree level by level.

    Returns ``(page, remaining_components)`` for the deepest live module or
    step whose URL starts ``path_components`` (the remainder is for the page's
    own sub-routes, such as ``klaar/``), or None to let Wagtail route normally.
    """
    current = catalog()
    for end in range(len(path_components), 0, -1):
        found = current.pages_by_url.get("/" + "/".join(path_components[:end]) + "/")
        if found is not None:
            page = _live_page(*found)
            return (page, path_components[end:]) if page is not None else None
    return None


# Loading a step page costs about 1 ms of ORM work (some 40 columns of two tables, its
# StreamField); unpickling a cached copy about 25 µs.
PAGE_CACHE_SECONDS = 3600


def _live_page(page_class: type[Page], page_id: int) -> Page | None:
    """The page as published, cached under the content version: every publish,
    unpublish, move or delete bumps it (drafts change only what visitors never see)."""
    key = f"learning-page:{CATALOG_FORMAT}:{content_version()}:{page_id}"
    page = cache.get(key)
    if page is None:
        page = page_class.objects.filter(pk=page_id).first()
        if page is not None:
            cache.set(key, page, PAGE_CACHE_SECONDS)
    return page


# The last catalog this process saw, by content version: every call still asks
# the shared cache for the current version (one small read), but unpickling the
# catalog happens once per process and version instead of several times a request.
_process_catalog: tuple[int, Catalog] | None = None


def catalog() -> Catalog:
    """All live modules and steps by topic, in tree order (cached per content version)."""
    global _process_catalog
    version = content_version()
    memo = _process_catalog
    if memo is not None and memo[0] == version:
        return memo[1]
    key = f"learning-catalog:{CATALOG_FORMAT}:{version}"
    result = cache.get(key)
    if result is None:
        result = _build_catalog()
        cache.set(key, result, timeout=None)
    _process_catalog = (version, result)
    return result


@dataclass(frozen=True)
class StepState:
    completed_at: datetime | None = None
    last_seen_at: datetime | None = None
    checklist: frozenset[str] = frozenset()
    answers: dict[str, str] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.completed_at is not None


def _parse(value: str | None) -> datetime | None:
    return parse_datetime(value) if value else None


def learner_step_states(
    *, learner: Learner, step_ids: Iterable[int] | None = None
) -> dict[int, StepState]:
    """The learner's state per step (only steps they touched), from one query or the session."""
    if learner.user is None:
        states = {
            int(step_id): StepState(
                completed_at=_parse(entry.get("completed_at")),
                last_seen_at=_parse(entry.get("last_seen_at")),
                checklist=frozenset(entry.get("checklist", ())),
                answers=dict(entry.get("answers", {})),
            )
            for step_id, entry in learner.session.get(SESSION_KEY, {}).items()
        }
        if step_ids is not None:
            wanted = set(step_ids)
            states = {step_id: s for step_id, s in states.items() if step_id in wanted}
        return states
    rows = learner.user.step_progress.all()
    if step_ids is not None:
        rows = rows.filter(step_id__in=list(step_ids))
    return {
        row["step_id"]: StepState(
            completed_at=row["completed_at"],
            last_seen_at=row["last_seen_at"],
            checklist=frozenset(row["checklist"]),
            answers=row["answers"],
        )
        for row in rows.values("step_id", "completed_at", "last_seen_at", "checklist", "answers")
    }


@dataclass(frozen=True)
class ModuleProgress:
    module: ModuleInfo
    steps: list[tuple[StepInfo, bool]]  # each live step and whether it is done
    done: int
    total: int
    next_step: StepInfo | None  # the first live step not done yet
    last_activity: datetime | None
    statements_achieved: tuple[StatementInfo, ...]

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def started(self) -> bool:
        return self.last_activity is not None

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total


def module_progress(
    *, catalog: Catalog, states: dict[int, StepState], module_id: int
) -> ModuleProgress:
    """Progress in one module, derived from its live steps only.

    A can-do statement is achieved when every live step that teaches it is
    done; a statement no live step teaches is achieved with the whole module.
    """
    module = catalog.modules[module_id]
    steps = catalog.module_steps(module_id)
    marks = [(step, states.get(step.id, StepState()).done) for step in steps]
    done_ids = {step.id for step, done in marks if done}
    complete = bool(steps) and len(done_ids) == len(steps)
    activity = [
        moment
        for step in steps
        if step.id in states
        for moment in (states[step.id].last_seen_at, states[step.id].completed_at)
        if moment is not None
    ]
    achieved = []
    for statement in module.statements:
        teaching = {step.id for step in steps if statement.id in step.teaches}
        if (teaching and teaching <= done_ids) or (not teaching and complete):
            achieved.append(statement)
    return ModuleProgress(
        module=module,
        steps=marks,
        done=len(done_ids),
        total=len(steps),
        next_step=next((step for step, done in marks if not done), None),
        last_activity=max(activity) if activity else None,
        statements_achieved=tuple(achieved),
    )


def preview_progress(module: ModuleInfo, steps: list[StepInfo]) -> ModuleProgress:
    """Progress as an editor's preview shows it: the module's steps, none done."""
    return ModuleProgress(
        module=module,
        steps=[(step, False) for step in steps],
        done=0,
        total=len(steps),
        next_step=steps[0] if steps else None,
        last_activity=None,
        statements_achieved=(),
    )


def learner_modules(*, learner: Learner, catalog: Catalog) -> dict[int, ModuleProgress]:
    """Progress in every live module for this learner."""
    states = learner_step_states(learner=learner)
    return {
        module_id: module_progress(catalog=catalog, states=states, module_id=module_id)
        for module_id in catalog.modules
    }


@dataclass(frozen=True)
class Overview:
    started: list[ModuleProgress]  # most recent activity first
    suggestions: list[ModuleInfo]  # modules not started yet, one per topic first

    @property
    def continue_with(self) -> ModuleProgress | None:
        return next((progress for progress in self.started if not progress.complete), None)

    @property
    def statements_achieved(self) -> list[StatementInfo]:
        return [s for progress in self.started for s in progress.statements_achieved]


def learner_overview(*, learner: Learner, suggestion_count: int = 4) -> Overview:
    """What this learner started (for "Mijn voortgang" and the home page) and what to try next."""
    current = catalog()
    progress = learner_modules(learner=learner, catalog=current)
    started = sorted(
        (p for p in progress.values() if p.started),
        key=lambda p: p.last_activity,  # type: ignore[arg-type,return-value]  # set: started
        reverse=True,
    )
    fresh_by_topic = [
        [current.modules[m] for m in topic.module_ids if not progress[m].started]
        for topic in current.topics
    ]
    # Round-robin over topics so suggestions span themes instead of one topic's modules.
    suggestions: list[ModuleInfo] = []
    depth = 0
    while len(suggestions) < suggestion_count and any(len(f) > depth for f in fresh_by_topic):
        suggestions += [f[depth] for f in fresh_by_topic if len(f) > depth]
        depth += 1
    return Overview(started=started, suggestions=suggestions[:suggestion_count])


# --- "Mijn gegevens" (accounts.selectors collects this section) -------------------------


def _step_texts(
    body: StreamValue | None,
) -> tuple[dict[str, str], dict[str, tuple[str, dict[str, str]]]]:
    """From a step body's raw blocks: checklist ticks ("<block>:<item>") to their words,
    and question ids to (question, {option id: answer})."""
    items: dict[str, str] = {}
    questions: dict[str, tuple[str, dict[str, str]]] = {}
    for block in body.raw_data if body is not None else ():
        value = block.get("value") or {}
        if block.get("type") == "checklist":
            for item in value.get("items") or ():
                if isinstance(item, dict):
                    items[f"{block.get('id')}:{item.get('id')}"] = str(item.get("value", ""))
        elif block.get("type") == "question":
            # Wagtail gives every list item a string id.
            options: dict[str, str] = {
                option.get("id"): str(  # type: ignore[misc]
                    (option.get("value") or {}).get("answer", "")
                )
                for option in value.get("options") or ()
                if isinstance(option, dict)
            }
            questions[block.get("id")] = (str(value.get("question", "")), options)
    return items, questions


# Each learner's summaries (``ModuleSummary``, ``StatementAchieved``) carry a version in
# the cache, bumped whenever they change (``services``), so overviews over many learners
# can cache what they computed from them (``team.selectors``).
def summary_version_key(user_id: int) -> str:
    return f"learning:summary-version:{user_id}"


def summary_versions(user_ids: Iterable[int]) -> list[int]:
    """The summary versions of these learners, in one cache round trip."""
    return versions.current_many(*(summary_version_key(user_id) for user_id in user_ids))


def export_for(*, user: User) -> dict[str, Any]:
    """Everything learning keeps about ``user`` (anonymous progress lives in a session
    and is not theirs to download once merged): every step they opened, with its title,
    its module's title and what they ticked and answered in words, and the modules they
    finished; the "Ik kan …" statements they achieved (as "Mijn voortgang" shows them) and
    their standing per module. Seven queries, whatever the number of rows."""
    from django.db.models import Max
    from wagtail.models import Page

    from .models import ModuleCompletion, ModuleSummary, StatementAchieved, StepProgress

    rows = list(
        StepProgress.objects.filter(user=user)
        .order_by("first_seen_at", "pk")
        .values(
            "step_id",
            "step__title",
            "step__path",
            "first_seen_at",
            "last_seen_at",
            "completed_at",
            "checklist",
            "answers",
        )
    )
    bodies = dict(
        StepPage.objects.filter(pk__in={row["step_id"] for row in rows}).values_list("pk", "body")
    )
    steplen = Page.steplen
    module_paths = {row["step__path"][:-steplen] for row in rows}
    module_titles = dict(Page.objects.filter(path__in=module_paths).values_list("path", "title"))
    steps = []
    for row in rows:
        items, questions = _step_texts(bodies.get(row["step_id"]))
        answers = []
        for question_id, option_id in (row["answers"] or {}).items():
            question, options = questions.get(question_id, ("", {}))
            answers.append(
                {
                    "question_id": question_id,
                    "question": question,
                    "option_id": option_id,
                    "answer": options.get(option_id, ""),
                }
            )
        steps.append(
            {
                "step_id": row["step_id"],
                "step": row["step__title"],
                "module": module_titles.get(row["step__path"][:-steplen], ""),
                "first_seen_at": row["first_seen_at"],
                "last_seen_at": row["last_seen_at"],
                "completed_at": row["completed_at"],
                "checklist": [
                    {"id": tick, "text": items.get(tick, "")} for tick in row["checklist"] or ()
                ],
                "answers": answers,
            }
        )
    completions = (
        ModuleCompletion.objects.filter(user=user)
        .order_by("completed_at", "pk")
        .values("module_id", "module__title", "completed_at", "notified_at")
    )
    achieved = list(
        StatementAchieved.objects.filter(user=user)
        .order_by("module__path", "statement__sort_order", "statement_id")
        .values("statement_id", "statement__text", "module_id", "module__title")
    )
    # No row keeps when a statement was achieved: it was when the last of the steps
    # teaching it was done, so the latest completion among those steps tells.
    achieved_at = dict(
        StepProgress.objects.filter(
            user=user,
            completed_at__isnull=False,
            step__teaches__in=[row["statement_id"] for row in achieved],
        )
        .values_list("step__teaches")
        .annotate(at=Max("completed_at"))
    )
    summaries = (
        ModuleSummary.objects.filter(user=user)
        .order_by("module__path")
        .values(
            "module_id",
            "module__title",
            "steps_done",
            "steps_total",
            "completed",
            "last_activity_at",
        )
    )
    return {
        "steps": steps,
        "modules_completed": [
            {
                "module_id": row["module_id"],
                "module": row["module__title"],
                "completed_at": row["completed_at"],
                "congratulation_emailed_at": row["notified_at"],
            }
            for row in completions
        ],
        "statements_achieved": [
            {
                "statement": row["statement__text"],
                "module_id": row["module_id"],
                "module": row["module__title"],
                "achieved_at": achieved_at.get(row["statement_id"]),
            }
            for row in achieved
        ],
        "module_summaries": [
            {
                "module_id": row["module_id"],
                "module": row["module__title"],
                "steps_done": row["steps_done"],
                "steps_total": row["steps_total"],
                "completed": row["completed"],
                "last_activity_at": row["last_activity_at"],
            }
            for row in summaries
        ],
    }
