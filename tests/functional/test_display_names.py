"""Names others see cannot pass for a role, for the deleted-user label or for another
member; roles show as badges drawn from groups, never from what someone typed."""

import pytest

from accounts import roles
from accounts.models import User
from forum.links import topic_url

from ..factories import member, reply, sign_up, start_topic

pytestmark = pytest.mark.django_db

PROFILE = "/account/profiel/"
RESERVED = "lijkt op een rol op Samenredzaam"
TAKEN = "Iemand anders heeft deze naam al"


def _set_display_name(client, name: str):
    return client.post(
        PROFILE,
        {"display_name": name, "forum_email": "daily", "language": "nl"},
    )


@pytest.fixture
def me(client):
    user = member(username="zonnebloem42")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "name",
    [
        "demo-moderator",
        "Moderator Samenredzaam",
        "Démo-Moderator",
        "DEMO.MODERATOR",
        "m0derat0r",
        "Admin Anna",
        "Beheerder",
        "Hulpverlener Karin",
        "TeamleiderNoord",
        "Ervaringsdeskundige Piet",
        "(moderator)",
        "Redactie",
        "editors",
        "Samen Redzaam",
        "worker",
        "verwijderde gebruiker",
        "Verwijderde Gebruiker",
        "deleted user",
    ],
)
def test_role_words_and_the_deleted_user_label_are_refused(client, me, name):
    response = _set_display_name(client, name)
    assert response.status_code == 200
    assert RESERVED in response.content.decode()
    me.refresh_from_db()
    assert me.display_name == ""


@pytest.mark.parametrize(
    ("theirs", "mine"),
    [
        ({"username": "pietje"}, "Pietje"),
        ({"username": "pietje"}, "pïetje"),
        ({"username": "piet_de_vries"}, "Piet de Vries"),
        ({"username": "lerende9", "display_name": "Zonnetje Zeventien"}, "zonnetje-zeventien"),
        ({"username": "lerende9", "display_name": "Zoë"}, "ZOE"),
        ({"username": "lerende9", "display_name": "Anna Bakker"}, "anna.bakker"),
    ],
)
def test_another_members_name_is_refused_whatever_case_accents_or_marks(client, me, theirs, mine):
    member(**theirs)
    response = _set_display_name(client, mine)
    assert response.status_code == 200
    assert TAKEN in response.content.decode()
    me.refresh_from_db()
    assert me.display_name == ""


@pytest.mark.parametrize("name", ["Zon", "Badminton Bas", "Mode Marieke", "Zonnebloem 42"])
def test_an_ordinary_name_is_kept(client, me, name):
    member(username="pietje", display_name="Piet")
    response = _set_display_name(client, name)
    assert response.status_code == 302
    me.refresh_from_db()
    assert me.display_name == name  # "Zonnebloem 42" reads as my own username: fine


def test_saving_the_profile_keeps_a_name_chosen_before_these_rules(client, me):
    User.objects.filter(pk=me.pk).update(display_name="Demo Moderator")
    response = client.post(
        PROFILE,
        {"display_name": "Demo Moderator", "forum_email": "off", "language": "nl"},
    )
    assert response.status_code == 302
    me.refresh_from_db()
    assert (me.display_name, me.forum_email) == ("Demo Moderator", "off")


def test_the_refusals_speak_english_when_chosen(client):
    member(username="pietje")
    client.force_login(member(username="zonnebloem42", language="en"))
    for name, reason in (
        ("moderator", "looks like a role on Samenredzaam"),
        ("Pietje", "Someone else already has this name"),
    ):
        response = client.post(
            PROFILE, {"display_name": name, "forum_email": "daily", "language": "en"}
        )
        assert response.status_code == 200
        assert reason in response.content.decode()


# --- Sign-up -------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["moderator", "Demo-Moderator", "verwijderde_gebruiker"])
def test_signup_refuses_a_role_as_username(client, password, username):
    response = sign_up(client, {"username": username, "password1": password})
    assert response.status_code == 200
    assert RESERVED in response.content.decode()
    assert not User.objects.filter(username=username).exists()


@pytest.mark.parametrize("username", ["zonnetje.zeventien", "Zonnetje_Zeventien", "piet-je"])
def test_signup_refuses_a_username_that_reads_as_another_members_name(client, password, username):
    member(username="lerende9", display_name="Zonnetje Zeventien")
    member(username="pietje")
    response = sign_up(client, {"username": username, "password1": password})
    assert response.status_code == 200
    assert TAKEN in response.content.decode()
    assert not User.objects.filter(username=username).exists()


def test_signup_with_an_ordinary_username_works(client, password):
    member(username="lerende9", display_name="Zonnetje Zeventien")
    response = sign_up(client, {"username": "zonnebloem", "password1": password})
    assert response.status_code == 302
    assert User.objects.get(username="zonnebloem").username_key == "zonnebloem"


# --- Badges --------------------------------------------------------------------------


def test_role_badges_come_from_groups_not_from_typed_names(client, forum):
    expert = member(trusted=True, username="anna", groups=[roles.EXPERIENCE_EXPERT])
    moderator = member(trusted=True, username="bram", groups=[roles.MODERATOR])
    # Names from before these rules: whatever they say, they earn no badge.
    pretender = member(trusted=True, username="carla", display_name="Carla (Ervaringsdeskundige)")
    faker = member(trusted=True, username="daan", display_name="Daan (moderator)")
    topic = start_topic(forum, pretender, subject="Wie weet het?")
    reply(topic, faker, "Ik ben de baas hier.")
    reply(topic, expert, "Ik heb dit zelf meegemaakt.")
    reply(topic, moderator, "Let op je privacy.")

    html = client.get(topic_url(topic)).content.decode()
    headers = {
        name: html.split(f">{name}</strong>", 1)[1].split("<time", 1)[0]
        for name in ("anna", "bram", "Carla (Ervaringsdeskundige)", "Daan (moderator)")
    }
    assert 'class="badge expert"' in headers["anna"]
    assert 'class="badge moderator"' in headers["bram"]
    for typed in ("Carla (Ervaringsdeskundige)", "Daan (moderator)"):
        assert "badge expert" not in headers[typed] and "badge moderator" not in headers[typed]
