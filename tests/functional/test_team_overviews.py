"""The worker's overviews and the team lead's report: right numbers, a log line the
client sees for every look, a bounded number of queries, and k-anonymity."""

import csv
import io

import pytest
from django.urls import reverse

from accounts import roles
from learning.models import ModuleSummary, StatementAchieved
from learning.services import module_summaries_rebuild
from team.models import AccessLog, Team

from ..factories import (
    TopicFactory,
    add_step,
    complete_steps,
    make_module,
    member,
    steps_of,
    team_link,
    worker,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def modules():
    money = TopicFactory(name="Geld")
    return [make_module(topic=money, slug=f"m{i}", steps=2, statements=1) for i in range(2)]


def caseload(helper, modules, count: int, *, done_first: int = 0) -> list:
    """``count`` linked clients; the first ``done_first`` finished the first module."""
    clients = []
    for number in range(count):
        client = member(display_name=f"Cliënt {number:03}")
        team_link(client, helper)
        if number < done_first:
            complete_steps(client, steps_of(modules[0]))
        clients.append(client)
    return clients


def test_summaries_follow_completions_and_content_changes(modules):
    learner = member()
    first, second = steps_of(modules[0])
    complete_steps(learner, [first])
    summary = ModuleSummary.objects.get(user=learner, module=modules[0])
    assert (summary.steps_done, summary.steps_total, summary.completed) == (1, 2, False)
    complete_steps(learner, [second])
    summary.refresh_from_db()
    assert summary.completed and StatementAchieved.objects.filter(user=learner).count() == 1

    add_step(modules[0], 3)  # a third step makes the module unfinished again
    module_summaries_rebuild(module_id=modules[0].pk)
    summary = ModuleSummary.objects.get(user=learner, module=modules[0])
    assert (summary.steps_done, summary.steps_total, summary.completed) == (2, 3, False)


def test_my_clients_counts_and_nudges(client, modules):
    helper = worker()
    active, idle = caseload(helper, modules, 2, done_first=1)
    client.force_login(helper)
    response = client.get(reverse("team:clients"))
    rows = {row.client.pk: row for row in response.context["rows"]}
    assert (rows[active.pk].completed, rows[active.pk].in_progress) == (1, 0)
    assert rows[active.pk].statements == 1 and not rows[active.pk].inactive
    assert rows[idle.pk].inactive  # never active: the nudge shows
    assert "Al 14 dagen niets gedaan" in response.content.decode()


@pytest.mark.parametrize(
    ("url_name", "what"),
    [
        ("team:clients", AccessLog.What.CLIENT_LIST),
        ("team:gap", AccessLog.What.GAP_VIEW),
        ("team:gap_csv", AccessLog.What.EXPORT),
    ],
)
def test_every_look_is_logged_for_every_client_shown(client, modules, url_name, what):
    helper = worker(display_name="Bas")
    clients = caseload(helper, modules, 3)
    outsider = member()
    client.force_login(helper)
    assert client.get(reverse(url_name)).status_code == 200
    logged = set(
        AccessLog.objects.filter(worker=helper, what=what).values_list("client", flat=True)
    )
    assert logged == {c.pk for c in clients}
    assert not AccessLog.objects.filter(client=outsider).exists()


def test_the_client_sees_who_looked(client, modules):
    helper = worker(display_name="Bas de Hulp")
    (owner,) = caseload(helper, modules, 1)
    client.force_login(helper)
    client.get(reverse("team:client", args=[owner.pk]))
    client.force_login(owner)
    html = client.get(reverse("team:access_log")).content.decode()
    assert "Bas de Hulp bekeek je voortgang per module" in html
    assert "Bas de Hulp" in client.get(reverse("team:home")).content.decode()


def test_the_gap_view_shows_gaps_and_the_heatmap(client, modules):
    helper = worker()
    caseload(helper, modules, 4, done_first=1)
    client.force_login(helper)
    view = client.get(reverse("team:gap")).context["view"]
    gaps = {gap.module.id: (gap.not_reached, gap.clients) for gap in view.module_gaps}
    assert gaps == {modules[0].pk: (3, 4), modules[1].pk: (4, 4)}
    assert [gap.not_reached for gap in view.statement_gaps][:1] == [4]
    assert [(waiting.count, len(waiting.clients)) for waiting in view.not_started] == [(3, 3)]
    first_row = view.rows[0]
    assert (first_row.cells[0].done, first_row.cells[0].total) == (2, 2)


def test_the_gap_csv_is_the_same_table(client, modules):
    helper = worker()
    caseload(helper, modules, 2, done_first=1)
    member_with_formula = member(display_name="=HYPERLINK(1)")
    team_link(member_with_formula, helper)
    client.force_login(helper)
    response = client.get(reverse("team:gap_csv"))
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Cliënt", modules[0].title, modules[1].title, "Steun"]
    # "Steun" stays empty: these clients do not share counts of their network.
    assert rows[1:] == [
        ["'=HYPERLINK(1)", "0/2", "0/2", ""],
        ["Cliënt 000", "2/2", "0/2", ""],
        ["Cliënt 001", "0/2", "0/2", ""],
    ]


def test_gap_view_queries_do_not_grow_with_the_caseload(client, modules, monkeypatch):
    """Computed afresh every time here (the view is cached otherwise)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from team import selectors

    monkeypatch.setattr(selectors, "GAP_CACHE_SECONDS", 0)

    def queries(helper):
        client.force_login(helper)
        client.get(reverse("team:gap"))  # warm the catalog and session
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("team:gap")).status_code == 200
        return len(captured)

    small, large = worker(), worker()
    caseload(small, modules, 2, done_first=1)
    caseload(large, modules, 25, done_first=10)
    assert queries(small) == queries(large) <= 15


def test_a_gap_view_miss_reads_the_caseload_once(client, modules, monkeypatch):
    """Issue 15: the page's key (``gap_facts``) and its body (``gap_view``) each read the
    worker's caseload: its version and its cache entry twice, or the database twice when
    the entry is not kept."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from team import selectors
    from team.cache import bump_caseload_versions

    helper = worker()
    caseload(helper, modules, 3, done_first=1)
    client.force_login(helper)
    client.get(reverse("team:gap"))  # warm the catalog and session
    bump_caseload_versions(worker_ids=[helper.pk])  # a new client, say: a miss

    reads = []
    get, get_many = cache.get, cache.get_many
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: reads.append(key) or get(key, *a, **k))
    monkeypatch.setattr(
        cache, "get_many", lambda keys, *a, **k: reads.extend(keys) or get_many(keys, *a, **k)
    )
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("team:gap")).status_code == 200
    assert len([key for key in reads if key.startswith("team:caseload:")]) == 1
    assert len([key for key in reads if key.startswith("team:caseload-version:")]) == 1
    people = [q for q in captured if '"client__display_name"' in q["sql"]]
    assert len(people) == 1

    # Not kept at all: still one read of the database.
    monkeypatch.setattr(selectors, "GAP_CACHE_SECONDS", 0)
    bump_caseload_versions(worker_ids=[helper.pk])
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("team:gap")).status_code == 200
    assert len([q for q in captured if '"client__display_name"' in q["sql"]]) == 1


