"""What ``forum`` does when other parts of the system act. Every signal it handles:

- ``page_published`` / ``page_unpublished`` / ``post_delete`` of ``ModulePage`` and
  ``post_save`` of learning's ``Topic``: sync the forum tree (a task, on commit).
- ``accounts.services.account_deleting``: take the person's votes back, then anonymise or
  remove their posts, inside the deletion's transaction.
- ``post_save`` of machina's ``Post``: a post that became visible tells its followers (a
  task, on commit) and, approved by a moderator, may earn its writer trust. Whether it
  was visible before, the post knows from when it was loaded (``core.changes``).
- ``post_save`` / ``post_delete`` of machina's ``Topic`` (every post saves its topic):
  bump the topic's version and forget its module's topic lists; a question from a step
  that waited for a moderator asks peers who did the module once it is approved.
- ``post_save`` / ``post_delete`` of ``Subscription``: forget what the person follows.
- ``post_save`` / ``post_delete`` of ``PeerOffer`` (an account's go with its deletion):
  the module's steps show a new count of peers who think along.
- ``accounts.names.public_name_changed``: a new name shows on the cached pages of the
  topics the person wrote in (bumps those topics' versions).
- Machina's permission rows, forums deleted, groups and group membership: bump the
  permissions version; ``post_save`` of ``Forum``: bump the board version.
- ``post_migrate``: write the default forum permissions.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver
from machina.core.db.models import get_model
from wagtail.signals import page_published, page_unpublished

from accounts.names import public_name_changed
from accounts.services import account_deleting
from core import changes
from core.tasks import enqueue_on_commit
from learning.models import ModulePage, Topic

from . import services, tasks
from .cache import (
    bump_board_version,
    bump_topic_version,
    bump_topic_versions,
    forget_following,
    forget_module_peers,
    forget_module_topics,
)
from .models import PeerOffer, Subscription
from .permissions import bump_permissions_version, forum_permissions_ensure_defaults
from .services import member_trust_if_earned

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
ForumTopic = get_model("forum_conversation", "Topic")
UserForumPermission = get_model("forum_permission", "UserForumPermission")
GroupForumPermission = get_model("forum_permission", "GroupForumPermission")


@receiver(page_published, sender=ModulePage)
@receiver(page_unpublished, sender=ModulePage)
@receiver(post_delete, sender=ModulePage)
@receiver(post_save, sender=Topic)
def _learning_content_changed(**kwargs):
    enqueue_on_commit(tasks.sync_forum_tree)


@receiver(account_deleting)
def _account_deleting(sender, user, keep_posts, **kwargs):
    # Inside account_delete's transaction (see accounts.services): votes first, so the
    # counts on the posts about to change match the votes left.
    services.member_votes_withdraw(user=user)
    if keep_posts:
        services.member_posts_anonymise(user=user)
    else:
        services.member_posts_remove(user=user)


changes.track(Post, "approved")
changes.track(ForumTopic, "approved")


@receiver(post_save, sender=Post)
def _post_saved(sender, instance, created, **kwargs):
    # Approved now and not before (a new post's fields all count as changed), whoever
    # saved it: our services or machina's moderation queue.
    if instance.approved and "approved" in changes.changed(instance):
        enqueue_on_commit(tasks.notify_followers, instance.pk)
        if not created and instance.poster_id:
            # A moderator approved it: enough approved posts and the writer is trusted.
            member_trust_if_earned(user=instance.poster)


# Every post saves its topic (machina's trackers), so this covers new, hidden and
# restored posts too.
@receiver(post_save, sender=ForumTopic)
@receiver(post_delete, sender=ForumTopic)
def _topic_changed(sender, instance, **kwargs):
    forget_module_topics(forum_id=instance.forum_id)
    bump_topic_version(instance.pk)


@receiver(post_save, sender=ForumTopic)
def _topic_approved(sender, instance, created, **kwargs):
    # A new topic is asked about by topic_start (its step is written after this save);
    # one approved later (machina's trackers, when its first post is) asks here.
    if not created and instance.approved and "approved" in changes.changed(instance):
        services.topic_peers_ask(topic_id=instance.pk)


@receiver(post_save, sender=Subscription)
@receiver(post_delete, sender=Subscription)
def _subscriptions_changed(sender, instance, **kwargs):
    forget_following(user_id=instance.user_id)


@receiver(post_save, sender=PeerOffer)
@receiver(post_delete, sender=PeerOffer)
def _peer_offers_changed(sender, instance, **kwargs):
    forget_module_peers(module_id=instance.module_id)


@receiver(public_name_changed)
def _public_name_changed(sender, user, **kwargs):
    bump_topic_versions(
        Post.objects.filter(poster=user).values_list("topic_id", flat=True).distinct()
    )


@receiver(post_delete, sender=Forum)
@receiver(post_save, sender=UserForumPermission)
@receiver(post_delete, sender=UserForumPermission)
@receiver(post_save, sender=GroupForumPermission)
@receiver(post_delete, sender=GroupForumPermission)
@receiver(post_delete, sender=Group)
@receiver(m2m_changed, sender=get_user_model().groups.through)
def _forum_permissions_changed(**kwargs):
    bump_permissions_version()


@receiver(post_save, sender=Forum)
def _forum_saved(sender, instance, created, **kwargs):
    # Every new post saves its forum's counters: the index shows them. Only a new forum
    # changes who reads what (moves happen in forum_tree_sync, which bumps that itself).
    bump_board_version()
    if created:
        bump_permissions_version()


@receiver(post_migrate)
def _ensure_default_permissions(sender, **kwargs):
    # Machina creates its permission rows on its own post_migrate, which runs before ours.
    if sender.label == "community":
        forum_permissions_ensure_defaults()
