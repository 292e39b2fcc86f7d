"""The "netwerk" scope: with the client's consent a worker sees counts of their network
(people, supporters, supporters per kind of help) on the client page and a supporters'
column in the gap view; a team lead sees how many clients have a supporter (k >= 5).
Never a name; every look is logged for the client."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts import roles
from team.models import AccessLog, Team

from ..factories import (
    TopicFactory,
    make_module,
    member,
    network_person,
    support_link,
    team_link,
    worker,
)

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def _sharing_link(client, helper, *, share_network=True):
    link = team_link(client, helper)
    link.share_network = share_network
    link.save()
    return link


def _network(owner, *, people: int, supporters: int) -> None:
    """``people`` in ``owner``'s network, the first ``supporters`` of them in the plan."""
    for number in range(people):
        person = network_person(
            owner,
            f"Persoon {number}",
            helps=["praktisch", "luisteren"] if number % 2 == 0 else ["geld"],
        )
        if number < supporters:
            support_link(owner, member(), person=person)


@pytest.fixture
def module():
    return make_module(topic=TopicFactory(name="Geld"), slug="budget", steps=2)


def test_the_client_chooses_to_share_counts_of_their_network(client, module):
    owner, helper = member(display_name="Anna"), worker()
    link = team_link(owner, helper)
    client.force_login(owner)
    form = BeautifulSoup(
        client.get(reverse("team:link_scope", args=[link.pk])).content, "html.parser"
    )
    box = form.find("input", {"name": "share_network"})
    assert box is not None and not box.has_attr("checked")  # off unless the client says so
    response = client.post(
        reverse("team:link_scope", args=[link.pk]),
        {"scope": "alles", "share_plan": "on", "share_network": "on"},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.share_network
    assert "en aantallen uit je netwerk (geen namen)." in _text(client.get(reverse("team:home")))


def test_without_consent_a_worker_sees_nothing_of_the_network(client, module):
    owner, helper = member(display_name="Anna"), worker()
    _sharing_link(owner, helper, share_network=False)
    _network(owner, people=3, supporters=1)
    client.force_login(helper)
    page = _text(client.get(reverse("team:client", args=[owner.pk])))
    assert "eigen netwerk" not in page and "Persoon 0" not in page
    assert not AccessLog.objects.filter(what="network").exists()
    gap = BeautifulSoup(client.get(reverse("team:gap")).content, "html.parser")
    assert gap.select_one("td.network").get_text() == "–"


def test_with_consent_the_client_page_counts_supporters_per_kind_of_help_never_names(
    client, module
):
    owner, helper = member(display_name="Anna"), worker()
    _sharing_link(owner, helper)
    _network(owner, people=5, supporters=3)
    client.force_login(helper)
    response = client.get(reverse("team:client", args=[owner.pk]))
    section = BeautifulSoup(response.content, "html.parser").find(
        "section", attrs={"aria-labelledby": "netwerk-kop"}
    )
    text = section.get_text(" ", strip=True)
    assert "Anna heeft 5 mensen in het eigen netwerk. 3 daarvan denken mee in het plan." in text
    helps = [li.get_text(strip=True) for li in section.find_all("li")]
    assert helps == [
        "Praktische hulp: 2",
        "Gezelschap: 0",
        "Advies: 0",
        "Een luisterend oor: 2",
        "Geldzaken: 1",
        "Kinderen: 0",
    ]
    assert "Persoon" not in response.content.decode()
    # The client sees the look.
    client.force_login(owner)
    assert "bekeek hoeveel mensen in je netwerk staan en meedenken (aantallen)." in _text(
        client.get(reverse("team:access_log"))
    )


def test_the_gap_views_support_column_follows_supporters_coming_and_going(client, module):
    """The gap view is cached: a supporter joining or leaving bumps the caseload version."""
    owner, helper = member(display_name="Anna"), worker()
    _sharing_link(owner, helper)
    client.force_login(helper)

    def column() -> str:
        page = BeautifulSoup(client.get(reverse("team:gap")).content, "html.parser")
        return page.select_one("td.network").get_text()

    assert column() == "0"
    ans = support_link(owner, member())
    assert column() == "1"
    ans.ended_at = ans.created_at
    ans.save()
    assert column() == "0"
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("team:gap_csv")).content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][-1] == "Steun" and rows[1][-1] == "0"


def test_the_gap_view_costs_the_same_queries_for_3_and_30_supporters(client, module, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from team import selectors

    monkeypatch.setattr(selectors, "GAP_CACHE_SECONDS", 0)

    def queries(supporters: int) -> int:
        helper = worker()
        for number in range(3):
            owner = member(display_name=f"Cliënt {number}")
            _sharing_link(owner, helper)
            _network(owner, people=supporters, supporters=supporters)
        client.force_login(helper)
        client.get(reverse("team:gap"))  # warm the catalog and session
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("team:gap")).status_code == 200
        return len(captured)

    assert queries(3) == queries(30)


def test_the_client_page_costs_the_same_queries_for_3_and_30_people(client, module):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(people: int) -> int:
        owner, helper = member(), worker()
        _sharing_link(owner, helper)
        _network(owner, people=people, supporters=people)
        client.force_login(helper)
        client.get(reverse("team:client", args=[owner.pk]))  # warm the catalog and session
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("team:client", args=[owner.pk])).status_code == 200
        return len(captured)

    assert queries(3) == queries(30)


@pytest.mark.parametrize(("sharing", "shown"), [(4, False), (5, True)])
def test_the_team_report_counts_clients_with_a_supporter_only_from_five(
    client, module, sharing, shown
):
    lead, helper = member(groups=[roles.TEAM_LEAD]), worker()
    team = Team.objects.create(name="Wijkteam")
    team.members.add(helper)
    team.leads.add(lead)
    for _number in range(sharing):
        owner = member()
        _sharing_link(owner, helper)
        _network(owner, people=1, supporters=1)
    _sharing_link(member(), helper, share_network=False)  # not counted: no consent
    client.force_login(lead)
    section = BeautifulSoup(client.get(reverse("team:report")).content, "html.parser").find(
        "section", attrs={"aria-labelledby": "rapport-netwerk"}
    )
    text = section.get_text(" ", strip=True)
    if shown:
        assert "delen: 5" in text and "in hun plan: 5" in text
    else:
        assert "delen: –" in text and "in hun plan: –" in text
