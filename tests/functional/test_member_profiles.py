"""Member pages show only people who took part in the forum, to signed-in members, under
their public name: no list of every account and its login name to harvest."""

import pytest
from django.conf import settings
from django.urls import reverse

from accounts import roles
from forum.permissions import member_trust

from ..factories import member, reply, start_topic, worker

pytestmark = pytest.mark.django_db


def profile_url(user) -> str:
    return reverse("forum_member:profile", kwargs={"pk": user.pk})


@pytest.fixture
def writer(forum):
    writer = member(trusted=True, username="jan.de.vries", display_name="Zonnebloem")
    topic = start_topic(forum, writer, subject="Hoe vraag ik toeslag aan?")
    reply(topic, writer, content="Het lukte met hulp van de buurvrouw.")
    return writer


def test_anonymous_visitors_are_sent_to_log_in(client, writer):
    response = client.get(profile_url(writer))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_a_member_who_posted_shows_the_public_name_never_the_login_name(client, writer):
    client.force_login(member())
    response = client.get(profile_url(writer))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zonnebloem" in html and "Hoe vraag ik toeslag aan?" in html
    assert "Het lukte met hulp van de buurvrouw." in html
    assert "jan.de.vries" not in html


def test_members_see_their_own_page(client, writer):
    client.force_login(writer)
    assert client.get(profile_url(writer)).status_code == 200


def test_experience_experts_show_their_badge(client, forum):
    expert = member(trusted=True, groups=[roles.EXPERIENCE_EXPERT])
    start_topic(forum, expert)
    client.force_login(member())
    assert "Ervaringsdeskundige" in client.get(profile_url(expert)).content.decode()


def test_accounts_without_an_approved_post_are_not_found(client, forum):
    newcomer = member()  # not trusted: the post waits for a moderator
    start_topic(forum, newcomer)
    client.force_login(member())
    assert client.get(profile_url(newcomer)).status_code == 404
    assert client.get(profile_url(member())).status_code == 404


@pytest.mark.parametrize(
    "make",
    [
        lambda: worker(),
        lambda: member(groups=[roles.TEAM_LEAD]),
        lambda: member(groups=[roles.EDITOR]),
        lambda: member(is_staff=True),
        lambda: member(is_superuser=True),
    ],
    ids=["worker", "team-lead", "editor", "staff", "superuser"],
)
def test_staff_accounts_are_never_shown_even_when_they_posted(client, forum, make):
    staff = make()
    member_trust(user=staff)  # their posts are on the forum at once
    start_topic(forum, staff)
    client.force_login(member())
    assert client.get(profile_url(staff)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/forum/member/profile/abc/",
        "/forum/member/profile/abc/posts/",
        "/forum/member/profile/{pk}/posts/",
        "/forum/member/profile/edit/",
    ],
)
def test_other_member_paths_are_not_found(client, writer, path):
    client.force_login(member())
    assert client.get(path.format(pk=writer.pk)).status_code == 404
