"""Following topics and forums: emails through the real Redis broker and a worker,
immediately or as a daily digest, never twice, never to someone without an address,
each with a one-click unsubscribe link."""

import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from accounts.models import ForumEmail
from forum.models import PostNotification, Subscription
from forum.notifications import unsubscribe_token
from forum.services import follow_set
from forum.tasks import notify_followers, send_daily_digests, send_pending_notifications

from ..factories import member, reply, start_topic
from .waiting import needs_redis, wait_for


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_immediate_email_through_broker_and_worker_once(celery_worker, forum):
    starter = member(trusted=True, email="vraag@example.org", forum_email=ForumEmail.IMMEDIATE)
    topic = start_topic(forum, starter)  # the starter follows their topic
    helper = member(trusted=True, email="helper@example.org", forum_email=ForumEmail.IMMEDIATE)
    answer = reply(topic, helper, "Probeer het loket in de bibliotheek.")

    assert wait_for(lambda: len(mail.outbox) == 1), "the worker never sent the email"
    message = mail.outbox[0]
    assert message.to == [starter.email]  # not to the helper, who wrote it
    assert "Probeer" not in message.body  # the email links to the post, it does not copy it
    assert f"?post={answer.pk}" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    # The worker hands the email over inside the transaction that stamps it: the stamp
    # is visible here once that transaction commits, a moment after the email.
    stamped = PostNotification.objects.filter(user=starter, post=answer, sent_at__isnull=False)
    assert wait_for(stamped.exists), "the notification was never stamped as sent"

    # Delivered twice (a retry, a duplicate): still one email. The helper follows now too.
    notify_followers.delay(answer.pk)
    send_pending_notifications.delay()
    time.sleep(1.5)
    assert len(mail.outbox) == 1
    assert Subscription.objects.filter(user=helper, topic=topic).exists()


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_daily_digest_bundles_posts_and_sends_once(celery_worker, forum):
    reader = member(email="lezer@example.org", forum_email=ForumEmail.DAILY)
    follow_set(user=reader, target=forum, on=True)
    writer = member(trusted=True)
    first = start_topic(forum, writer, subject="Eerste vraag")
    reply(first, member(trusted=True))
    start_topic(forum, writer, subject="Tweede vraag")
    assert wait_for(lambda: PostNotification.objects.filter(user=reader).count() == 3)
    assert mail.outbox == []  # daily readers wait for the digest

    send_daily_digests.delay()
    assert wait_for(lambda: len(mail.outbox) == 1)
    body = mail.outbox[0].body
    assert "Eerste vraag" in body and "Tweede vraag" in body
    send_daily_digests.delay()
    time.sleep(1.5)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_no_email_without_address_or_when_switched_off(forum, django_capture_on_commit_callbacks):
    starter = member(trusted=True, forum_email=ForumEmail.IMMEDIATE)  # no address
    quiet = member(email="stil@example.org", forum_email=ForumEmail.OFF)
    topic = start_topic(forum, starter)
    follow_set(user=quiet, target=topic, on=True)
    with django_capture_on_commit_callbacks(execute=True):
        reply(topic, member(trusted=True))
    assert mail.outbox == []
    assert not PostNotification.objects.exists()


