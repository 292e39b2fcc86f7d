"""'Mijn netwerk': a client draws the people around them. Only they see it: every URL for
every kind of visitor, the writes and their history of counts (never names), bad input,
the rate limit, the page's query count, and the network in the download and the deletion."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.selectors import account_export
from accounts.services import account_delete
from network import selectors, services
from network.models import NetworkCount, Person

from ..factories import member, team_link, worker

pytestmark = pytest.mark.django_db

HOME = "/netwerk/"
ADD = "/netwerk/nieuw/"

ANNA = {"name": "Tante Gerda", "relation": "familie", "circle": "1", "helps": ["luisteren"]}


def _add(owner, name="Gerda", **fields):
    values = {"relation": "familie", "circle": 1, "helps": ["luisteren"]} | fields
    return services.person_add(owner=owner, name=name, **values)


def _today_count(owner) -> int:
    return NetworkCount.objects.get(owner=owner, day=timezone.localdate()).people


@pytest.fixture
def world():
    """A client with one person in their network, their linked worker, another client and
    a worker who is no one to them."""
    owner = member(username="anna", display_name="Anna")
    linked = worker(display_name="Bas")
    team_link(owner, linked)
    person = _add(owner, name="Buurman Kees", relation="buur", circle=2, helps=["praktisch"])
    return {
        "owner": owner,
        "person": person,
        "other_client": member(),
        "linked_worker": linked,
        "unlinked_worker": worker(),
    }


def _client_for(user) -> Client:
    visitor = Client()
    if user is not None:
        visitor.force_login(user)
    return visitor


# --- Who may open what -----------------------------------------------------------------------


def _urls(person: Person) -> list[str]:
    return [HOME, ADD, f"/netwerk/{person.pk}/", f"/netwerk/{person.pk}/weghalen/"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_the_login_page(world, method):
    for url in _urls(world["person"]):
        response = getattr(Client(), method)(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")
    assert Person.objects.count() == 1


def test_the_owner_opens_every_page(world):
    visitor = _client_for(world["owner"])
    for url in _urls(world["person"]):
        response = visitor.get(url)
        assert response.status_code == 200, url
    assert "Buurman Kees" in visitor.get(HOME).content.decode()
    assert Person.objects.count() == 1  # the remove page only asks


@pytest.mark.parametrize("actor", ["other_client", "linked_worker", "unlinked_worker"])
def test_nobody_else_sees_or_changes_a_persons_network(world, actor):
    visitor = _client_for(world[actor])
    person = world["person"]
    for url in _urls(person)[2:]:
        assert visitor.get(url).status_code == 404, url
    changed = visitor.post(f"/netwerk/{person.pk}/", ANNA)
    removed = visitor.post(f"/netwerk/{person.pk}/weghalen/")
    assert changed.status_code == 404 and removed.status_code == 404
    person.refresh_from_db()
    assert person.name == "Buurman Kees" and person.circle == 2
    # Their own "Mijn netwerk" is theirs: empty, nothing of Anna's.
    html = visitor.get(HOME).content.decode()
    assert "Buurman Kees" not in html
    assert "Nog niemand" in html


def test_writes_need_the_csrf_token(world):
    visitor = Client(enforce_csrf_checks=True)
    visitor.force_login(world["owner"])
    person = world["person"]
    assert visitor.post(ADD, ANNA).status_code == 403
    assert visitor.post(f"/netwerk/{person.pk}/weghalen/").status_code == 403
    assert Person.objects.count() == 1


# --- The pages -------------------------------------------------------------------------------


def test_the_overview_draws_everyone_in_their_circle_with_a_list_beside_it(world):
    owner = world["owner"]
    _add(owner, name="Gerda", circle=1)
    _add(owner, name="Oud-collega Mo", relation="collega", circle=3, helps=["advies", "geld"])
    html = _client_for(owner).get(HOME).content.decode()
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    assert html.count('class="ring ') == 3
    # One dot per person with their initial, in their circle.
    assert html.count('class="dot circle-1"') == 1
    assert html.count('class="dot circle-2"') == 1
    assert html.count('class="dot circle-3"') == 1
    assert all(f">{initial}</text>" in html for initial in "GOB")
    # The list says the same in words.
    for words in ("Gerda", "Oud-collega Mo", "Advies", "Geldzaken", "Praktische hulp"):
        assert words in html
    assert "Alleen jij ziet je netwerk" in html
    assert "Wie heb je vroeger vaak gezien?" in html
    assert "Is er iemand die bijna een vriend is?" in html
    assert f'href="{ADD}"' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_names_are_plain_text_and_shown_escaped(world):
    owner = world["owner"]
    visitor = _client_for(owner)
    response = visitor.post(ADD, ANNA | {"name": "  <b>Jan</b>\u200b  de\tBuur "})
    assert response.status_code == 302
    assert Person.objects.get(owner=owner, relation="familie").name == "Jan de Buur"
    _add(owner, name="<script>alert(1)</script>Piet & Co")
    html = visitor.get(HOME).content.decode()
    assert "<script>alert" not in html
    assert "alert(1)Piet &amp; Co" in html


def test_adding_changing_and_removing_in_plain_steps(world):
    owner = world["owner"]
    visitor = _client_for(owner)
    response = visitor.post(ADD, ANNA | {"helps": ["luisteren", "kinderen"]})
    assert response.status_code == 302 and response["Location"] == HOME
    gerda = Person.objects.get(name="Tante Gerda")
    assert (gerda.relation, gerda.circle, gerda.helps) == ("familie", 1, ["luisteren", "kinderen"])
    assert _today_count(owner) == 2

    form = visitor.get(f"/netwerk/{gerda.pk}/").content.decode()
    assert 'value="Tante Gerda"' in form and "<fieldset" in form
    response = visitor.post(f"/netwerk/{gerda.pk}/", ANNA | {"circle": "2", "helps": []})
    assert response.status_code == 302
    gerda.refresh_from_db()
    assert (gerda.circle, gerda.helps) == (2, [])

    confirm = visitor.get(f"/netwerk/{gerda.pk}/weghalen/").content.decode()
    assert "Tante Gerda" in confirm and 'method="post"' in confirm
    response = visitor.post(f"/netwerk/{gerda.pk}/weghalen/")
    assert response.status_code == 302 and response["Location"] == HOME
    assert not Person.objects.filter(pk=gerda.pk).exists()
    assert _today_count(owner) == 1


@pytest.mark.parametrize(
    "bad",
    [
        {"name": ""},
        {"name": "   "},
        {"name": "<p></p>"},
        {"name": "x" * 41},
        {"relation": "baas"},
        {"circle": "4"},
        {"circle": "0"},
        {"circle": "een"},
        {"helps": ["alles"]},
    ],
)
def test_bad_input_comes_back_with_the_error_summary_and_writes_nothing(world, bad):
    visitor = _client_for(world["owner"])
    person = world["person"]
    for url in (ADD, f"/netwerk/{person.pk}/"):
        response = visitor.post(url, ANNA | bad)
        assert response.status_code == 400, url
        html = response.content.decode()
        assert 'id="foutmeldingen"' in html
    person.refresh_from_db()
    assert Person.objects.count() == 1 and person.name == "Buurman Kees"
    assert _today_count(world["owner"]) == 1


def test_writes_are_rate_limited(world, settings):
    settings.NETWORK_RATE_LIMITS = {"user": "2/h"}
    visitor = _client_for(world["owner"])
    assert visitor.post(ADD, ANNA | {"name": "Een"}).status_code == 302
    assert visitor.post(ADD, ANNA | {"name": "Twee"}).status_code == 302
    response = visitor.post(ADD, ANNA | {"name": "Drie"})
    assert response.status_code == 429
    assert 'id="foutmeldingen"' in response.content.decode()
    person = world["person"]
    assert visitor.post(f"/netwerk/{person.pk}/weghalen/").status_code == 429
    assert set(Person.objects.values_list("name", flat=True)) == {"Buurman Kees", "Een", "Twee"}


def test_the_team_pages_and_the_menu_lead_to_the_network(world):
    visitor = _client_for(world["owner"])
    for url in ("/team/", "/team/plan/"):
        assert f'href="{HOME}"' in visitor.get(url).content.decode(), url


@pytest.mark.parametrize("people", [3, 30])
def test_the_overview_costs_the_same_queries_for_3_and_30_people(people, django_assert_num_queries):
    owner = member()
    for n in range(people):
        _add(owner, name=f"Persoon {n}", circle=n % 3 + 1, helps=["advies", "praktisch"])
    visitor = _client_for(owner)
    visitor.get(HOME)  # the first request of a session warms what every later one finds
    # The user (the session is in the cache), the people and the history of counts.
    with django_assert_num_queries(3):
        response = visitor.get(HOME)
    assert response.status_code == 200
    assert response.content.decode().count('class="dot circle-') == people


# --- The services and the history ----------------------------------------------------------------


def test_the_history_keeps_counts_per_day_and_never_names(world):
    owner = world["owner"]
    kees = world["person"]
    assert _today_count(owner) == 1
    second = _add(owner, name="Gerda")
    assert _today_count(owner) == 2
    services.person_change(
        owner=owner, person=second, name="Gerda B.", relation="vriend", circle=3, helps=[]
    )
    assert _today_count(owner) == 2
    services.person_remove(owner=owner, person=kees)
    assert _today_count(owner) == 1
    assert NetworkCount.objects.filter(owner=owner).count() == 1  # one row per day
    text_fields = [
        field.name
        for field in NetworkCount._meta.get_fields()
        if field.get_internal_type() in ("CharField", "TextField", "JSONField")
    ]
    assert text_fields == []


def test_services_refuse_what_is_not_the_owners_or_not_allowed(world):
    other = world["other_client"]
    with pytest.raises(services.NetworkError):
        services.person_remove(owner=other, person=world["person"])
    with pytest.raises(services.NetworkError):
        services.person_change(
            owner=other, person=world["person"], name="X", relation="buur", circle=1, helps=[]
        )
    with pytest.raises(services.NetworkError):
        _add(other, name="Y", circle=7)
    with pytest.raises(services.NetworkError):
        _add(other, name="Y", helps=["iets"])
    assert Person.objects.count() == 1
    assert not NetworkCount.objects.filter(owner=other).exists()


def test_a_person_removed_in_another_tab_cannot_be_changed(world):
    owner, person = world["owner"], world["person"]
    Person.objects.filter(pk=person.pk).delete()
    with pytest.raises(services.NetworkError):
        services.person_change(
            owner=owner, person=person, name="Kees", relation="buur", circle=1, helps=[]
        )
    assert not Person.objects.exists()


def test_a_network_has_room_for_max_people_and_no_more(world, monkeypatch):
    monkeypatch.setattr(services, "MAX_PEOPLE", 2)
    owner = world["owner"]
    _add(owner, name="Twee")
    with pytest.raises(services.NetworkError):
        _add(owner, name="Drie")
    assert Person.objects.filter(owner=owner).count() == 2
    assert _today_count(owner) == 2


def test_growth_is_told_in_strengths_language(world):
    owner = world["owner"]
    today = timezone.localdate()
    NetworkCount.objects.create(owner=owner, day=today - timedelta(days=120), people=1)
    NetworkCount.objects.create(owner=owner, day=today - timedelta(days=92), people=2)
    for name in ("Gerda", "Mo", "Sanne"):
        _add(owner, name=name)
    now = Person.objects.filter(owner=owner).count()
    assert now == 4
    growth = selectors.network_growth(owner=owner, people=now)
    assert (growth.then, growth.now) == (2, 4)
    # Django's timesince keeps "3 maanden" together with a no-break space.
    html = _client_for(owner).get(HOME).content.decode().replace("\xa0", " ")
    assert "3 maanden geleden had je 2 mensen in je netwerk, nu 4." in html


def test_a_young_history_counts_from_its_first_day(world):
    owner = world["owner"]
    today = timezone.localdate()
    NetworkCount.objects.create(owner=owner, day=today - timedelta(days=15), people=0)
    NetworkCount.objects.create(owner=owner, day=today - timedelta(days=8), people=3)
    growth = selectors.network_growth(owner=owner, people=1)
    assert (growth.since, growth.then, growth.now) == (today - timedelta(days=15), 0, 1)
    assert growth.ago.replace("\xa0", " ") == "2 weken"
    assert not selectors.network_growth(owner=member(), people=0)


def test_a_network_that_got_smaller_is_not_told_as_a_loss(world):
    owner = world["owner"]
    NetworkCount.objects.create(
        owner=owner, day=timezone.localdate() - timedelta(days=100), people=6
    )
    html = _client_for(owner).get(HOME).content.decode()
    assert "had je" not in html
    assert "1 persoon in je netwerk" in html


# --- Data rights ---------------------------------------------------------------------------------


def test_the_network_and_its_history_are_in_the_download(world):
    owner = world["owner"]
    _add(world["other_client"], name="Iemand van een ander")
    data = account_export(user=owner)["network"]
    assert data["people"] == [
        {
            "name": "Buurman Kees",
            "relation": "buur",
            "circle": 2,
            "helps": ["praktisch"],
            "created_at": world["person"].created_at,
            "changed_at": world["person"].changed_at,
        }
    ]
    assert data["history"] == [{"day": timezone.localdate(), "people": 1}]
    assert account_export(user=world["other_client"])["network"]["people"][0]["name"] == (
        "Iemand van een ander"
    )


def test_deleting_the_account_deletes_the_network_and_its_history(world):
    owner, other = world["owner"], world["other_client"]
    _add(other, name="Blijft")
    account_delete(user=owner, keep_posts=True)
    assert not Person.objects.filter(owner_id=owner.pk).exists()
    assert not NetworkCount.objects.filter(owner_id=owner.pk).exists()
    assert Person.objects.filter(owner=other).count() == 1
    assert NetworkCount.objects.filter(owner=other).count() == 1
