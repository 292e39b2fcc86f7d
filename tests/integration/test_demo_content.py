"""The demo command builds the whole demo and is safe to run again."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client

from accounts.models import User
from demo.learning import CONTENT_DIR, STEP_BODY, read_topics
from demo.people import DEMO_USERS, read_members
from learning.learners import SESSION_KEY
from learning.models import Level, LifeDomain, ModulePage, StepPage, StepProgress, Topic
from learning.selectors import catalog

from ..factories import UserFactory

pytestmark = pytest.mark.django_db


def test_load_demo_twice_is_idempotent(client):
    call_command("load_demo", "--with-users")
    counts = (Topic.objects.count(), ModulePage.objects.count(), StepPage.objects.count())
    progress = list(StepProgress.objects.values_list("step_id", "completed_at", "checklist"))
    assert counts[0] >= 5 and counts[1] >= 10
    current = catalog()
    assert all(3 <= len(m.step_ids) <= 6 for m in current.modules.values())
    assert {t.slug for t in current.topics} >= {
        "uitkeringen-toeslagen",
        "geld-budget",
        "opvoeden",
        "werk-zoeken",
        "gezond-eten",
    }

    call_command("load_demo", "--with-users")
    assert (Topic.objects.count(), ModulePage.objects.count(), StepPage.objects.count()) == counts
    assert list(StepProgress.objects.values_list("step_id", "completed_at", "checklist")) == (
        progress
    )
    # The demo users people sign in as, and the forum's other members (no known password).
    logins = [username for username, _role, _description in DEMO_USERS]
    assert all(user.has_usable_password() for user in User.objects.filter(username__in=logins))
    members = User.objects.filter(username__startswith="demo-").exclude(username__in=logins)
    assert len(logins) == 8 and members.count() == len(read_members())
    assert not any(member.has_usable_password() for member in members)
    assert User.objects.get(username="demo-hulpverlener").groups.filter(name="Hulpverleners")

    # The forum has a forum per module (its conversations: test_demo_forum.py).
    from forum.models import ModuleForum

    assert ModuleForum.objects.count() == len(current.modules)
    assert client.get("/forum/").status_code == 200

    # The demo client and worker are a team with a plan (an agreement by each and one by
    # her supporter, test_demo_network.py); the team lead sees counts.
    from team.models import PlanItem, TeamLink

    worker = User.objects.get(username="demo-hulpverlener")
    assert TeamLink.objects.filter(worker=worker, ended_at=None).count() == 1
    assert PlanItem.objects.count() == 3
    client.force_login(worker)
    assert client.get("/team/overzicht/").status_code == 200
    client.force_login(User.objects.get(username="demo-teamleider"))
    assert client.get("/team/rapport/").status_code == 200
    client.logout()

    # Every demo page renders.
    for module in current.modules.values():
        assert client.get(module.url).status_code == 200
    for step in current.steps.values():
        assert client.get(step.url).status_code == 200


def test_demo_users_only_on_request_outside_debug():
    call_command("load_demo")
    assert not User.objects.filter(username__startswith="demo-").exists()


def _forms(html: bytes, css_class: str) -> list:
    return BeautifulSoup(html, "html.parser").find_all("form", class_=css_class)


def _post_as_browser(client, form, *, choose: str):
    """Send ``form`` as a browser would, with the first ``choose`` box ticked.

    Returns the block id, the chosen id and the response status.
    """
    data: dict[str, list[str]] = {}
    for field in form.find_all("input"):
        if field.get("type") in ("checkbox", "radio"):
            continue
        data.setdefault(field["name"], []).append(field.get("value", ""))
    chosen = form.find("input", attrs={"name": choose})["value"]
    data[choose] = [chosen]
    block_id = data.get("checklist", data.get("question"))[0]
    response = client.post(form["action"], data)
    return block_id, chosen, response


@pytest.mark.parametrize("member", [False, True], ids=["visitor", "member"])
def test_every_shipped_checklist_and_question_can_be_saved(member):
    """Issue 15: the shipped steps' own forms answered 400 when their ids were not stable."""
    call_command("load_demo")
    client = Client(enforce_csrf_checks=True)
    user = UserFactory() if member else None
    if user:
        client.force_login(user)
    blocks = checklists = questions = 0
    for step in StepPage.objects.live().specific():
        blocks += sum(child.block_type in ("checklist", "question") for child in step.body)
        page = client.get(step.url)
        assert page.status_code == 200
        for form in _forms(page.content, "checklist"):
            block_id, item_id, response = _post_as_browser(client, form, choose="item")
            assert response.status_code == 302, (step.url, response.content[:300])
            if user:
                progress = StepProgress.objects.get(user=user, step=step)
                assert f"{block_id}:{item_id}" in progress.checklist
            else:
                entry = client.session[SESSION_KEY][str(step.pk)]
                assert f"{block_id}:{item_id}" in entry["checklist"]
            checklists += 1
        for form in _forms(page.content, "question"):
            question_id, option_id, response = _post_as_browser(client, form, choose="option")
            assert response.status_code == 302, (step.url, response.content[:300])
            if user:
                progress = StepProgress.objects.get(user=user, step=step)
                assert progress.answers[question_id] == option_id
            else:
                entry = client.session[SESSION_KEY][str(step.pk)]
                assert entry["answers"][question_id] == option_id
            questions += 1
    # Every checklist and question of the shipped content was tried, and there are some.
    assert checklists and questions
    assert checklists + questions == blocks


