"""Forum emails: new posts for followers (immediately or as a daily digest), questions
for peers who did a module, and crisis alerts for moderators.

Every email is first a row in PostgreSQL (``PostNotification``, ``CrisisSignal``) and is
sent under that row's lock, which is then stamped ``sent_at``/``alerted_at`` in the same
transaction: a task that runs twice, or two workers at once, never send an email twice,
and a failed send leaves the row pending for the next run.

A mail server that is down stops the run (the task retries it later, counting against
no row). Any other failure belongs to that one notification: it is logged, counted, and
after ``FORUM_NOTIFICATION_ATTEMPTS`` tries given up, while the others are sent.
"""

import logging
from smtplib import SMTPException, SMTPRecipientsRefused

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from machina.core.db.models import get_model
from machina.core.loading import get_class

from accounts import roles
from accounts.models import ForumEmail
from core.text import one_line

from . import links
from .models import CrisisSignal, ModerationAction, PeerAsk, PostNotification, Subscription

logger = logging.getLogger(__name__)

Post = get_model("forum_conversation", "Post")
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")
User = get_user_model()

UNSUBSCRIBE_SALT = "forum.unsubscribe"


def unsubscribe_token(*, user_id: int, subscription_id: int | None) -> str:
    """A signed token for the one-click unsubscribe link (``None``: all forum email off)."""
    return signing.dumps({"u": user_id, "s": subscription_id}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, int | None]:
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return int(data["u"]), data["s"]


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _unsubscribe_url(user_id: int, subscription_id: int | None) -> str:
    token = unsubscribe_token(user_id=user_id, subscription_id=subscription_id)
    return _absolute(reverse("community:unsubscribe", args=[token]))


def _send(
    *, user, subject, template: str, context: dict, params=None, unsubscribe: str = ""
) -> None:
    """Email ``user`` in their own language. ``subject`` is a lazy translation, filled
    with ``params``; with an ``unsubscribe`` URL the one-click headers (RFC 8058) are set."""
    headers = {}
    if unsubscribe:
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    with translation.override(user.language or settings.LANGUAGE_CODE):
        body = render_to_string(template, {**context, "user": user, "unsubscribe": unsubscribe})
        # One line even for a subject stored before forms cleaned them: a newline in a
        # header is refused (BadHeaderError), or worse, starts a header of its own.
        subject_text = one_line(str(subject) % (params or {}))
        EmailMessage(subject=subject_text, body=body, to=[user.email], headers=headers).send()


def post_followers_record(*, post_id: int) -> list[int]:
    """Write a pending notification for everyone who follows the post's topic or forum,
    has an email address and wants forum email, may read the forum, and did not write
    the post. Returns the ids of those who want it immediately."""
    post = Post.objects.select_related("topic__forum").filter(pk=post_id, approved=True).first()
    if post is None:
        return []
    topic = post.topic
    followers = (
        User.objects.filter(
            Q(forum_subscriptions__topic=topic) | Q(forum_subscriptions__forum=topic.forum_id),
            is_active=True,
        )
        .exclude(pk=post.poster_id)
        .exclude(email="")
        .exclude(forum_email=ForumEmail.OFF)
        .distinct()
    )
    handler = PermissionHandler()
    readers = [user for user in followers if handler.can_read_forum(topic.forum, user)]
    PostNotification.objects.bulk_create(
        [PostNotification(user=user, post=post) for user in readers], ignore_conflicts=True
    )
    return [user.pk for user in readers if user.forum_email == ForumEmail.IMMEDIATE]


def _subscription_for(user, post):
    return (
        Subscription.objects.filter(user=user)
        .filter(Q(topic=post.topic_id) | Q(forum=post.topic.forum_id))
        .order_by("forum")  # the topic subscription first: unsubscribing it is the smaller step
        .first()
    )


def _mail_server_down(error: Exception) -> bool:
    """Whether ``error`` says the mail server cannot take email now (every email would
    fail alike) rather than that this one email is wrong (a refused address)."""
    return isinstance(error, SMTPException | OSError) and not isinstance(
        error, SMTPRecipientsRefused
    )


