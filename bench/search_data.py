"""Search bench data: the demo content grown to 60 modules and 500 steps, 100,000 clients
of 500 workers in 10 teams with progress in every module (6 million step completions),
and 100,000 forum posts. ``BENCH_SEARCH_SCALE`` (0 < scale <= 1) shrinks the clients
and the posts for a quick run; the content, the workers and the teams stay.

Content goes through Wagtail as in the HTTP bench (``data.grow_content``) and the forum
tree is synced from it (``forum.services.forum_tree_sync``). Everything else is bulk
data that bypasses the signals, so no outbox entry asks for it: the stage rebuilds the
indexes it measures, and the entries the content's publishing wrote are deleted.

Team: 10 teams of 50 workers, each worker linked to 200 clients (a team lead's report
covers 10,000 clients, a report over all 10 teams 100,000). As in the HTTP bench, every
tenth link shares two learning topics only.

Progress: every client started every module. In each module a client did every step
(about one pair in 2 x the module's steps), only the first step (about half of the
pairs), or opened the first step without doing it (the rest): on average one completed
step per client and module, so 100,000 x 60 = 6 million completions, with completed
modules and achieved can-do statements for the reports to count. Which pair is which,
and when it started (within the last 120 days), is arithmetic on the client's and
module's numbers, so every run has the same data. The step rows, the module summaries
and the achieved statements are generated in PostgreSQL (``INSERT ... SELECT`` from a
small per-module plan): what each kind of pair amounts to (steps done, completed, last
activity, statements) is computed by ``learning.selectors.module_progress`` itself, so
the summaries are exactly what ``learning.services`` would derive from the step rows.
Checklist ticks and answers are left empty (nothing here reads them), as are module
completions.

Forum: topics of 10 posts in the 60 module forums (readable by anyone, so indexable),
their subjects and posts put together from Dutch sentences on a dozen everyday themes
(toeslagen, DigiD, schulden, werk, ...), written by 2,000 of the clients under display
names, dated 7 minutes apart. Posts are machina rows inserted with ``bulk_create``, their
``_content_rendered`` filled with the site's renderer, then the topics' and forums'
counters set as machina's trackers would. The random choices are seeded.
"""

import random
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from machina.core.db.models import get_model

from accounts.models import User
from forum.markup import render
from forum.services import forum_tree_sync
from learning.models import ModuleSummary, StatementAchieved, StepProgress
from learning.selectors import Catalog, StepState, catalog, module_progress
from search.models import OutboxEntry
from team.models import Team, TeamLink

from . import data, forum_data
from .team_data import link_clients

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

STEPS = 500  # live steps over data.MODULES modules
TEAMS = 10
WORKERS_PER_TEAM = 50
WORKERS = TEAMS * WORKERS_PER_TEAM
CLIENTS_PER_WORKER = 200
POSTS = 100_000
POSTS_PER_TOPIC = 10
WRITERS = 2000
MINUTES_BETWEEN_POSTS = 7
MINUTES_PER_STEP = 5  # a step is opened 5 minutes after the one before and done in 4
DAYS_OF_PROGRESS = 120
BATCH = 5000
SEED = 2026


@dataclass(frozen=True)
class Sizes:
    """How much data: everything scales with ``BENCH_SEARCH_SCALE`` but the content,
    the workers and the teams."""

    clients_per_worker: int
    posts: int

    @classmethod
    def scaled(cls, scale: float) -> "Sizes":
        if not 0 < scale <= 1:
            raise ValueError(f"the scale must be above 0 and at most 1, not {scale}")
        return cls(
            clients_per_worker=max(1, round(CLIENTS_PER_WORKER * scale)),
            posts=max(POSTS_PER_TOPIC, round(POSTS * scale / POSTS_PER_TOPIC) * POSTS_PER_TOPIC),
        )

    @property
    def clients(self) -> int:
        return WORKERS * self.clients_per_worker


@dataclass(frozen=True)
class SearchData:
    team_ids: list[int]  # in order; the first team's lead sees one tenth of the clients
    clients_per_team: int
    counts: dict[str, int]


