"""A person's own data: downloading all of it ("Mijn gegevens") and deleting the account,
with their forum posts kept as "verwijderde gebruiker" or removed."""

import json
from datetime import datetime
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import Sum
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from machina.core.db.models import get_model

from accounts import roles
from accounts.models import User, UserSession
from accounts.selectors import export_sections
from forum import services as forum_services
from forum.links import forum_url, topic_url
from forum.models import (
    CrisisSignal,
    HelpfulVote,
    ModerationAction,
    PostMeta,
    Report,
    Subscription,
    TopicMeta,
)
from learning import services as learning_services
from learning.learners import Learner
from learning.models import ModuleCompletion, StepProgress
from team.models import Team

from ..factories import PASSWORD, make_module, member, reply, start_topic, steps_of

pytestmark = pytest.mark.django_db

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
ForumProfile = get_model("forum_member", "ForumProfile")

EXPORT = "/account/mijn-gegevens/"
DELETE = "/account/verwijderen/"

# Strings that appear nowhere but in the person's own data.
USERNAME = "zonnebloem42"
DISPLAY_NAME = "Zonnetje Zeventien"
OTHER_USERNAME = "andere-persoon"
OTHER_REPLY = "Bel Dienst Toeslagen, dat hielp mij ook."


def _fresh(obj):
    obj.refresh_from_db()
    return obj


@pytest.fixture
def story(module, forum):
    """The person ("me") with progress, a finished module, a topic with someone else's
    reply, a reply of theirs in someone else's topic (helped someone, warned by a
    moderator, with a crisis phrase), a "Dit hielp mij", a followed forum and a report;
    and someone else ("other") with data of their own."""
    # An experience expert posts without approval through their group, so deleting them
    # changes no per-person forum permission (which would restart every cached page).
    me = member(
        username=USERNAME,
        display_name=DISPLAY_NAME,
        email="zon@example.org",
        groups=[roles.EXPERIENCE_EXPERT],
    )
    other = member(trusted=True, username=OTHER_USERNAME)
    moderator = member(groups=[roles.MODERATOR], username="toezichthouder")
    steps = steps_of(module)

    learner = Learner(user=me, session=None)
    learning_services.step_set_checklist(
        learner=learner, step=steps[0], block_id="checklist-1", item_ids=["item-1-a"]
    )
    learning_services.step_answer(
        learner=learner, step=steps[0], question_id="question-1", option_id="option-1-right"
    )
    for step in steps:
        learning_services.step_complete(learner=learner, step=step)
    learning_services.step_complete(learner=Learner(user=other, session=None), step=steps[0])

    my_topic = start_topic(
        forum, me, subject="Hoe vraag ik zorgtoeslag aan?", content="Ik snap het formulier niet."
    )
    other_reply = reply(my_topic, other, OTHER_REPLY)
    other_topic = start_topic(
        forum, other, subject="Wie kent de voedselbank?", content="Hoe werkt dat?"
    )
    my_reply = reply(other_topic, me, "Soms denk ik aan zelfmoord, maar de voedselbank hielp.")
    later_reply = reply(other_topic, other, "Dank je, dat is goed om te weten.")

    forum_services.post_mark_helpful(post=other_reply, user=me)
    forum_services.post_mark_helpful(post=my_reply, user=other)
    forum_services.follow_set(user=me, target=forum, on=True)
    forum_services.post_report(post=later_reply, user=me, reason="spam", text="Lijkt op reclame.")
    forum_services.post_report(post=my_reply, user=other, reason="unkind", text="Anders zeggen")
    forum_services.post_warn(post=my_reply, moderator=moderator, note="Denk aan je privacy.")
    return {
        "me": me,
        "other": other,
        "moderator": moderator,
        "steps": steps,
        "my_topic": my_topic,
        "other_reply": other_reply,
        "other_topic": other_topic,
        "my_reply": my_reply,
        "later_reply": later_reply,
    }


def download(client, user) -> tuple[object, dict]:
    client.force_login(user)
    response = client.post(EXPORT)
    assert response.status_code == 200
    return response, json.loads(response.content)