def _sending_failed(rows, error: Exception) -> None:
    """Count a failed try against the pending notifications ``rows`` (a queryset) and
    give them up once they reached ``FORUM_NOTIFICATION_ATTEMPTS``, saying why."""
    reason = f"{type(error).__name__}: {error}"
    pending = rows.filter(sent_at__isnull=True, given_up_at__isnull=True)
    pending.update(attempts=F("attempts") + 1, last_error=reason)
    limit = settings.FORUM_NOTIFICATION_ATTEMPTS
    ids = list(pending.filter(attempts__gte=limit).values_list("pk", flat=True))
    if ids:
        PostNotification.objects.filter(pk__in=ids).update(given_up_at=timezone.now())
        logger.error(
            "Forum notifications %s given up after %d tries; not sent: %s", ids, limit, reason
        )


def _immediate_send(notification_id: int) -> bool:
    """Send one pending immediate notification under its lock, stamped sent in the same
    transaction; False when there was nothing (left) to send."""
    with transaction.atomic():
        notification = (
            PostNotification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "post__topic__forum", "post__poster")
            .filter(pk=notification_id, sent_at__isnull=True, given_up_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        user, post = notification.user, notification.post
        subscription = _subscription_for(user, post)
        sent = bool(user.email and subscription is not None and post.approved)
        if sent:
            _send(
                user=user,
                subject=gettext_lazy("Nieuw bericht: %(subject)s"),
                params={"subject": post.topic.subject},
                template="community/email/new_post.txt",
                context={"post": post, "url": _absolute(links.post_url(post))},
                unsubscribe=_unsubscribe_url(user.pk, subscription.pk),
            )
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
        return sent


def immediate_notifications_send(*, user_ids=None) -> int:
    """Send the pending immediate notifications (of ``user_ids``, or everyone's), oldest
    first, each on its own: one that fails is counted and logged, and the rest are still
    sent. A mail server that is down stops the run with its error. Returns how many
    emails were sent."""
    pending = PostNotification.objects.filter(
        sent_at__isnull=True, given_up_at__isnull=True, user__forum_email=ForumEmail.IMMEDIATE
    )
    if user_ids is not None:
        pending = pending.filter(user_id__in=user_ids)
    sent = 0
    for notification_id in list(pending.order_by("pk").values_list("pk", flat=True)):
        try:
            sent += _immediate_send(notification_id)
        except Exception as error:
            if _mail_server_down(error):
                raise
            logger.exception("Forum notification %s could not be sent", notification_id)
            _sending_failed(PostNotification.objects.filter(pk=notification_id), error)
    return sent


def _digest_send(user_id: int) -> bool:
    """Send one reader's digest of every pending notification, stamped sent in the same
    transaction; False when there was nothing (left) to send."""
    with transaction.atomic():
        rows = list(
            PostNotification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "post__topic__forum", "post__poster")
            .filter(user_id=user_id, sent_at__isnull=True, given_up_at__isnull=True)
            .order_by("post__created")
        )
        visible = [row for row in rows if row.post.approved]
        sent = bool(rows and visible and rows[0].user.email)
        if sent:
            user = rows[0].user
            items = [
                {"post": row.post, "url": _absolute(links.post_url(row.post))} for row in visible
            ]
            _send(
                user=user,
                subject=gettext_lazy("Nieuw op het forum: %(count)d berichten"),
                params={"count": len(items)},
                template="community/email/digest.txt",
                context={"items": items},
                unsubscribe=_unsubscribe_url(user.pk, None),
            )
        PostNotification.objects.filter(pk__in=[row.pk for row in rows]).update(
            sent_at=timezone.now()
        )
        return sent