def build(sizes: Sizes) -> SearchData:
    """Migrate the (empty) search bench database and fill it."""
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", verbosity=0)
    data.grow_content(modules=data.MODULES, steps=STEPS)
    forum_tree_sync()
    forums = forum_data.module_forums(expected=data.MODULES)
    password = make_password(data.PASSWORD)  # one PBKDF2 run for everyone
    clients = add_clients(sizes.clients, password=password)
    team_ids = add_teams(clients, password=password, per_worker=sizes.clients_per_worker)
    current = catalog()
    add_progress(clients, current)
    add_forum_posts(forums, writers=clients[:WRITERS], posts=sizes.posts, rng=random.Random(SEED))
    OutboxEntry.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics, as autovacuum keeps them on a live site
    return SearchData(
        team_ids=team_ids,
        clients_per_team=WORKERS_PER_TEAM * sizes.clients_per_worker,
        counts={
            "modules": len(current.modules),
            "steps": len(current.steps),
            "learning_topics": len(current.topics),
            "clients": len(clients),
            "workers": WORKERS,
            "teams": TEAMS,
            "team_links": TeamLink.objects.count(),
            "step_progress_rows": StepProgress.objects.count(),
            "step_completions": StepProgress.objects.filter(completed_at__isnull=False).count(),
            "module_summaries": ModuleSummary.objects.count(),
            "modules_completed": ModuleSummary.objects.filter(completed=True).count(),
            "statements_achieved": StatementAchieved.objects.count(),
            "module_forums": len(forums),
            "forum_topics": Topic.objects.count(),
            "forum_posts": Post.objects.count(),
        },
    )


# --- people ---


def add_clients(count: int, *, password: str) -> list[User]:
    """``count`` learners; the first ``WRITERS`` (who write the forum posts) with a
    display name, as most people who post choose one."""
    users = [
        User(
            username=f"zoek-client-{n:06d}",
            password=password,
            display_name=f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {chr(65 + n % 26)}."
            if n < WRITERS
            else "",
        )
        for n in range(count)
    ]
    return User.objects.bulk_create(users, batch_size=BATCH)


def add_teams(clients: list[User], *, password: str, per_worker: int) -> list[int]:
    """The teams and their workers, and a link from each client to one worker; returns
    the team ids."""
    workers = User.objects.bulk_create(
        [
            User(username=f"zoek-hulpverlener-{n:03d}", password=password)
            for n in range(1, WORKERS + 1)
        ]
    )
    teams = []
    for number in range(TEAMS):
        team = Team.objects.create(name=f"Wijkteam {number + 1}")
        team.members.add(*workers[number * WORKERS_PER_TEAM : (number + 1) * WORKERS_PER_TEAM])
        teams.append(team.pk)
    link_clients(clients, workers, per_worker=per_worker, batch_size=BATCH)
    return teams


# --- progress ---

# How far a client got in a module: every step, only the first, or only opened the first.
PAIR_KINDS = ("all", "first", "opened")


def progress_plan(current: Catalog):
    """Per module and kind of pair: the step rows (minutes after the start when the step
    was seen and done), and what ``module_progress`` makes of them (the summary and the
    statements achieved)."""
    start = timezone.now()
    steps, outcomes, achieved = [], [], []
    for module_id in current.modules:
        module_steps = current.module_steps(module_id)
        for kind, done in zip(PAIR_KINDS, (len(module_steps), 1, 0), strict=True):
            states = {}
            for position, step in enumerate(module_steps[: max(done, 1)]):
                seen = MINUTES_PER_STEP * position
                finished = seen + MINUTES_PER_STEP - 1 if position < done else None
                steps.append((module_id, kind, step.id, seen, finished))
                states[step.id] = StepState(
                    completed_at=start + timedelta(minutes=finished) if position < done else None,
                    last_seen_at=start + timedelta(minutes=seen if finished is None else finished),
                )
            progress = module_progress(catalog=current, states=states, module_id=module_id)
            last = (progress.last_activity - start) // timedelta(minutes=1)
            outcomes.append(
                (module_id, kind, progress.done, progress.total, progress.complete, last)
            )
            achieved += [(module_id, kind, s.id) for s in progress.statements_achieved]
    return steps, outcomes, achieved