# --- Export ------------------------------------------------------------------------------


def test_export_page_explains_the_download(client, story):
    client.force_login(story["me"])
    response = client.get(EXPORT)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mijn gegevens downloaden" in html
    assert "Wat zit erin?" in html
    assert 'method="post"' in html and "Download mijn gegevens" in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_export_is_one_json_attachment_with_everything_about_the_person(client, story):
    response, data = download(client, story["me"])
    today = timezone.localdate().isoformat()
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="samenredzaam-mijn-gegevens-{today}.json"'
    )
    assert data["format"] == "samenredzaam-mijn-gegevens"
    assert {"account", "learning", "forum"} <= set(data)
    assert {section.name for section in export_sections()} <= set(data)

    account = data["account"]
    assert account["username"] == USERNAME
    assert account["display_name"] == DISPLAY_NAME
    assert account["email"] == "zon@example.org"
    assert account["language"] == "nl"
    assert account["forum_email"] == "daily"
    assert account["email_when_module_done"] is False
    assert account["roles"] == [roles.EXPERIENCE_EXPERT]
    assert datetime.fromisoformat(account["date_joined"]).tzinfo is not None
    assert account["last_login"] is not None  # force_login stamped it

    learning = data["learning"]
    steps = story["steps"]
    assert [row["step"] for row in learning["steps"]] == [step.title for step in steps]
    first = learning["steps"][0]
    assert first["module"] == story["steps"][0].get_parent().title
    assert first["checklist"] == [{"id": "checklist-1:item-1-a", "text": "Mijn DigiD"}]
    assert first["answers"] == [
        {
            "question_id": "question-1",
            "question": "Waar vraag je zorgtoeslag aan?",
            "option_id": "option-1-right",
            "answer": "Bij Dienst Toeslagen",
        }
    ]
    assert all(datetime.fromisoformat(row["completed_at"]) for row in learning["steps"])
    assert [row["module"] for row in learning["modules_completed"]] == [
        story["steps"][0].get_parent().title
    ]

    forum = data["forum"]
    my_reply, my_topic = story["my_reply"], story["my_topic"]
    posts = {row["id"]: row for row in forum["posts"]}
    assert set(posts) == {my_topic.first_post_id, my_reply.pk}
    assert posts[my_reply.pk]["topic"] == "Wie kent de voedselbank?"
    assert posts[my_reply.pk]["forum"] == my_topic.forum.name
    assert posts[my_reply.pk]["content"].startswith("Soms denk ik aan zelfmoord")
    assert posts[my_reply.pk]["approved"] is True
    assert posts[my_reply.pk]["helpful_count"] == 1
    assert datetime.fromisoformat(posts[my_reply.pk]["created"]).tzinfo is not None
    assert [row["subject"] for row in forum["topics_started"]] == ["Hoe vraag ik zorgtoeslag aan?"]
    assert [row["post_id"] for row in forum["helpful_votes"]] == [story["other_reply"].pk]
    followed = {(row["topic"], row["forum"]) for row in forum["subscriptions"]}
    assert (None, my_topic.forum.name) in followed  # the forum
    assert ("Wie kent de voedselbank?", None) in followed  # the topic replied to
    assert [(row["reason"], row["text"]) for row in forum["reports_made"]] == [
        ("spam", "Lijkt op reclame.")
    ]
    assert forum["reports_made"][0]["reason_text"] == "Reclame of spam"
    assert [(row["kind"], row["note"]) for row in forum["moderation_of_my_posts"]] == [
        ("warn", "Denk aan je privacy.")
    ]
    assert [row["post_id"] for row in forum["crisis_signals_on_my_posts"]] == [my_reply.pk]
    assert "zelfmoord" in forum["crisis_signals_on_my_posts"][0]["phrases"]

    # Nothing of anyone else: not their name, their words, their report or the moderator.
    text = response.content.decode()
    for foreign in (OTHER_USERNAME, OTHER_REPLY, "Anders zeggen", "toezichthouder"):
        assert foreign not in text