@pytest.mark.django_db
def test_posts_waiting_for_approval_notify_nobody_until_approved(
    client, forum, django_capture_on_commit_callbacks
):
    from accounts import roles

    starter = member(trusted=True, email="a@example.org", forum_email=ForumEmail.IMMEDIATE)
    topic = start_topic(forum, starter)
    with django_capture_on_commit_callbacks(execute=True):
        pending = reply(topic, member())  # a newcomer: waits for approval
    assert mail.outbox == []
    client.force_login(member(groups=[roles.MODERATOR]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forum_moderation:approve_queued_post", kwargs={"pk": pending.pk}))
    assert [m.to for m in mail.outbox] == [[starter.email]]


def _email_link(message) -> str:
    """The unsubscribe link at the end of an email, as a path."""
    link = message.body.strip().splitlines()[-1]
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.mark.django_db
def test_opening_the_link_only_asks_and_the_button_unsubscribes(
    forum, django_capture_on_commit_callbacks
):
    """Issue 15: opening the link unsubscribed, and mail scanners open every link. The
    link opens a question; only its button (a POST) unsubscribes."""
    reader = member(trusted=True, email="b@example.org", forum_email=ForumEmail.IMMEDIATE)
    topic = start_topic(forum, reader)
    with django_capture_on_commit_callbacks(execute=True):
        reply(topic, member(trusted=True))
    path = _email_link(mail.outbox[0])
    browser = Client(enforce_csrf_checks=True)  # no login needed

    for _scanner_and_reader in range(2):
        asked = browser.get(path)
        assert asked.status_code == 200
        assert Subscription.objects.filter(user=reader, topic=topic).exists()
    soup = BeautifulSoup(asked.content, "html.parser")
    assert soup.h1.get_text() == "Wil je geen mail meer hierover?"
    form = soup.find("form", action=path)
    assert form["method"] == "post" and form.find("button")

    done = browser.post(path, {i["name"]: i.get("value", "") for i in form.find_all("input")})
    assert done.status_code == 200 and "Je bent afgemeld" in done.content.decode()
    assert not Subscription.objects.filter(user=reader, topic=topic).exists()
    assert browser.post(path).status_code == 200  # twice is fine


@pytest.mark.django_db
def test_a_mail_programs_one_click_post_unsubscribes_without_the_page():
    """RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" to the link in the
    List-Unsubscribe header, without cookies or a form token. The digest's link turns all
    forum email off."""
    reader = member(email="c@example.org", forum_email=ForumEmail.DAILY)
    token = unsubscribe_token(user_id=reader.pk, subscription_id=None)
    response = Client(enforce_csrf_checks=True).post(
        reverse("community:unsubscribe", args=[token]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.forum_email == ForumEmail.OFF


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_bad_unsubscribe_link_says_so_and_changes_nothing(client, forum, method):
    reader = member(trusted=True, email="d@example.org", forum_email=ForumEmail.IMMEDIATE)
    topic = start_topic(forum, reader)
    good = unsubscribe_token(user_id=reader.pk, subscription_id=None)
    tampered = good[:-3] + ("aaa" if not good.endswith("aaa") else "bbb")
    for token in ("vervalst", tampered, signing.dumps({"u": reader.pk, "s": None})):
        response = getattr(client, method)(reverse("community:unsubscribe", args=[token]))
        assert response.status_code == 404
        assert "Deze afmeldlink klopt niet" in response.content.decode()
    reader.refresh_from_db()
    assert reader.forum_email == ForumEmail.IMMEDIATE
    assert Subscription.objects.filter(user=reader, topic=topic).exists()


@pytest.mark.django_db
def test_follow_and_unfollow_a_forum(client, forum):
    user = member()
    client.force_login(user)
    url = reverse("community:follow", args=["forum", forum.pk])
    client.post(url, {"volgen": "1"})
    client.post(url, {"volgen": "1"})
    assert Subscription.objects.filter(user=user, forum=forum).count() == 1
    client.post(url, {"volgen": "0"})
    assert not Subscription.objects.filter(user=user).exists()
    assert client.post(reverse("community:follow", args=["iets", forum.pk])).status_code == 404


@pytest.mark.django_db
def test_email_is_in_the_readers_own_language(forum, django_capture_on_commit_callbacks):
    reader = member(
        trusted=True, email="c@example.org", forum_email=ForumEmail.IMMEDIATE, language="en"
    )
    topic = start_topic(forum, reader, subject="Toeslag")
    with django_capture_on_commit_callbacks(execute=True):
        reply(topic, member(trusted=True))
    assert mail.outbox[0].subject == "New message: Toeslag"
    assert "Read it here:" in mail.outbox[0].body