def daily_digests_send() -> int:
    """One email per daily-digest reader with every pending notification in it; a
    digest that fails is counted against its notifications and logged, and the other
    readers still get theirs (as in ``immediate_notifications_send``)."""
    user_ids = (
        PostNotification.objects.filter(
            sent_at__isnull=True, given_up_at__isnull=True, user__forum_email=ForumEmail.DAILY
        )
        .values_list("user_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in list(user_ids):
        try:
            sent += _digest_send(user_id)
        except Exception as error:
            if _mail_server_down(error):
                raise
            logger.exception("The forum digest of user %s could not be sent", user_id)
            _sending_failed(PostNotification.objects.filter(user_id=user_id), error)
    return sent


def _peer_ask_send(ask_id: int) -> bool:
    """Email one pending ask under its lock, stamped sent in the same transaction; to
    someone who wants no forum email (or has no address) nothing is sent: they find the
    question under "Mijn forum". False when nothing was sent."""
    with transaction.atomic():
        ask = (
            PeerAsk.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "topic__forum", "topic__meta__step")
            .filter(pk=ask_id, sent_at__isnull=True)
            .first()
        )
        if ask is None:
            return False
        user, topic = ask.user, ask.topic
        sent = bool(user.email and user.forum_email != ForumEmail.OFF and topic.approved)
        if sent:
            step = topic.meta.step if hasattr(topic, "meta") else None
            _send(
                user=user,
                subject=gettext_lazy("Wil je meedenken? Een vraag over “%(forum)s”"),
                params={"forum": topic.forum.name},
                template="community/email/peer_ask.txt",
                context={
                    "topic": topic,
                    "step": step,
                    "url": _absolute(links.topic_url(topic)),
                    "settings_url": _absolute(reverse("community:peer_offers")),
                },
            )
        ask.sent_at = timezone.now()
        ask.save(update_fields=["sent_at"])
        return sent


def peer_asks_send(*, topic_id: int | None = None) -> int:
    """Send the pending asks of the topic ``topic_id`` (or everyone's), each on its own;
    one the mail server refuses is logged and not tried again (a peer is asked a few
    times a week at most: an old question is better left than sent late). A mail server
    that is down stops the run with its error. Returns how many emails were sent."""
    pending = PeerAsk.objects.filter(sent_at__isnull=True)
    if topic_id is not None:
        pending = pending.filter(topic_id=topic_id)
    sent = 0
    for ask_id in list(pending.order_by("pk").values_list("pk", flat=True)):
        try:
            sent += _peer_ask_send(ask_id)
        except Exception as error:
            if _mail_server_down(error):
                raise
            logger.exception("Peer ask %s could not be sent", ask_id)
            PeerAsk.objects.filter(pk=ask_id).update(sent_at=timezone.now())
    return sent


def crisis_alert_send(*, signal_id: int) -> bool:
    """Email the moderators about a post with crisis phrases, once."""
    with transaction.atomic():
        signal = (
            CrisisSignal.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("post__topic__forum", "post__poster")
            .filter(pk=signal_id, alerted_at__isnull=True)
            .first()
        )
        if signal is None:
            return False
        moderators = User.objects.filter(groups__name=roles.MODERATOR, is_active=True).exclude(
            email=""
        )
        post = signal.post
        for moderator in moderators:
            _send(
                user=moderator,
                subject=gettext_lazy("Let op: een bericht met crisissignalen"),
                template="community/email/crisis_alert.txt",
                context={"post": post, "signal": signal, "url": _absolute(links.post_url(post))},
            )
        signal.alerted_at = timezone.now()
        signal.save(update_fields=["alerted_at"])
        return True


def warning_send(*, action_id: int) -> bool:
    """Email a moderator's warning to the writer of the post (when they have an address)."""
    with transaction.atomic():
        action = (
            ModerationAction.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("post__poster", "post__topic__forum")
            .filter(pk=action_id, kind=ModerationAction.Kind.WARN, emailed_at__isnull=True)
            .first()
        )
        if action is None or not action.post.poster or not action.post.poster.email:
            return False
        _send(
            user=action.post.poster,
            subject=gettext_lazy("Een bericht van de moderator van het forum"),
            template="community/email/warning.txt",
            context={"action": action, "url": _absolute(links.post_url(action.post))},
        )
        action.emailed_at = timezone.now()
        action.save(update_fields=["emailed_at"])
        return True