def test_export_holds_the_can_do_statements_and_module_standing_of_mijn_voortgang(
    client, story, module
):
    """What "Mijn voortgang" shows ("Ik kan …", per module) is in the download too."""
    client.force_login(story["me"])
    shown = client.get("/mijn-voortgang/").content.decode()
    _response, data = download(client, story["me"])
    learning = data["learning"]
    statements = list(module.can_do_statements.order_by("sort_order", "pk"))
    assert [row["statement"] for row in learning["statements_achieved"]] == [
        statement.text for statement in statements
    ]
    assert all(row["statement"] in shown for row in learning["statements_achieved"])
    steps = story["steps"]
    for row, statement in zip(learning["statements_achieved"], statements, strict=True):
        assert row["module"] == module.title and row["module_id"] == module.pk
        # Achieved when the last step teaching it was done.
        last = max(
            _fresh(StepProgress.objects.get(user=story["me"], step=step)).completed_at
            for step in steps
            if statement in step.teaches.all()
        )
        assert datetime.fromisoformat(row["achieved_at"]) == last.replace(microsecond=0)
    assert learning["module_summaries"] == [
        {
            "module_id": module.pk,
            "module": module.title,
            "steps_done": 3,
            "steps_total": 3,
            "completed": True,
            "last_activity_at": learning["module_summaries"][0]["last_activity_at"],
        }
    ]
    assert datetime.fromisoformat(learning["module_summaries"][0]["last_activity_at"])
    # The other person did one step: their standing, not mine, and no statement yet.
    _response, theirs = download(client, story["other"])
    assert theirs["learning"]["statements_achieved"] == []
    assert [
        (row["steps_done"], row["completed"]) for row in theirs["learning"]["module_summaries"]
    ] == [(1, False)]


def test_export_holds_a_workers_teams(client):
    worker = member(groups=[roles.WORKER])
    lead = member(groups=[roles.TEAM_LEAD])
    wijkteam = Team.objects.create(name="Wijkteam Noord")
    jeugd = Team.objects.create(name="Jeugdteam")
    Team.objects.create(name="Team zonder mij")
    wijkteam.members.add(worker)
    jeugd.members.add(worker)
    wijkteam.leads.add(lead)
    _response, data = download(client, worker)
    assert data["team"]["teams_as_worker"] == ["Jeugdteam", "Wijkteam Noord"]
    assert data["team"]["teams_as_lead"] == []
    _response, data = download(client, lead)
    assert data["team"]["teams_as_worker"] == []
    assert data["team"]["teams_as_lead"] == ["Wijkteam Noord"]


def test_export_of_someone_else_shows_only_their_own_data(client, story):
    _response, data = download(client, story["other"])
    assert data["account"]["username"] == OTHER_USERNAME
    text = json.dumps(data, ensure_ascii=False)
    assert USERNAME not in text and DISPLAY_NAME not in text
    assert "Ik snap het formulier niet." not in text
    assert "Lijkt op reclame." not in text
    assert [row["reason"] for row in data["forum"]["reports_made"]] == ["unkind"]
    assert len(data["learning"]["steps"]) == 1


def _export_queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.post(EXPORT).status_code == 200
    return len(queries)


def test_export_query_count_does_not_grow_with_rows(
    client, module, forum, django_assert_max_num_queries
):
    few = member(trusted=True)
    many = member(trusted=True)
    for user, count in ((few, 1), (many, 12)):
        learner = Learner(user=user, session=None)
        for step in steps_of(make_module(steps=count)):
            learning_services.step_complete(learner=learner, step=step)
        topic = start_topic(forum, user, subject=f"Vraag van {user.username}")
        for n in range(count):
            answer = reply(topic, member(trusted=True), f"Antwoord {n}")
            forum_services.post_mark_helpful(post=answer, user=user)
            forum_services.post_report(post=answer, user=user, reason="other")
            mine = reply(topic, user, f"Reactie {n}")
            forum_services.post_warn(post=mine, moderator=few if user is many else many, note="")
        forum_services.follow_set(user=user, target=forum, on=True)

    download(client, few)  # the first request of a person warms their caches
    _response, data = download(client, many)
    baseline = _export_queries(client, few)
    assert len(data["forum"]["posts"]) == 13 and len(data["learning"]["steps"]) == 12
    assert len(data["forum"]["helpful_votes"]) == 12
    assert len(data["forum"]["moderation_of_my_posts"]) == 12
    assert len(data["learning"]["modules_completed"]) == 1
    client.force_login(many)
    with django_assert_max_num_queries(baseline):
        assert client.post(EXPORT).status_code == 200
    # A few per section, plus the request's own (session, user); team's grew by its
    # supporters, the plans one supports, their agreements and the encouragements.
    assert baseline <= 44