def add_progress(clients: list[User], current: Catalog) -> None:
    """Step rows, module summaries and achieved statements for every client and module
    (see the module docstring), generated in PostgreSQL."""
    steps, outcomes, achieved = progress_plan(current)
    modules = [
        (module.id, module.topic_id, number, len(module.step_ids))
        for number, module in enumerate(current.modules.values())
    ]
    quote = connection.ops.quote_name
    tables = {
        "progress": quote(StepProgress._meta.db_table),
        "summary": quote(ModuleSummary._meta.db_table),
        "achieved": quote(StatementAchieved._meta.db_table),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        cursor.execute(
            """
            CREATE TEMP TABLE bench_client (user_id bigint, number int) ON COMMIT DROP;
            CREATE TEMP TABLE bench_module (module_id bigint, topic_id bigint, number int,
                steps int) ON COMMIT DROP;
            CREATE TEMP TABLE bench_step (module_id bigint, kind text, step_id bigint,
                seen int, done int) ON COMMIT DROP;
            CREATE TEMP TABLE bench_outcome (module_id bigint, kind text, steps_done int,
                steps_total int, completed boolean, last int) ON COMMIT DROP;
            CREATE TEMP TABLE bench_achieved (module_id bigint, kind text, statement_id bigint)
                ON COMMIT DROP;
            """
        )
        _copy(cursor, "bench_client", ((c.pk, n) for n, c in enumerate(clients)))
        _copy(cursor, "bench_module", modules)
        _copy(cursor, "bench_step", steps)
        _copy(cursor, "bench_outcome", outcomes)
        _copy(cursor, "bench_achieved", achieved)
        # Client n in module m (with s steps): h = (n + 7m) mod 2s; h = 0 did every step,
        # 1 <= h <= s the first, the rest opened it. Started up to DAYS_OF_PROGRESS ago.
        cursor.execute(
            """
            CREATE TEMP TABLE bench_pair ON COMMIT DROP AS
            SELECT user_id, module_id, topic_id, start,
                CASE WHEN h = 0 THEN 'all' WHEN h <= steps THEN 'first' ELSE 'opened' END
                    AS kind
            FROM (
                SELECT c.user_id, m.module_id, m.topic_id, m.steps,
                    mod(c.number + 7 * m.number, 2 * m.steps) AS h,
                    now() - interval '1 day'
                        - make_interval(mins => mod(c.number * 7919 + m.number * 104729, %s))
                        AS start
                FROM bench_client c CROSS JOIN bench_module m
            ) pairs
            """,
            [DAYS_OF_PROGRESS * 24 * 60],
        )
        with _keys_and_indexes_after(cursor, list(tables.values())):
            # In key order, as the rows of one learner would mostly lie together.
            cursor.execute(
                f"""
                INSERT INTO {tables["progress"]} (user_id, step_id, first_seen_at,
                    last_seen_at, completed_at, checklist, answers)
                SELECT p.user_id, s.step_id, p.start + make_interval(mins => s.seen),
                    p.start + make_interval(mins => coalesce(s.done, s.seen)),
                    p.start + make_interval(mins => s.done), '[]', '{{}}'
                FROM bench_pair p JOIN bench_step s USING (module_id, kind)
                ORDER BY p.user_id, s.step_id;

                INSERT INTO {tables["summary"]} (user_id, module_id, topic_id, steps_done,
                    steps_total, completed, last_activity_at)
                SELECT p.user_id, p.module_id, p.topic_id, o.steps_done, o.steps_total,
                    o.completed, p.start + make_interval(mins => o.last)
                FROM bench_pair p JOIN bench_outcome o USING (module_id, kind)
                ORDER BY p.user_id, p.module_id;

                INSERT INTO {tables["achieved"]} (user_id, statement_id, module_id, topic_id)
                SELECT p.user_id, a.statement_id, p.module_id, p.topic_id
                FROM bench_pair p JOIN bench_achieved a USING (module_id, kind)
                ORDER BY p.user_id, a.statement_id;
                """  # noqa: S608 (table names from the models)
            )


@contextmanager
def _keys_and_indexes_after(cursor, tables: list[str]):
    """Drop the foreign and unique keys and the secondary indexes of ``tables`` for the
    block, and create them again after it, as ``pg_restore`` does: building an index
    and checking a key once over millions of rows is much faster than row by row."""
    cursor.execute(
        """
        SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid)
        FROM pg_constraint
        WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('f', 'u')
        """,
        [tables],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        """
        SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid)
        FROM pg_index i
        WHERE indrelid = ANY(%s::regclass[]) AND NOT indisprimary AND NOT EXISTS (
            SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype = 'u'
        )
        """,
        [tables],
    )
    indexes = cursor.fetchall()
    for table, name, _ in constraints:
        cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    yield
    for _, definition in indexes:
        cursor.execute(definition)
    for table, name, definition in constraints:
        cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")


def _copy(cursor, table: str, rows: Iterable[tuple]) -> None:
    """``rows`` into ``table`` with COPY."""
    with cursor.copy(f"COPY {table} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


# --- forum ---


def add_forum_posts(forums: list, *, writers: list[User], posts: int, rng: random.Random):
    """``posts`` posts in topics of ``POSTS_PER_TOPIC``, each topic on one theme, spread
    over ``forums``."""
    themes = [rng.choice(THEMES) for _ in range(posts // POSTS_PER_TOPIC)]
    topics = []
    for number, theme in enumerate(themes):
        subject = rng.choice(theme.subjects)
        topics.append(
            Topic(
                forum=forums[number % len(forums)],
                poster=rng.choice(writers),
                subject=subject,
                slug=slugify(subject),
                type=Topic.TOPIC_POST,
                status=Topic.TOPIC_UNLOCKED,
                approved=True,
            )
        )
    Topic.objects.bulk_create(topics, batch_size=BATCH)
    rows = []
    for topic, theme in zip(topics, themes, strict=True):
        for number in range(POSTS_PER_TOPIC):
            content = post_text(rng, theme, first=number == 0)
            rows.append(
                Post(
                    topic=topic,
                    poster=topic.poster if number == 0 else rng.choice(writers),
                    subject=topic.subject if number == 0 else f"Re: {topic.subject}"[:255],
                    content=content,
                    _content_rendered=render(content),
                    approved=True,
                )
            )
    Post.objects.bulk_create(rows, batch_size=BATCH)
    set_dates_and_trackers(forums)


def post_text(rng: random.Random, theme: "Theme", *, first: bool) -> str:
    """Markdown for one post: a question that opens a topic, or a reply; sentences on
    the topic's theme, often a detail (a place, an amount: rarer words, as real posts
    have), now and then a general sentence, a list or a bold phrase."""
    sentences = rng.sample(theme.sentences, rng.randint(1, 3))
    if rng.random() < 0.5:
        detail = rng.choice(DETAILS)
        sentences.append(
            detail.format(
                place=rng.choice(PLACES), amount=rng.randint(5, 2500), weeks=rng.randint(1, 20)
            )
        )
    if first:
        return "\n\n".join([rng.choice(OPENINGS), *sentences, rng.choice(QUESTIONS)])
    if rng.random() < 0.3:
        sentences.append(rng.choice(GENERAL))
    if rng.random() < 0.15:
        return "Wat mij hielp:\n\n" + "\n".join(f"- {s}" for s in sentences)
    if rng.random() < 0.2:
        sentences[0] = f"**{sentences[0]}**"
    return " ".join(sentences)


def set_dates_and_trackers(forums: list) -> None:
    """Date the posts ``MINUTES_BETWEEN_POSTS`` apart in id order, the last one now
    (``created`` is auto_now_add: set after the insert), then set each topic's first and
    last post and counts, and each forum's counters (machina's ``update_trackers``)."""
    quote = connection.ops.quote_name
    post, topic = quote(Post._meta.db_table), quote(Topic._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {post} SET created = p.at, updated = p.at
            FROM (SELECT id, now() - (max(id) OVER () - id) * %s * interval '1 minute' AS at
                  FROM {post}) p
            WHERE {post}.id = p.id;

            UPDATE {topic} SET first_post_id = p.first, last_post_id = p.last,
                posts_count = p.n, created = p.first_at, updated = p.last_at,
                last_post_on = p.last_at
            FROM (SELECT topic_id, min(id) AS first, max(id) AS last, count(*) AS n,
                         min(created) AS first_at, max(created) AS last_at
                  FROM {post} GROUP BY topic_id) p
            WHERE {topic}.id = p.topic_id;
            """,  # noqa: S608 (table names from the models)
            [MINUTES_BETWEEN_POSTS],
        )
    for forum in forums:
        forum.update_trackers()


# --- what the forum says ---


@dataclass(frozen=True)
class Theme:
    subjects: tuple[str, ...]
    sentences: tuple[str, ...]


THEMES = (
    Theme(  # toeslagen
        subjects=(
            "Hoe vraag ik zorgtoeslag aan?",
            "Huurtoeslag terugbetalen, wat nu?",
            "Zorgtoeslag stopgezet na verhuizing",
            "Inkomen wijzigen bij de Dienst Toeslagen",
            "Recht op huurtoeslag met een kamer?",
        ),
        sentences=(
            "Ik heb de zorgtoeslag aangevraagd via Mijn toeslagen en na zes weken kwam het geld.",
            "Bij de proefberekening op toeslagen.nl zie je meteen of je recht hebt op huurtoeslag.",
            "Geef een verandering in je inkomen snel door, anders moet je achteraf terugbetalen.",
            "Mijn huurtoeslag werd lager omdat mijn toeslagpartner meer ging verdienen.",
            "Je kunt een betalingsregeling vragen als je toeslag moet terugbetalen.",
            "De Dienst Toeslagen stuurt eerst een voorschot en later een definitieve berekening.",
            "Voor de huurtoeslag telt de kale huur plus een deel van de servicekosten.",
            "Na mijn verhuizing stopte de zorgtoeslag omdat mijn adres niet klopte.",
        ),
    ),
    Theme(  # DigiD en de digitale overheid
        subjects=(
            "DigiD kwijt, hoe krijg ik een nieuwe?",
            "Inloggen met de DigiD app lukt niet",
            "Berichtenbox van MijnOverheid instellen",
            "Machtiging geven aan mijn dochter",
            "Activeringscode DigiD niet ontvangen",
        ),
        sentences=(
            "Een nieuwe DigiD vraag je aan op digid.nl, de activeringscode komt per brief.",
            "Met de DigiD app hoef je geen wachtwoord te onthouden, je gebruikt een pincode.",
            "In de Berichtenbox van MijnOverheid komt post van de gemeente en de Belastingdienst.",
            "Met een DigiD machtiging kan iemand anders je zaken regelen, zoals je aangifte.",
            "Op het gemeentehuis kun je je DigiD app laten controleren met je paspoort.",
            "De activeringscode is twintig dagen geldig, daarna moet je opnieuw aanvragen.",
            "Het Informatiepunt Digitale Overheid in de bibliotheek helpt gratis met inloggen.",
            "Zet de meldingen van MijnOverheid aan, dan mis je geen belangrijke post.",
        ),
    ),
    Theme(  # schulden
        subjects=(
            "Brief van een incassobureau, wat moet ik doen?",
            "Betalingsregeling met de energieleverancier",
            "Deurwaarder aan de deur",
            "Schuldhulpverlening bij de gemeente aanvragen",
            "Rekeningen stapelen zich op",
        ),
        sentences=(
            "Bel het incassobureau en vraag om een betalingsregeling die je echt kunt betalen.",
            "De schuldhulpverlening van de gemeente is gratis en ze helpen je met een overzicht.",
            "Een deurwaarder mag niet zomaar alles meenemen, er is een beslagvrije voet.",
            "Maak eerst een lijst van al je schulden: aan wie, hoeveel en sinds wanneer.",
            "Open je post elke dag, ook als je bang bent voor wat erin staat.",
            "Bij het Juridisch Loket kun je gratis vragen of de incassokosten kloppen.",
            "Ik betaalde eerst de vaste lasten: huur, energie en zorgverzekering.",
            "Schuldhulp heeft me geholpen om weer rust te krijgen, het duurde wel een jaar.",
        ),
    ),
    Theme(  # bijstand en uitkeringen
        subjects=(
            "Bijstand aanvragen na een scheiding",
            "Hoe lang duurt een WW-uitkering?",
            "Bijverdienen naast de bijstand",
            "Inlichtingenformulier van de gemeente invullen",
            "Uitkering te laat op mijn rekening",
        ),
        sentences=(
            "De bijstand vraag je aan bij de gemeente, via Werk.nl meld je je eerst aan.",
            "Het UWV betaalt de WW-uitkering, hoe lang hangt af van je arbeidsverleden.",
            "Geef bijverdiensten altijd door op het inlichtingenformulier, anders volgt een boete.",
            "Je consulent van de gemeente kan uitleggen welke bijzondere bijstand er is.",
            "Mijn uitkering kwam later omdat ik mijn bankafschriften niet had ingeleverd.",
            "Met een uitkering heb je vaak recht op kwijtschelding van gemeentelijke belastingen.",
            "De kostendelersnorm betekent dat je bijstand lager is als je met volwassenen woont.",
            "Vraag bij twijfel om een gesprek, dan leggen ze de regels rustig uit.",
        ),
    ),
    Theme(  # werk zoeken
        subjects=(
            "Tips voor een sollicitatiebrief",
            "Hoe maak ik een goed cv?",
            "Sollicitatiegesprek volgende week, zenuwachtig",
            "Werk zoeken met weinig Nederlands",
            "Vrijwilligerswerk als opstap naar betaald werk",
        ),
        sentences=(
            "Houd je cv kort: twee pagina's met je werkervaring, opleiding en vaardigheden.",
            "In je sollicitatiebrief schrijf je waarom je juist bij dit bedrijf wilt werken.",
            "Oefen het sollicitatiegesprek met een vriend, dat scheelt veel zenuwen.",
            "Mijn werkcoach van de gemeente hielp me met vacatures zoeken op Werk.nl.",
            "Vrijwilligerswerk staat goed op je cv en je leert nieuwe mensen kennen.",
            "Vraag na een afwijzing altijd om feedback, daar leer je het meest van.",
            "Via een uitzendbureau vond ik snel werk in de logistiek.",
            "Een taalcursus Nederlands naast het werk maakte solliciteren veel makkelijker.",
        ),
    ),
    Theme(  # belastingen
        subjects=(
            "Belastingaangifte voor het eerst zelf doen",
            "Voorlopige aanslag klopt niet",
            "Teruggave van de Belastingdienst",
            "Hulp bij de aangifte inkomstenbelasting",
            "Kwijtschelding gemeentelijke belastingen",
        ),
        sentences=(
            "De belastingaangifte doe je voor 1 mei met je DigiD bij de Belastingdienst.",
            "Bij de vooringevulde aangifte staan je loon en je bankrekeningen er al in.",
            "Een voorlopige aanslag kun je aanpassen als je inkomen verandert.",
            "De Belastingdienst Telefoon is gratis en ze helpen je stap voor stap.",
            "Ik kreeg geld terug omdat ik een half jaar niet had gewerkt.",
            "Vrijwilligers van de Formulierenbrigade helpen gratis met je aangifte.",
            "Kwijtschelding van de afvalstoffenheffing vraag je aan bij de gemeente.",
            "Bewaar je jaaropgaven goed, die heb je nodig voor de aangifte.",
        ),
    ),
    Theme(  # energie
        subjects=(
            "Energierekening veel te hoog",
            "Termijnbedrag energie verlagen",
            "Jaarafrekening: ik moet bijbetalen",
            "Tips om energie te besparen",
            "Noodfonds energie aanvragen",
        ),
        sentences=(
            "Controleer je meterstanden, bij mij was de jaarafrekening op een schatting gebaseerd.",
            "Je kunt je termijnbedrag verhogen zodat je aan het eind niet zoveel bijbetaalt.",
            "Een energiecoach van de gemeente kwam gratis langs met tips om te besparen.",
            "De verwarming een graad lager scheelt al snel tien euro per maand.",
            "Tochtstrips en radiatorfolie zijn goedkoop en helpen echt.",
            "Vraag bij de energieleverancier om een betalingsregeling voor de jaarafrekening.",
            "Korter douchen is de makkelijkste manier om gas te besparen.",
            "Ik vergelijk elk jaar de energiecontracten, dat scheelde mij veel geld.",
        ),
    ),
    Theme(  # zorg
        subjects=(
            "Eigen risico zorgverzekering betalen",
            "Welke zorgverzekering kiezen?",
            "Tandarts niet vergoed",
            "Huisarts bellen, ik durf niet goed",
            "Zorgverzekering via de gemeente",
        ),
        sentences=(
            "Het eigen risico kun je bij veel zorgverzekeraars in termijnen betalen.",
            "De huisarts valt niet onder het eigen risico, een bezoek kost je dus niets.",
            "Via de gemeentepolis ben je goedkoper verzekerd als je een laag inkomen hebt.",
            "Tandartskosten voor volwassenen moet je aanvullend verzekeren.",
            "Je kunt elk jaar voor 1 januari overstappen naar een andere zorgverzekering.",
            "Schrijf op wat je aan de huisarts wilt vragen, dan vergeet je niets.",
            "De apotheek rekent medicijnen soms af van je eigen risico.",
            "Bij de zorgverzekeraar kun je vragen welke behandelingen vergoed worden.",
        ),
    ),
    Theme(  # kinderen en school
        subjects=(
            "Schoolkosten voor mijn kinderen betalen",
            "Kindgebonden budget aanvragen",
            "Kinderbijslag na de geboorte",
            "Stichting Leergeld, wie heeft ervaring?",
            "Mijn kind wil op sport maar het is duur",
        ),
        sentences=(
            "Stichting Leergeld helpt met schoolspullen, een laptop of een fiets voor school.",
            "Het kindgebonden budget krijg je vanzelf als je kinderbijslag en zorgtoeslag hebt.",
            "De kinderbijslag komt elk kwartaal van de Sociale Verzekeringsbank.",
            "Via het Jeugdfonds Sport en Cultuur kan je kind gratis op voetbal of muziekles.",
            "De vrijwillige ouderbijdrage van school hoef je niet te betalen.",
            "Met de stadspas van de gemeente krijg je korting op zwemles.",
            "Vraag de mentor op school om hulp als de kosten te hoog worden.",
            "Ik spaar elke maand een klein bedrag voor de schoolreis.",
        ),
    ),
    Theme(  # budget
        subjects=(
            "Hoe houd ik mijn maandbudget bij?",
            "Goedkoop boodschappen doen",
            "Sparen met een klein inkomen",
            "Overzicht van vaste lasten maken",
            "Geld tekort aan het eind van de maand",
        ),
        sentences=(
            "Ik schrijf al mijn uitgaven op in een schriftje, zo zie ik waar het geld blijft.",
            "Met een weekmenu en een boodschappenlijst geef ik veel minder uit.",
            "Zet op de dag dat je loon binnenkomt meteen een klein bedrag op je spaarrekening.",
            "Het Nibud heeft een handige rekenhulp voor je maandbudget.",
            "Abonnementen die je niet gebruikt kun je beter opzeggen.",
            "Huismerken in de supermarkt zijn vaak net zo goed en veel goedkoper.",
            "Ik verdeel mijn geld over potjes: huur, eten, kleding en onverwachte kosten.",
            "Aan het eind van de maand kijk ik wat over is en zet dat opzij.",
        ),
    ),
    Theme(  # gezond eten
        subjects=(
            "Gezond koken voor weinig geld",
            "Recepten met groente voor kinderen",
            "Gezonde lunch voor mijn werk",
            "Minder suiker eten, hoe begin je?",
            "Voedselbank en gezond eten",
        ),
        sentences=(
            "Soep van seizoensgroente is goedkoop, gezond en je kunt het invriezen.",
            "Kinderen eten meer groente als ze mogen helpen met koken.",
            "Volkoren brood met een stuk fruit is een goedkope en gezonde lunch.",
            "Drink water in plaats van frisdrank, dat scheelt suiker en geld.",
            "Bij de Voedselbank krijg je ook groente en fruit, en soms recepten.",
            "Peulvruchten zoals bruine bonen en linzen zijn goedkoop en vullen goed.",
            "Ik kook op zondag voor drie dagen, dat bespaart tijd en geld.",
            "De Schijf van Vijf van het Voedingscentrum helpt om gezond te kiezen.",
        ),
    ),
    Theme(  # opvoeden
        subjects=(
            "Puber luistert niet meer",
            "Hoeveel schermtijd is normaal?",
            "Praten met je kind over geld",
            "Opvoedondersteuning van het wijkteam",
            "Ruzie tussen broers en zussen",
        ),
        sentences=(
            "Maak samen afspraken over schermtijd en leg ze op papier.",
            "Het wijkteam heeft gratis opvoedondersteuning, je hoeft geen verwijzing te hebben.",
            "Met zakgeld leert je kind omgaan met geld en keuzes maken.",
            "Een puber heeft ruimte nodig, maar ook duidelijke grenzen.",
            "Bij het Centrum voor Jeugd en Gezin kun je terecht met al je vragen over opvoeden.",
            "Samen eten zonder telefoon geeft rust en tijd om te praten.",
            "Ik laat mijn kinderen hun ruzie eerst zelf oplossen en help alleen als het nodig is.",
            "Prijs je kind als iets goed gaat, dat werkt beter dan straffen.",
        ),
    ),
)
OPENINGS = (
    "Hallo allemaal,",
    "Hoi, ik ben nieuw hier.",
    "Goedemiddag,",
    "Ik zit een beetje met mijn handen in het haar.",
    "Misschien een domme vraag, maar ik weet het echt niet.",
)
QUESTIONS = (
    "Wie heeft hier ervaring mee?",
    "Wat moet ik nu doen?",
    "Weet iemand waar ik moet beginnen?",
    "Hoe hebben jullie dit aangepakt?",
    "Alvast bedankt voor jullie tips!",
)
GENERAL = (
    "Heel veel succes ermee!",
    "Dank je wel, dit helpt mij ook.",
    "Je bent niet de enige, ik had precies hetzelfde.",
    "Laat je weten hoe het is afgelopen?",
    "Neem de tijd en vraag hulp als het te veel wordt.",
    "Goede vraag, daar liep ik vorig jaar ook tegenaan.",
)
DETAILS = (
    "Ik woon in {place}.",
    "Bij de gemeente {place} duurde het {weeks} weken.",
    "Het ging bij mij om {amount} euro.",
    "Ik betaal nu {amount} euro per maand.",
    "Na {weeks} weken kreeg ik antwoord.",
    "In {place} is er een spreekuur in de bibliotheek.",
)
PLACES = (
    "Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere",
    "Breda", "Nijmegen", "Apeldoorn", "Arnhem", "Haarlem", "Enschede", "Zaanstad",
    "Amersfoort", "Zwolle", "Leiden", "Maastricht", "Dordrecht", "Zoetermeer", "Emmen",
    "Leeuwarden", "Delft", "Venlo", "Deventer", "Helmond", "Heerlen", "Hilversum", "Oss",
    "Sittard-Geleen", "Den Helder", "Lelystad", "Vlaardingen", "Schiedam", "Assen",
    "Purmerend", "Roosendaal", "Kerkrade", "Hoorn", "Vlissingen",
)  # fmt: skip
FIRST_NAMES = (
    "Samira", "Henk", "Fatima", "Joyce", "Mohamed", "Anouk", "Kees", "Priya", "Dewi",
    "Bram", "Yasmina", "Ricardo", "Ineke", "Tomasz", "Aylin", "Gerrit", "Naima", "Sven",
)  # fmt: skip
