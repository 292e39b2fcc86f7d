"""'In de buurt': local initiatives. The list and its filters (place, postcode and its
area, topic, words through the site's search), one initiative, a member's suggestion
(bad input, the rate limit, plain text, it waits), who publishes (editors and workers in
the Wagtail admin, nobody else), unpublished ones a 404 for everyone, the list's query
count, the module and step pages and the help page linking to them, and the
suggestions in the download and after account deletion."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts import roles
from accounts.selectors import account_export
from accounts.services import account_delete
from learning.models import ModulePage
from nearby.models import Initiative, Status
from search.services import outbox_drain

from ..factories import TopicFactory, initiative, make_module, member, steps_of, worker

pytestmark = pytest.mark.django_db

LIST = "/in-de-buurt/"
SUGGEST = "/in-de-buurt/voorstellen/"


def detail(made) -> str:
    return f"/in-de-buurt/{made.pk}/"


@pytest.fixture
def world():
    money = TopicFactory(name="Geld & budget", slug="geld-budget")
    make_module(topic=money, steps=1)  # the filter offers the topics of the catalog
    made = {
        "money": money,
        "brug": initiative(name="Taalcafé De Brug", place="Utrecht", postcode="3511"),
        "lombok": initiative(
            name="Buurthuis Lombok", place="Utrecht", postcode="3531", topics=[money]
        ),
        "tilburg": initiative(name="Taalcafé Noord", place="Tilburg", postcode="5038"),
        "waiting": initiative(name="Geheim Wachtcafé", place="Utrecht", published=False),
        "rejected": initiative(name="Afgewezen Club", place="Utrecht", published=False),
    }
    made["rejected"].status = Status.REJECTED
    made["rejected"].save()
    outbox_drain()
    return made


def names(response) -> list[str]:
    return [made.name for made in response.context["found"].page.object_list]


def _signed_in(user) -> Client:
    visitor = Client()
    visitor.force_login(user)
    return visitor


# --- The list and one initiative ------------------------------------------------------------


def test_the_list_shows_published_initiatives_only(client, world):
    response = client.get(LIST)
    assert response.status_code == 200
    assert names(response) == ["Buurthuis Lombok", "Taalcafé De Brug", "Taalcafé Noord"]
    page = response.content.decode()
    assert "Geheim Wachtcafé" not in page and "Afgewezen Club" not in page


def test_a_town_filters_by_place(client, world):
    assert names(client.get(LIST, {"plaats": " tilburg "})) == ["Taalcafé Noord"]


def test_a_postcode_finds_its_area_and_says_what_nearby_means(client, world):
    response = client.get(LIST, {"plaats": "3531 AB"})
    # Both start with 35; the one in 3531 itself comes first.
    assert names(response) == ["Buurthuis Lombok", "Taalcafé De Brug"]
    assert "alle postcodes die met 35 beginnen" in response.content.decode()


def test_a_topic_filters(client, world):
    assert names(client.get(LIST, {"onderwerp": "geld-budget"})) == ["Buurthuis Lombok"]


def test_words_are_searched_as_on_the_search_page(client, world):
    assert sorted(names(client.get(LIST, {"q": "taalcafé"}))) == [
        "Taalcafé De Brug",
        "Taalcafé Noord",
    ]
    assert names(client.get(LIST, {"q": "taalcafé", "plaats": "5038"})) == ["Taalcafé Noord"]
    # "budget" is in the topic of Lombok's community centre, so in its words.
    assert names(client.get(LIST, {"q": "budget"})) == ["Buurthuis Lombok"]
    assert names(client.get(LIST, {"q": "onbestaandwoord"})) == []


@pytest.mark.parametrize(
    "query",
    [{"plaats": "0123"}, {"plaats": "12345"}, {"onderwerp": "bestaat-niet"}, {"q": "x" * 500}],
)
def test_bad_filters_answer_400_with_the_error_summary(client, world, query):
    response = client.get(LIST, query)
    assert response.status_code == 400
    assert "Kijk dit nog even na" in response.content.decode()


def test_one_initiative_with_its_contact_as_links(client, world):
    made = world["brug"]
    made.phone, made.email, made.website = "030 123 45 67", "info@brug.nl", "https://brug.nl"
    made.address, made.cost = "Oudegracht 1", ""
    made.save()
    page = client.get(detail(made)).content.decode()
    assert 'href="tel:0301234567"' in page
    assert 'href="mailto:info@brug.nl"' in page
    assert 'href="https://brug.nl"' in page
    assert "Oudegracht 1, 3511 Utrecht" in page and "Gratis" in page


@pytest.mark.parametrize("key", ["waiting", "rejected"])
def test_an_unpublished_initiative_is_a_404_for_everyone(world, key):
    made = world[key]
    editor = member(groups=[roles.EDITOR])
    for visitor in (Client(), _signed_in(member()), _signed_in(editor), _signed_in(worker())):
        assert visitor.get(detail(made)).status_code == 404
    for odd in ("abc", "0", "99999999999999999999999"):
        assert Client().get(f"/in-de-buurt/{odd}/").status_code == 404


def test_the_list_costs_the_same_for_3_and_30_initiatives(client, world, django_assert_num_queries):
    client.get(LIST)  # the catalog (topics) is cached from here on
    # The page's count, the page of initiatives, their topics (prefetched).
    with django_assert_num_queries(3):
        assert client.get(LIST).status_code == 200
    for number in range(27):
        initiative(name=f"Initiatief {number}", topics=[world["money"]])
    client.get(LIST)  # each publish bumped the content version: the catalog is read again
    with django_assert_num_queries(3):
        assert client.get(LIST).status_code == 200


# --- A member's suggestion -------------------------------------------------------------------

GOOD = {
    "name": "Repair Café <b>Zuid</b>",
    "what": "Samen kapotte spullen maken.",
    "for_whom": "Iedereen uit de wijk.",
    "how_to_join": "Neem je kapotte spullen mee.",
    "cost": "",
    "opening_times": "Elke eerste zaterdag, 10:00 tot 13:00",
    "address": "",
    "postcode": "8012",
    "place": "Zwolle",
    "phone": "038 123 45 67",
    "email": "",
    "website": "https://repaircafe.example",
}


def test_suggesting_needs_an_account(client):
    response = client.get(SUGGEST)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_a_suggestion_waits_for_an_editor(world):
    suggester = member()
    visitor = _signed_in(suggester)
    response = visitor.post(SUGGEST, {**GOOD, "topics": [world["money"].pk]}, follow=True)
    assert response.status_code == 200
    made = Initiative.objects.get(place="Zwolle")
    assert made.status == Status.WAITING and made.suggested_by == suggester
    assert made.name == "Repair Café Zuid"  # plain text
    assert list(made.topics.all()) == [world["money"]]
    page = response.content.decode()
    assert "wacht op een redacteur" in page and "Repair Café Zuid" in page
    assert "Repair Café" not in Client().get(LIST).content.decode()
    assert Client().get(detail(made)).status_code == 404


@pytest.mark.parametrize(
    "field, value",
    [
        ("postcode", "0999"),
        ("postcode", "35111"),
        ("phone", "bel me"),
        ("website", "javascript:alert(1)"),
        ("email", "geen-adres"),
        ("name", "<b></b>"),
        ("what", ""),
    ],
)
def test_bad_suggestions_answer_400_and_store_nothing(field, value):
    response = _signed_in(member()).post(SUGGEST, {**GOOD, field: value})
    assert response.status_code == 400
    assert "Kijk dit nog even na" in response.content.decode()
    assert not Initiative.objects.exists()


def test_too_many_suggestions_are_refused_with_429(settings):
    settings.NEARBY_RATE_LIMITS = {"user": "2/h"}
    visitor = _signed_in(member())
    for _ in range(2):
        assert visitor.post(SUGGEST, GOOD).status_code == 302
    response = visitor.post(SUGGEST, GOOD)
    assert response.status_code == 429
    assert "Wacht even" in response.content.decode()
    assert Initiative.objects.count() == 2


# --- Who publishes --------------------------------------------------------------------------


def _admin_edit(made) -> str:
    return f"/beheer/snippets/nearby/initiative/edit/{made.pk}/"


def _form(made, **changes) -> dict:
    data = {
        field: getattr(made, field)
        for field in (
            "name",
            "what",
            "for_whom",
            "how_to_join",
            "cost",
            "opening_times",
            "address",
            "postcode",
            "place",
            "phone",
            "email",
            "website",
            "status",
        )
    }
    data["topics"] = [topic.pk for topic in made.topics.all()]
    return data | changes


@pytest.mark.parametrize("role", [roles.EDITOR, roles.WORKER])
def test_editors_and_workers_publish_in_the_admin(world, role):
    keeper = _signed_in(member(groups=[role]))
    waiting = world["waiting"]
    listed = keeper.get("/beheer/snippets/nearby/initiative/", {"status": Status.WAITING})
    assert listed.status_code == 200
    assert "Geheim Wachtcafé" in listed.content.decode()
    assert "Taalcafé De Brug" not in listed.content.decode()  # published: filtered out
    response = keeper.post(_admin_edit(waiting), _form(waiting, status=Status.PUBLISHED))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.PUBLISHED
    assert Client().get(detail(waiting)).status_code == 200


@pytest.mark.parametrize("role", [None, roles.EXPERIENCE_EXPERT, roles.MODERATOR])
def test_nobody_else_publishes(world, role):
    visitor = _signed_in(member(groups=[role] if role else []))
    waiting = world["waiting"]
    response = visitor.post(_admin_edit(waiting), _form(waiting, status=Status.PUBLISHED))
    # Sent to the admin's login (they may not enter it), or refused.
    assert response.status_code == 403 or response["Location"].startswith("/beheer/login/")
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITING


def test_the_admin_refuses_a_bad_postcode(world):
    keeper = _signed_in(member(groups=[roles.EDITOR]))
    made = world["brug"]
    response = keeper.post(_admin_edit(made), _form(made, postcode="0123"))
    assert response.status_code == 200  # the form again, with its error
    made.refresh_from_db()
    assert made.postcode == "3511"


def test_workers_enter_the_admin_but_see_no_pages():
    assert Group.objects.get(name=roles.WORKER).permissions.filter(codename="access_admin").exists()
    keeper = _signed_in(worker())
    assert keeper.get("/beheer/").status_code == 200
    # Wagtail sends someone without any page permission from the page explorer back home.
    response = keeper.get("/beheer/pages/")
    assert response.status_code == 302 and response["Location"] == "/beheer/"


# --- Where people find them -------------------------------------------------------------------


def test_modules_and_steps_link_their_topics_initiatives(world):
    module = ModulePage.objects.get(topic=world["money"])
    step = steps_of(module)[0]
    visitor = Client()
    for url in (module.url, step.url):
        page = visitor.get(url).content.decode()
        assert "Buurthuis Lombok" in page
        assert "Taalcafé De Brug" not in page  # another topic
        assert 'href="/in-de-buurt/' in page


def test_a_newly_published_initiative_shows_on_the_cached_module_page(world):
    module = ModulePage.objects.get(topic=world["money"])
    assert "Geheim Wachtcafé" not in Client().get(module.url).content.decode()  # now cached
    waiting = world["waiting"]
    waiting.topics.set([world["money"]])
    waiting.status = Status.PUBLISHED
    waiting.save()
    assert "Geheim Wachtcafé" in Client().get(module.url).content.decode()
    waiting.status = Status.REJECTED
    waiting.save()
    assert "Geheim Wachtcafé" not in Client().get(module.url).content.decode()


def test_the_help_page_leads_to_the_neighbourhood(client):
    assert 'href="/in-de-buurt/"' in client.get("/hulp/").content.decode()


def test_the_search_page_finds_initiatives(client, world):
    page = client.get("/zoeken/", {"q": "taalcafé Tilburg"}).content.decode()
    assert "In de buurt" in page and f'href="/in-de-buurt/{world["tilburg"].pk}/"' in page


# --- Data rights ------------------------------------------------------------------------------


def test_suggestions_join_the_download_and_lose_their_suggester_on_deletion(world):
    suggester = member()
    _signed_in(suggester).post(SUGGEST, GOOD)
    (entry,) = account_export(user=suggester)["nearby"]["suggested"]
    assert entry["name"] == "Repair Café Zuid" and entry["status"] == "Wacht op beoordeling"
    assert account_export(user=member())["nearby"]["suggested"] == []
    account_delete(user=suggester, keep_posts=False)
    made = Initiative.objects.get(place="Zwolle")
    assert made.suggested_by is None