@pytest.mark.parametrize("url", [EXPORT, DELETE])
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url", [EXPORT, DELETE])
def test_posts_need_the_csrf_token(learner_user, url, password):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner_user)
    response = client.post(url, {"posts": "keep", "password": password})
    assert response.status_code == 403
    assert User.objects.filter(pk=learner_user.pk).exists()


def test_profile_links_to_both_pages(signed_in):
    html = signed_in.get(reverse("account_profile")).content.decode()
    assert "Jouw gegevens" in html
    assert f'href="{EXPORT}"' in html and f'href="{DELETE}"' in html


# --- Deletion ----------------------------------------------------------------------------


def test_delete_page_explains_and_asks_for_the_password(client, story):
    client.force_login(story["me"])
    html = client.get(DELETE).content.decode()
    assert "Wat gebeurt er?" in html
    assert "verwijderde gebruiker" in html
    assert 'value="keep" id="id_posts_0" aria-describedby="id_posts_0_help" checked' in html
    assert 'type="password" name="password"' in html
    assert "Verwijder mijn account" in html


def _delete(client, user, *, posts="keep", password=PASSWORD):
    client.force_login(user)
    return client.post(DELETE, {"posts": posts, "password": password})


def test_delete_keeping_posts_leaves_them_as_verwijderde_gebruiker(client, story, forum):
    me, other = story["me"], story["other"]
    my_topic, my_reply = story["my_topic"], story["my_reply"]
    # A second post in their own topic: a deleted starter must not earn it "vraagsteller".
    my_post_ids = [my_topic.first_post_id, my_reply.pk, reply(my_topic, me, "Nog iets erbij.").pk]
    for topic in (my_topic, story["other_topic"]):  # cached with the names in them
        assert DISPLAY_NAME in client.get(topic_url(topic)).content.decode()
    assert DISPLAY_NAME in client.get(forum_url(forum)).content.decode()
    posts_before = Post.objects.count()

    response = _delete(client, me)
    assert response.status_code == 302 and response["Location"] == "/"
    assert not User.objects.filter(pk=me.pk).exists()
    assert not StepProgress.objects.filter(user_id=me.pk).exists()
    assert not ModuleCompletion.objects.filter(user_id=me.pk).exists()
    assert not Subscription.objects.filter(user_id=me.pk).exists()
    assert not HelpfulVote.objects.filter(user_id=me.pk).exists()
    assert not ForumProfile.objects.filter(user_id=me.pk).exists()
    # Their posts and topic stay, written by nobody, with nothing of their name.
    assert Post.objects.count() == posts_before
    assert set(Post.objects.filter(pk__in=my_post_ids).values_list("poster", "username")) == {
        (None, None)
    }
    assert _fresh(my_topic).poster_id is None
    # Moderation data about the kept post stays; their report stays without them.
    assert ModerationAction.objects.filter(post=my_reply).exists()
    assert CrisisSignal.objects.filter(post=my_reply).exists()
    assert Report.objects.get(text="Lijkt op reclame.").reporter is None
    # Their "Dit hielp mij" no longer counts; the vote for their post still does.
    assert PostMeta.objects.get(post=story["other_reply"]).helpful_count == 0
    assert TopicMeta.objects.get(topic=my_topic).helpful_count == 0
    assert PostMeta.objects.get(post=my_reply).helpful_count == 1
    # Other people's data is untouched.
    assert StepProgress.objects.filter(user=other).count() == 1
    assert _fresh(story["other_reply"]).poster == other

    client.logout()
    for topic in (my_topic, story["other_topic"]):
        html = client.get(topic_url(topic)).content.decode()
        assert "verwijderde gebruiker" in html
        assert USERNAME not in html and DISPLAY_NAME not in html
        assert OTHER_USERNAME in html
    assert 'class="badge">vraagsteller' not in client.get(topic_url(my_topic)).content.decode()
    html = client.get(forum_url(forum)).content.decode()
    assert "verwijderde gebruiker" in html and DISPLAY_NAME not in html


