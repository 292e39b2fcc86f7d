"""The shipped demo network: the demo client's own people, her sister as a supporter in
her plan, and the counts her worker may see; every page that shows them renders, and
loading twice changes nothing."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from demo.team import read_team
from network.models import Person
from team.models import Encouragement, PlanItem, SupportLink

from .test_demo_forum import _demo_files

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_the_demo_network_loads_once_and_every_side_sees_its_part(client):
    call_command("load_demo", "--with-users")
    call_command("load_demo", "--with-users")
    anna = User.objects.get(username="demo-client")
    assert Person.objects.filter(owner=anna).count() == 5
    link = SupportLink.objects.get(client=anna, ended_at=None)
    assert (link.supporter.username, link.person.name) == ("demo-steunpersoon", "Zus Mariam")
    assert PlanItem.objects.filter(client=anna, who="person", person=link.person).count() == 1
    assert Encouragement.objects.filter(client=anna).count() == 1

    client.force_login(anna)
    assert "Zus Mariam" in _text(client.get(reverse("network:home")))
    plan = _text(client.get(reverse("team:plan")))
    assert "Wie: Zus Mariam" in plan and "Ik ben trots op je!" in plan

    client.force_login(link.supporter)
    page = _text(client.get(reverse("team:support_plan", args=[link.pk])))
    assert "Ik pas woensdag op de kinderen" in page

    client.force_login(User.objects.get(username="demo-hulpverlener"))
    worker_page = _text(client.get(reverse("team:client", args=[anna.pk])))
    assert "heeft 5 mensen in het eigen netwerk. 1 daarvan denkt mee in het plan." in worker_page
    assert "Zus Mariam" not in worker_page
    gap = BeautifulSoup(client.get(reverse("team:gap")).content, "html.parser")
    assert gap.select_one("td.network").get_text() == "1"

    client.force_login(User.objects.get(username="demo-teamleider"))
    assert "delen: –" in _text(client.get(reverse("team:report")))  # one client: below k


def test_an_encouragement_by_someone_who_is_no_supporter_is_refused(tmp_path):
    content = _demo_files(
        tmp_path,
        team="teams: []\nlinks: []\nplan: []\nnetwork: []\n"
        "encouragements: [{client: demo-client, author: demo-lid-a, text: Hoi}]\n",
    )
    with pytest.raises(ValueError, match="'demo-lid-a' is no supporter of 'demo-client'"):
        read_team(content)