def test_the_team_report_counts_and_hides_small_numbers(client, modules):
    lead = member(groups=[roles.TEAM_LEAD])
    first, second = worker(), worker()
    team = Team.objects.create(name="Wijkteam")
    team.members.add(first, second)
    team.leads.add(lead)
    caseload(first, modules, 4, done_first=4)
    caseload(second, modules, 3, done_first=2)
    caseload(worker(), modules, 5, done_first=5)  # another team's: not counted

    client.force_login(lead)
    response = client.get(reverse("team:report"))
    ((_topic, cells),) = response.context["report"].rows
    finished, untouched = cells
    assert (finished.clients, finished.started, finished.completed) == (7, 6, 6)
    assert (untouched.clients, untouched.started, untouched.completed) == (7, None, None)
    html = response.content.decode()
    assert "Cliënt 000" not in html  # counts only, never a name


def test_the_rebuild_command_restores_lost_summaries(modules):
    from django.core.management import call_command

    learner = member()
    complete_steps(learner, steps_of(modules[1]))
    ModuleSummary.objects.all().delete()
    StatementAchieved.objects.all().delete()
    call_command("rebuild_summaries")
    summary = ModuleSummary.objects.get(user=learner)
    assert summary.module_id == modules[1].pk and summary.completed
    assert StatementAchieved.objects.filter(user=learner).count() == 1