def test_after_deleting_the_person_is_logged_out_and_told(client, story):
    response = _delete(client, story["me"])
    assert response.status_code == 302
    home = client.get("/")
    assert "Je account is verwijderd." in home.content.decode()
    assert not home.context["user"].is_authenticated
    assert client.get(reverse("account_profile")).status_code == 302


def _in_session_store(session_key: str) -> dict:
    """Where a session lives, looked up directly: its database row and its cached copy."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return {
        "database": Session.objects.filter(session_key=session_key).exists(),
        "cache": caches[settings.SESSION_CACHE_ALIAS].get(store.cache_key_prefix + session_key)
        is not None,
    }


def test_deleting_ends_every_session_of_the_person(story, django_capture_on_commit_callbacks):
    """Signed in on a phone and a laptop, deleted on the laptop: the phone's session is
    gone from the store at once, not left holding them until it expires."""
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    me = story["me"]
    laptop, phone, someone_else = Client(), Client(), Client()
    assert laptop.login(username=USERNAME, password=PASSWORD)
    assert phone.login(username=USERNAME, password=PASSWORD)
    assert someone_else.login(username=OTHER_USERNAME, password=PASSWORD)
    for client in (phone, someone_else):  # used since: in the cache as well
        assert client.get(reverse("account_profile")).status_code == 200
    phone_key = phone.cookies[settings.SESSION_COOKIE_NAME].value
    other_key = someone_else.cookies[settings.SESSION_COOKIE_NAME].value
    assert _in_session_store(phone_key) == {"database": True, "cache": True}

    with django_capture_on_commit_callbacks(execute=True):
        response = laptop.post(DELETE, {"posts": "keep", "password": PASSWORD})
    assert response.status_code == 302 and not User.objects.filter(pk=me.pk).exists()

    assert _in_session_store(phone_key) == {"database": False, "cache": False}
    assert phone.get(reverse("account_profile")).status_code == 302  # to the login page
    assert not phone.get("/").context["user"].is_authenticated
    # Someone else stays signed in; and nothing is left to remember about the person.
    assert _in_session_store(other_key) == {"database": True, "cache": True}
    assert someone_else.get(reverse("account_profile")).status_code == 200
    assert not UserSession.objects.filter(user_id=me.pk).exists()


def test_a_failed_deletion_ends_no_session(story, monkeypatch, django_capture_on_commit_callbacks):
    phone = Client()
    assert phone.login(username=USERNAME, password=PASSWORD)
    phone_key = phone.cookies[settings.SESSION_COOKIE_NAME].value

    def fail(**kwargs):
        raise DatabaseError("the database went away")

    monkeypatch.setattr(forum_services, "member_posts_anonymise", fail)
    laptop = Client()
    laptop.force_login(story["me"])
    with django_capture_on_commit_callbacks(execute=True):
        response = laptop.post(DELETE, {"posts": "keep", "password": PASSWORD})
    assert response.status_code == 503
    assert _in_session_store(phone_key)["database"]
    assert phone.get(reverse("account_profile")).status_code == 200


def test_logging_out_forgets_the_session(client, story):
    assert client.login(username=USERNAME, password=PASSWORD)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert UserSession.objects.filter(user=story["me"], session_key=key).exists()
    client.post(reverse("account_logout"))
    assert not UserSession.objects.filter(session_key=key).exists()


def _assert_counters_right(forum):
    """Machina's denormalised counters agree with a fresh count."""
    for topic in Topic.objects.filter(forum=forum):
        approved = Post.objects.filter(topic=topic, approved=True).order_by("-created")
        assert topic.posts_count == approved.count(), topic
        assert topic.last_post_id == approved.first().pk
        assert topic.first_post_id == Post.objects.filter(topic=topic).earliest("created").pk
        helpful = PostMeta.objects.filter(post__topic=topic).aggregate(n=Sum("helpful_count"))
        assert TopicMeta.objects.get(topic=topic).helpful_count == (helpful["n"] or 0)
    visible = Topic.objects.filter(forum=forum, approved=True)
    forum = _fresh(forum)
    assert forum.direct_topics_count == visible.count()
    assert forum.direct_posts_count == visible.aggregate(n=Sum("posts_count"))["n"]
    assert forum.last_post_id == visible.order_by("-last_post_on").first().last_post_id


