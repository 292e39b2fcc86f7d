"""A notification that cannot be sent never holds up the others: subjects are kept on
one line (in the forms, in machina's still-routed topic edit, and again where the email
is built), each notification is tried on its own, and one that keeps failing is given
up after ``FORUM_NOTIFICATION_ATTEMPTS`` tries with the reason logged."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from machina.core.db.models import get_model

from accounts.models import ForumEmail
from forum import notifications
from forum.models import PostNotification
from forum.services import follow_set
from forum.tasks import notify_followers, send_daily_digests, send_pending_notifications

from ..factories import member, reply, start_topic

pytestmark = pytest.mark.django_db
Topic = get_model("forum_conversation", "Topic")
User = get_user_model()


def test_a_posted_subject_is_stored_on_one_line(client, forum):
    client.force_login(member(trusted=True))
    url = reverse(
        "forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk}
    )
    subject = "Hallo\r\nBcc: x@y\t\x0b\u202e\u200b  daar "
    response = client.post(url, {"subject": subject, "content": "Wie weet dit?"})
    assert response.status_code == 302
    assert Topic.objects.get(forum=forum).subject == "Hallo Bcc: x@y daar"


def test_a_subject_of_only_control_characters_is_asked_again(client, forum):
    client.force_login(member(trusted=True))
    url = reverse(
        "forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk}
    )
    response = client.post(url, {"subject": "\r\n\u200b\t", "content": "Wie weet dit?"})
    assert response.status_code == 400
    assert "Schrijf je vraag in één zin." in response.content.decode()
    assert not Topic.objects.filter(forum=forum).exists()


def test_an_old_subject_with_a_newline_is_mailed_on_one_line(forum):
    reader = member(trusted=True, email="lezer@example.org", forum_email=ForumEmail.IMMEDIATE)
    topic = start_topic(forum, reader)
    answer = reply(topic, member(trusted=True))
    # Written before subjects were cleaned: no form or signal stands in the way.
    Topic.objects.filter(pk=topic.pk).update(subject="Hallo\r\nBcc: x@y")
    assert notify_followers(answer.pk) == 1  # what the commit of the reply enqueues
    (message,) = mail.outbox
    assert message.subject == "Nieuw bericht: Hallo Bcc: x@y"
    assert "Bcc" not in message.message()
    assert PostNotification.objects.get(user=reader, post=answer).sent_at is not None


def test_a_failing_notification_is_given_up_and_holds_up_no_one(forum, settings, caplog):
    caplog.set_level(logging.WARNING, logger="forum.notifications")
    settings.FORUM_NOTIFICATION_ATTEMPTS = 3
    writer, helper = member(trusted=True), member(trusted=True)
    topic = start_topic(forum, writer)
    broken, first, second = (
        member(email=f"{name}@example.org", forum_email=ForumEmail.IMMEDIATE)
        for name in ("kapot", "een", "twee")
    )
    answer = reply(topic, helper)
    for user in (broken, first, second):  # the broken one is the oldest pending row
        follow_set(user=user, target=topic, on=True)
        PostNotification.objects.create(user=user, post=answer)
    # An address that slipped in before it was checked: the mail headers refuse it.
    User.objects.filter(pk=broken.pk).update(email="kapot@example.org\nBcc: x@example.org")
    poisoned = PostNotification.objects.filter(user=broken)

    assert send_pending_notifications() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["een@example.org", "twee@example.org"]
    row = poisoned.get()
    assert (row.attempts, row.sent_at, row.given_up_at) == (1, None, None)
    assert "BadHeaderError" in row.last_error
    assert any(r.exc_info and r.exc_info[0].__name__ == "BadHeaderError" for r in caplog.records)

    caplog.clear()
    assert send_pending_notifications() == 0
    assert send_pending_notifications() == 0
    row = poisoned.get()
    assert row.attempts == 3 and row.given_up_at is not None and row.sent_at is None
    (gave_up,) = [r for r in caplog.records if "given up" in r.getMessage()]
    assert gave_up.levelno == logging.ERROR and "BadHeaderError" in gave_up.getMessage()

    # Given up: not tried again, and the others were never sent twice.
    assert send_pending_notifications() == 0
    assert poisoned.get().attempts == 3
    assert len(mail.outbox) == 2


def test_a_mail_server_that_is_down_counts_against_no_notification(forum, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    reader = member(trusted=True, email="lezer@example.org", forum_email=ForumEmail.IMMEDIATE)
    topic = start_topic(forum, reader)
    answer = reply(topic, member(trusted=True))
    notifications.post_followers_record(post_id=answer.pk)
    with pytest.raises(OSError):  # forum.tasks retries these later
        notifications.immediate_notifications_send()
    row = PostNotification.objects.get(user=reader)
    assert (row.attempts, row.sent_at, row.given_up_at) == (0, None, None)


def test_a_failing_digest_holds_up_no_other_reader(forum, settings, caplog):
    caplog.set_level(logging.WARNING, logger="forum.notifications")
    settings.FORUM_NOTIFICATION_ATTEMPTS = 2
    broken, reader = (
        member(email=f"{name}@example.org", forum_email=ForumEmail.DAILY)
        for name in ("kapot", "lezer")
    )
    for user in (broken, reader):
        follow_set(user=user, target=forum, on=True)
    topic = start_topic(forum, member(trusted=True), subject="Eerste vraag")
    notifications.post_followers_record(post_id=topic.first_post_id)
    User.objects.filter(pk=broken.pk).update(email="kapot@example.org\nBcc: x@example.org")

    assert send_daily_digests() == 1
    assert [m.to for m in mail.outbox] == [["lezer@example.org"]]
    assert send_daily_digests() == 0
    row = PostNotification.objects.get(user=broken)
    assert row.attempts == 2 and row.given_up_at is not None and row.sent_at is None
    assert any("given up" in r.getMessage() for r in caplog.records)
    assert len(mail.outbox) == 1