def _ids(step) -> dict[str, set[str]]:
    """Each checklist's and question's id with the ids of its items or options."""
    ids = {}
    for child in step.body:
        if child.block_type == "checklist":
            ids[child.id] = step.checklist_item_ids(child.id)
        elif child.block_type == "question":
            ids[child.id] = step.question_option_ids(child.id)
    return ids


def _file_ids(body: list[dict]) -> dict[str, set[str]]:
    field = {"checklist": "items", "question": "options"}
    return {
        child["id"]: {item["id"] for item in child["value"][field[child["type"]]]}
        for child in body
        if child["type"] in field
    }


def test_the_ids_come_from_the_files_so_every_load_gives_the_same():
    call_command("load_demo")
    steps = {
        step["slug"]: step["body"]
        for topic in read_topics()
        for module in topic["modules"]
        for step in module["steps"]
    }
    loaded = {step.slug: _ids(step) for step in StepPage.objects.specific()}
    assert loaded == {slug: _file_ids(body) for slug, body in steps.items()}
    assert any(loaded.values())

    # Loaded again from scratch (another machine, or after `make clean`): the same ids.
    for module in ModulePage.objects.all():
        module.get_children().delete()
    call_command("load_demo")
    assert {step.slug: _ids(step) for step in StepPage.objects.specific()} == loaded


def test_the_data_files_are_valid_step_content():
    """Every block exists in learning.blocks and passes its validation; ids are unique."""
    topics = read_topics()
    listed = {(t["slug"], m["slug"]) for t in topics for m in t["modules"]}
    # The forum's conversations are in forum/ (test_demo_forum.py checks them).
    on_disk = {
        (path.parent.name, path.stem)
        for path in CONTENT_DIR.glob("*/*.yaml")
        if path.parent.name != "forum"
    }
    assert listed == on_disk
    ids = []
    for topic in topics:
        assert topic["life_domain"] in LifeDomain.values
        for module in topic["modules"]:
            assert module["level"] in Level.values
            assert module["can_do"] and module["steps"]
            for step in module["steps"]:
                assert step["teaches"]
                assert all(0 <= i < len(module["can_do"]) for i in step["teaches"])
                STEP_BODY.clean(STEP_BODY.to_python(step["body"]))
                for child in step["body"]:
                    ids.append(child["id"])
                    for items in _file_ids([child]).values():
                        ids.extend(items)
    assert all(uuid.UUID(i) for i in ids)
    assert len(ids) == len(set(ids))