def test_delete_removing_posts_takes_their_topics_and_replies_and_recounts(client, story, forum):
    me, other = story["me"], story["other"]
    my_topic, my_reply, other_topic = story["my_topic"], story["my_reply"], story["other_topic"]
    third = member(trusted=True)
    kept_topic = start_topic(forum, third, subject="Nog een vraag")
    reply(kept_topic, me, "Mijn enige reactie hier")
    forum_services.post_mark_helpful(post=kept_topic.first_post, user=other)
    _assert_counters_right(forum)
    assert ForumProfile.objects.get(user=other).posts_count == 3
    assert client.get(topic_url(other_topic)).status_code == 200  # now in the cache

    response = _delete(client, me, posts="remove")
    assert response.status_code == 302
    assert not User.objects.filter(pk=me.pk).exists()
    assert not Post.objects.filter(pk__in=[my_topic.first_post_id, my_reply.pk]).exists()
    assert not Topic.objects.filter(pk=my_topic.pk).exists()  # with the other's reply in it
    assert not Post.objects.filter(pk=story["other_reply"].pk).exists()
    assert not Post.objects.filter(content="Mijn enige reactie hier").exists()
    # Moderation data about the removed posts goes with them.
    assert not ModerationAction.objects.filter(post_id=my_reply.pk).exists()
    assert not CrisisSignal.objects.filter(post_id=my_reply.pk).exists()
    assert not Report.objects.filter(post_id=my_reply.pk).exists()

    assert _fresh(other_topic).posts_count == 2
    assert _fresh(kept_topic).posts_count == 1
    _assert_counters_right(forum)
    assert ForumProfile.objects.get(user=other).posts_count == 2  # their reply in my topic

    html = client.get(topic_url(other_topic)).content.decode()
    assert "zelfmoord" not in html and "Dank je, dat is goed om te weten." in html
    assert client.get(topic_url(my_topic)).status_code == 404
    html = client.get(forum_url(forum)).content.decode()
    assert "Hoe vraag ik zorgtoeslag aan?" not in html and "Nog een vraag" in html


def test_a_wrong_password_deletes_nothing(client, story):
    me = story["me"]
    response = _delete(client, me, password="niet-mijn-wachtwoord")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit wachtwoord klopt niet. Probeer het nog eens." in html
    assert 'aria-invalid="true"' in html
    assert "niet-mijn-wachtwoord" not in html
    assert User.objects.filter(pk=me.pk).exists()
    assert Post.objects.filter(poster=me).count() == 2
    assert HelpfulVote.objects.filter(user=me).exists()
    assert client.get(reverse("account_profile")).status_code == 200  # still signed in

    empty = client.post(DELETE)
    assert empty.status_code == 400
    assert "Vul je wachtwoord in." in empty.content.decode()
    assert "Kies wat er met je berichten gebeurt." in empty.content.decode()
    assert _delete(client, me, posts="alles-weg").status_code == 400
    assert User.objects.filter(pk=me.pk).exists()


def test_password_attempts_are_rate_limited(client, story):
    me = story["me"]
    statuses = [_delete(client, me, password=f"fout-{n}").status_code for n in range(5)]
    assert statuses == [400] * 5
    response = _delete(client, me, password="nog-een-keer-fout")
    assert response.status_code == 429
    assert "Je hebt het te vaak geprobeerd." in response.content.decode()
    # The right password waits too.
    assert _delete(client, me).status_code == 429
    assert User.objects.filter(pk=me.pk).exists()


