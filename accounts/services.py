"""Writes on accounts: the language preference, the sessions someone signed in with, and
deleting an account.

Deleting an account (``account_delete``) removes the person and everything personal
about them in one transaction; a failure anywhere leaves everything as it was. What
happens to each kind of row, and why:

- The ``User`` row is deleted. Rows that only mean something with the person go with
  it through ``on_delete=CASCADE``: learning progress (``StepProgress``,
  ``ModuleCompletion`` and the derived summaries), forum subscriptions and pending
  notification emails, allauth's email addresses, group memberships, machina's forum
  profile, read tracks, per-user forum permissions and poll votes, Wagtail's user
  profile, comments and page subscriptions, and the Django admin's log of their actions.
- Before that, ``account_deleting`` is sent inside the transaction, with the person's
  choice ``keep_posts``: the forum (a layer above accounts, which accounts does not
  import) listens to it in ``forum.receivers``. Their "Dit hielp mij" votes are taken back
  first, so the counts on posts and topics keep matching the votes left
  (``forum.services.member_votes_withdraw``). Their forum posts are either kept, written
  by nobody and shown as "verwijderde gebruiker" (the default: other people's answers
  keep their question), or removed the way machina removes posts, with the counters of
  topics and forums recounted (``forum.services.member_posts_anonymise`` /
  ``member_posts_remove``). Machina's ``Topic.poster`` and ``Post.poster`` cascade:
  deleting the user row without either step would silently remove whole conversations,
  replies of others included.
- Rows that are about someone else or about the community keep their meaning without
  the person and lose only the link (``SET_NULL``): reports they made (still needed by
  the moderators, the reporter was never shown), moderation actions they took as a
  moderator, "last edited by" on posts, Wagtail pages, revisions and uploads they made
  as an editor. Wagtail's audit log keeps a bare user id (``DO_NOTHING``), no name.
- Moderation data about their posts (reports by others, moderation actions, crisis
  signals) stays with a kept post and goes with a removed one.

- Every session they are signed in with ends, in the database and in the cache, once the
  deletion is committed (``user_sessions_end``): a phone left signed in is signed out at
  its next request, and no session keeps their id until it expires.

Apps added later hook in the same way: ``CASCADE`` (or ``SET_NULL`` for rows that must
outlive the person) on their foreign keys to the user, or a receiver of
``account_deleting`` for anything more; both run inside this transaction.
"""

from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal

from .models import User, UserSession

# Sent by ``account_delete`` inside its transaction, before the user row goes, with
# ``user`` and ``keep_posts`` (whether their forum posts stay, anonymised). Receivers
# remove or anonymise what apps above accounts keep about the person; an error in one
# rolls the whole deletion back (sent with ``send``, not ``send_robust``).
account_deleting = Signal()


def user_set_language(*, user: User, language: str) -> None:
    """Remember ``language`` for ``user`` if it is one we offer; ignore anything else."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def account_delete(*, user: User, keep_posts: bool) -> None:
    """Delete ``user`` and everything personal about them (see the module docstring).

    ``keep_posts``: their forum posts stay, shown as "verwijderde gebruiker"; otherwise
    they are removed, with the topics they started. All or nothing: any error rolls the
    whole deletion back. The caller checked that ``user`` asked for it themselves.
    """
    # Lock the row first: a post written at this moment in another tab waits for this
    # transaction and then fails, instead of slipping in between the steps below.
    User.objects.select_for_update().filter(pk=user.pk).first()
    account_deleting.send(sender=User, user=user, keep_posts=keep_posts)
    user_sessions_end(user=user)
    user.delete()


def user_session_record(*, user: User, session_key: str | None) -> None:
    """Remember that ``user`` is signed in with the session ``session_key`` (at login, and
    when a password change gives their session a new key), so it can be ended later."""
    if session_key:
        UserSession.objects.update_or_create(session_key=session_key, defaults={"user": user})


def user_session_forget(*, session_key: str | None) -> None:
    """The session ``session_key`` was ended by logging out: nothing left to end."""
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def user_sessions_end(*, user: User) -> None:
    """End every session ``user`` signed in with, in whatever session store is configured
    (database and cache alike), once the current transaction commits: a rolled-back
    account deletion leaves them signed in."""
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    store = import_module(settings.SESSION_ENGINE).SessionStore

    def end() -> None:
        for key in keys:
            store().delete(key)

    transaction.on_commit(end)