def test_an_unknown_block_type_is_named_with_its_file(tmp_path):
    (tmp_path / "topics.yaml").write_text(
        "- {slug: t, name: T, description: D, life_domain: financien, modules: [m]}\n"
    )
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "m.yaml").write_text(
        "steps:\n- teaches: [1]\n  body:\n  - {type: plaatje, id: x, value: y}\n"
    )
    with pytest.raises(ValueError, match="m.yaml: no block type 'plaatje'"):
        read_topics(tmp_path)


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_question_feedback_is_the_editors_words_once():
    """Issue 15: "Bijna. Bijna.": the template put its own verdict before feedback that
    (as every shipped answer does) already opens with one. The feedback box shows the
    reaction the editor wrote for the chosen answer, and nothing before it."""
    call_command("load_demo")
    client = Client()
    shown = 0
    for step in StepPage.objects.live().specific():
        for child in step.body:
            if child.block_type != "question":
                continue
            for option in child.value["options"].bound_blocks:
                response = client.post(
                    step.url + "antwoord/", {"question": child.id, "option": option.id}
                )
                assert response.status_code == 302
                page = BeautifulSoup(client.get(step.url).content, "html.parser")
                feedback = page.find("form", id=f"vraag-{child.id}").find(class_="feedback")
                assert _text(feedback) == " ".join(option.value["feedback"].split())
                shown += 1
    assert shown


def test_every_demo_topic_has_the_picture_and_colour_of_its_file():
    call_command("load_demo")
    looks = {t["slug"]: (t["icon"], t["colour"]) for t in read_topics()}
    assert len(set(looks.values())) == len(looks)  # each topic its own
    assert {t.slug: (t.icon, t.colour) for t in Topic.objects.all()} == looks
    # A demo loaded before topics had pictures gets them; an editor's choice stays.
    Topic.objects.filter(slug="opvoeden").update(icon="", colour="teal")
    Topic.objects.filter(slug="gezond-eten").update(icon="house", colour="blue")
    call_command("load_demo")
    assert Topic.objects.get(slug="opvoeden").icon == looks["opvoeden"][0]
    assert (
        Topic.objects.get(slug="gezond-eten").icon,
        Topic.objects.get(slug="gezond-eten").colour,
    ) == ("house", "blue")


def test_every_demo_step_is_plain_dutch(settings):
    from learning.readability import check_readability, step_plain_text

    call_command("load_demo")
    scores = {
        step.url_path: check_readability(
            step_plain_text(title=step.title, body=step.body),
            threshold=settings.LEARNING_READING_EASE_THRESHOLD,
        )
        for step in StepPage.objects.all()
    }
    assert len(scores) >= 40
    assert {path: r.score for path, r in scores.items() if r.too_hard} == {}


def test_the_demo_initiatives_load_once_and_their_pages_render(client):
    from nearby.models import Initiative, Status
    from search.services import outbox_drain

    call_command("load_demo")
    initiatives = list(Initiative.objects.prefetch_related("topics"))
    assert len(initiatives) >= 15
    assert all(made.status == Status.PUBLISHED and made.topics.exists() for made in initiatives)
    assert len({made.place for made in initiatives}) >= 4
    assert {"Utrecht", "Tilburg", "Zwolle", "Gent"} <= {made.place for made in initiatives}
    call_command("load_demo")
    assert Initiative.objects.count() == len(initiatives)

    assert client.get("/in-de-buurt/").status_code == 200
    for made in initiatives:
        page = client.get(f"/in-de-buurt/{made.pk}/")
        assert page.status_code == 200 and made.name in page.content.decode()
    outbox_drain()
    found = client.get("/in-de-buurt/", {"q": "voedselbank", "plaats": "3511"}).context["found"]
    assert [made.name for made in found.page.object_list] == ["Voedselbank Utrecht"]
    # Each demo module links to its topic's initiatives.
    module = ModulePage.objects.live().first()
    assert 'href="/in-de-buurt/' in client.get(module.url).content.decode()


def test_a_wrong_initiative_file_is_named(tmp_path):
    from demo.nearby import read_nearby

    (tmp_path / "nearby.yaml").write_text("- key: a\n  name: X\n  colour: red\n")
    with pytest.raises(ValueError, match="nearby.yaml"):
        read_nearby(tmp_path)