def test_staff_and_superusers_may_delete_themselves(client):
    admin = member(username="beheerder", is_staff=True, is_superuser=True)
    assert _delete(client, admin).status_code == 302
    assert not User.objects.filter(username="beheerder").exists()


def test_a_failing_deletion_leaves_everything_as_it_was(client, story, monkeypatch):
    """The last step fails after the votes were taken back and the posts anonymised:
    all of it is rolled back, and the person sees that nothing was deleted."""
    me, my_reply = story["me"], story["my_reply"]

    def fail(self, *args, **kwargs):
        raise DatabaseError("the database went away")

    monkeypatch.setattr(User, "delete", fail)
    response = _delete(client, me)
    assert response.status_code == 503
    assert "Er is niets verwijderd." in response.content.decode()
    assert User.objects.filter(pk=me.pk).exists()
    assert _fresh(my_reply).poster == me
    assert _fresh(story["my_topic"]).poster == me
    assert HelpfulVote.objects.filter(user=me, post=story["other_reply"]).exists()
    assert PostMeta.objects.get(post=story["other_reply"]).helpful_count == 1
    assert StepProgress.objects.filter(user=me).count() == 3
    assert client.get(reverse("account_profile")).status_code == 200


def test_a_failure_while_removing_posts_rolls_back_the_removal(client, story, monkeypatch):
    from accounts.services import account_delete

    me = story["me"]
    monkeypatch.setattr(User, "delete", lambda self, *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        account_delete(user=me, keep_posts=False)
    assert Topic.objects.filter(pk=story["my_topic"].pk).exists()
    assert Post.objects.filter(poster=me).count() == 2
    assert Post.objects.filter(pk=story["other_reply"].pk).exists()


def test_an_editor_can_delete_their_account_and_their_pages_stay(client, module):
    from wagtail.models import PageLogEntry, Revision

    editor = member(username="redacteur", is_staff=True, groups=[roles.EDITOR])
    revision = module.save_revision(user=editor)
    revision.publish(user=editor, skip_permission_checks=True)
    assert _delete(client, editor).status_code == 302
    assert not User.objects.filter(username="redacteur").exists()
    assert _fresh(module).live
    assert Revision.objects.get(pk=revision.pk).user_id is None
    # Wagtail's audit log keeps a bare id without a database constraint: no name.
    assert PageLogEntry.objects.filter(user_id=editor.pk, page=module).exists()


def test_admin_deletion_keeps_other_peoples_replies(client, story):
    me = story["me"]
    admin = member(is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:accounts_user_delete", args=[me.pk])
    # The confirmation lists the posts (Django builds that list) but says they stay.
    assert "blijven staan als 'verwijderde gebruiker'" in client.get(url).content.decode()
    changelist = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [me.pk]},
    )
    assert "blijven staan als 'verwijderde gebruiker'" in changelist.content.decode()
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not User.objects.filter(pk=me.pk).exists()
    assert _fresh(story["other_reply"]).poster == story["other"]
    assert _fresh(story["my_topic"]).poster_id is None


# --- Both pages in English ------------------------------------------------------------


def test_the_pages_speak_english_when_chosen(client, story):
    me = story["me"]
    me.language = "en"
    me.save(update_fields=["language"])
    client.force_login(me)
    assert "Download my data" in client.get(EXPORT).content.decode()
    html = client.get(DELETE).content.decode()
    assert "Delete your account" in html and "deleted user" in html
    html = client.post(DELETE, {"posts": "keep", "password": "fout"}).content.decode()
    assert "That password is not right. Please try again." in html
    assert "Your data" in client.get(reverse("account_profile")).content.decode()


def test_roles_in_the_export_are_group_names(client):
    user = member(groups=[roles.MODERATOR, roles.EXPERIENCE_EXPERT])
    Group.objects.get_or_create(name=roles.WORKER)  # not theirs
    _response, data = download(client, user)
    assert data["account"]["roles"] == sorted([roles.MODERATOR, roles.EXPERIENCE_EXPERT])