def test_long_lists_of_clients_who_did_not_start_are_cut_short(client, modules, monkeypatch):
    from team import selectors

    monkeypatch.setattr(selectors, "NOT_STARTED_NAMES", 2)
    helper = worker()
    caseload(helper, modules, 4)
    client.force_login(helper)
    response = client.get(reverse("team:gap"))
    (waiting,) = response.context["view"].not_started
    assert (waiting.count, [c.public_name for c in waiting.clients]) == (
        4,
        ["Cliënt 000", "Cliënt 001"],
    )
    assert "4 cliënten nog niet begonnen aan Geld" in response.content.decode()
    assert "en anderen" in response.content.decode()


def test_overview_links_lead_to_each_clients_page(client, modules):
    helper = worker()
    (owner,) = caseload(helper, modules, 1)
    client.force_login(helper)
    (row,) = client.get(reverse("team:clients")).context["rows"]
    assert row.client.url == reverse("team:client", args=[owner.pk])
    assert client.get(row.client.url).status_code == 200


def test_the_cached_gap_view_follows_progress_scopes_names_and_links(client, modules):
    from team.services import link_end, link_set_scope

    helper = worker()
    first, second = caseload(helper, modules, 2)
    client.force_login(helper)

    def view():
        return client.get(reverse("team:gap")).context["view"]

    def not_reached():
        return {gap.module.id: gap.not_reached for gap in view().module_gaps}

    assert not_reached() == {modules[0].pk: 2, modules[1].pk: 2}  # now cached
    complete_steps(first, steps_of(modules[0]))
    assert not_reached() == {modules[0].pk: 1, modules[1].pk: 2}

    second.display_name = "Nieuwe naam"
    second.save()
    assert "Nieuwe naam" in [row.client.public_name for row in view().rows]

    link = second.worker_links.get()
    other_topic = TopicFactory(name="Opvoeden")
    link_set_scope(
        client=second, link=link, all_topics=False, topic_ids=[other_topic.pk], share_plan=True
    )
    rows = {row.client.public_name: row for row in view().rows}
    assert [cell is None for cell in rows["Nieuwe naam"].cells] == [True, True]

    link_end(user=first, link=first.worker_links.get())
    assert [row.client.public_name for row in view().rows] == ["Nieuwe naam"]


def test_pages_and_the_csv_link_keep_the_chosen_topic_and_order(client, modules, monkeypatch):
    from team import selectors

    monkeypatch.setattr(selectors, "GAP_PAGE_SIZE", 1)
    helper = worker()
    caseload(helper, modules, 2, done_first=1)
    client.force_login(helper)
    slug = modules[0].topic.slug
    html = client.get(reverse("team:gap"), {"onderwerp": slug, "sorteer": "voortgang"}).content
    html = html.decode()
    assert f'href="?onderwerp={slug}&amp;sorteer=voortgang&amp;page=2"' in html
    assert f'overzicht.csv?onderwerp={slug}&amp;sorteer=voortgang"' in html
    second = client.get(reverse("team:gap"), {"onderwerp": slug, "sorteer": "voortgang", "page": 2})
    assert [row.client.public_name for row in second.context["view"].rows] == ["Cliënt 001"]


def test_report_and_gaps_count_the_same_from_elasticsearch(client, modules, elasticsearch):
    from search.services import search_rebuild

    helper = worker()
    caseload(helper, modules, 6, done_first=5)
    lead = member(groups=[roles.TEAM_LEAD])
    team = Team.objects.create(name="Noord")
    team.members.add(helper)
    team.leads.add(lead)
    search_rebuild()
    client.force_login(lead)
    report = client.get(reverse("team:report")).context["report"]
    assert not report.degraded
    ((_topic, cells),) = report.rows
    assert (cells[0].clients, cells[0].started, cells[0].completed) == (6, 5, 5)

    client.force_login(helper)
    view = client.get(reverse("team:gap")).context["view"]
    assert not view.degraded
    assert [(gap.label, gap.not_reached) for gap in view.module_gaps][:1] == [(modules[1].title, 6)]


def test_report_falls_back_when_elasticsearch_is_down(client, modules, elasticsearch):
    lead = member(groups=[roles.TEAM_LEAD])
    team = Team.objects.create(name="Zuid")
    team.leads.add(lead)
    elasticsearch.client = type(elasticsearch.client)("http://127.0.0.1:9", max_retries=0)
    client.force_login(lead)
    response = client.get(reverse("team:report"))
    assert response.status_code == 200 and response.context["report"].degraded
    assert "De zoekdienst antwoordt nu niet" in response.content.decode()
