"""Every change that affects a search document writes an outbox entry, in the same
transaction as the change (``outbox.outbox_record``). Every signal it handles:

- Wagtail's ``page_published`` / ``page_unpublished`` and ``post_delete`` of
  ``ModulePage`` and ``StepPage``; ``PageViewRestriction`` saved or deleted; learning's
  ``Topic`` saved: the pages concerned.
- Machina's ``Post`` saved or deleted; machina's ``Topic`` saved with a new subject, forum
  or approval (known from the topic as loaded: ``core.changes``);
  ``forum.services.topics_rewritten``; forum permission rows saved or deleted: the posts
  concerned.
- ``accounts.names.public_name_changed``: the person's posts (they carry the name).
- ``learning.services.summaries_changed``; ``TeamLink`` saved, deleted or rescoped;
  ``Team.members`` changed: the linked clients' progress documents.
- nearby's ``Initiative`` saved or deleted, its topics changed; learning's ``Topic``
  saved (its name is in their words): the initiatives concerned.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from machina.core.db.models import get_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from accounts.names import public_name_changed
from core import changes
from forum.services import topics_rewritten
from learning.models import ModulePage, StepPage
from learning.models import Topic as LearningTopic
from learning.services import summaries_changed
from nearby.models import Initiative
from team.models import Team, TeamLink

from .models import Kind
from .outbox import outbox_record

Post = get_model("forum_conversation", "Post")
ForumTopic = get_model("forum_conversation", "Topic")
UserForumPermission = get_model("forum_permission", "UserForumPermission")
GroupForumPermission = get_model("forum_permission", "GroupForumPermission")


# --- pages -----------------------------------------------------------------------------


def _module_page_ids(module_ids) -> list[int]:
    """The modules and all their steps (steps show their module's title and topic)."""
    steps = StepPage.objects.none()
    for module in ModulePage.objects.filter(pk__in=module_ids):
        steps = steps | StepPage.objects.child_of(module)
    return [*module_ids, *steps.values_list("pk", flat=True)]


@receiver(page_published, sender=ModulePage)
@receiver(page_unpublished, sender=ModulePage)
@receiver(post_delete, sender=ModulePage)
def _module_changed(sender, instance, **kwargs):
    outbox_record(Kind.PAGE, _module_page_ids([instance.pk]))


@receiver(page_published, sender=StepPage)
@receiver(page_unpublished, sender=StepPage)
@receiver(post_delete, sender=StepPage)
def _step_changed(sender, instance, **kwargs):
    outbox_record(Kind.PAGE, [instance.pk])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _view_restriction_changed(sender, instance, **kwargs):
    # The page and everything under it leave the index (or come back).
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        ids = [
            *ModulePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True),
            *StepPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True),
        ]
        outbox_record(Kind.PAGE, ids)


@receiver(post_save, sender=LearningTopic)
def _topic_saved(sender, instance, created, **kwargs):
    module_ids = list(ModulePage.objects.filter(topic=instance).values_list("pk", flat=True))
    outbox_record(Kind.PAGE, _module_page_ids(module_ids))
    outbox_record(Kind.INITIATIVE, instance.initiatives.values_list("pk", flat=True))
    if created:
        # Links to "all topics" now cover one more.
        clients = TeamLink.objects.filter(ended_at__isnull=True, all_topics=True)
        outbox_record(Kind.PROGRESS, clients.values_list("client_id", flat=True))


# --- posts -----------------------------------------------------------------------------


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def _post_changed(sender, instance, **kwargs):
    outbox_record(Kind.POST, [instance.pk])


changes.track(ForumTopic, "subject", "forum_id", "approved")


@receiver(post_save, sender=ForumTopic)
def _topic_changed(sender, instance, created, **kwargs):
    # Machina saves the topic on every post (its counters): only a change that shows
    # in the posts' documents re-indexes them (a new topic's posts index themselves).
    if not created and changes.changed(instance):
        outbox_record(Kind.POST, [instance.pk], scope="topic")


@receiver(topics_rewritten)
def _topics_rewritten(sender, topic_ids, **kwargs):
    outbox_record(Kind.POST, topic_ids, scope="topic")


@receiver(post_save, sender=UserForumPermission)
@receiver(post_delete, sender=UserForumPermission)
@receiver(post_save, sender=GroupForumPermission)
@receiver(post_delete, sender=GroupForumPermission)
def _forum_permission_changed(sender, instance, **kwargs):
    # Who may read a forum decides whether its posts can be found at all.
    if instance.forum_id is not None:
        outbox_record(Kind.POST, [instance.forum_id], scope="forum")
    else:
        outbox_record(
            Kind.POST, ForumTopic.objects.values_list("forum_id", flat=True), scope="forum"
        )


@receiver(public_name_changed)
def _public_name_changed(sender, user, **kwargs):
    outbox_record(Kind.POST, [user.pk], scope="writer")


# --- progress ------------------------------------------------------------------------------


@receiver(summaries_changed)
def _summaries_changed(sender, user_ids, **kwargs):
    # Only linked clients have progress documents: store the minimum.
    linked = TeamLink.objects.filter(client_id__in=user_ids, ended_at__isnull=True)
    outbox_record(Kind.PROGRESS, linked.values_list("client_id", flat=True))


@receiver(post_save, sender=TeamLink)
@receiver(post_delete, sender=TeamLink)
def _link_changed(sender, instance, **kwargs):
    outbox_record(Kind.PROGRESS, [instance.client_id])


@receiver(m2m_changed, sender=TeamLink.topics.through)
def _scope_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, TeamLink):
        outbox_record(Kind.PROGRESS, [instance.client_id])


@receiver(m2m_changed, sender=Team.members.through)
def _team_members_changed(sender, instance, action, pk_set=None, **kwargs):
    # Progress documents carry the teams of the workers who may see them.
    if not action.startswith("post_"):
        return
    if isinstance(instance, Team):
        workers = list(pk_set or ()) if action != "post_clear" else None
        links = TeamLink.objects.filter(ended_at__isnull=True)
        links = links.filter(worker__in=workers) if workers is not None else links
    else:
        links = TeamLink.objects.filter(ended_at__isnull=True, worker=instance)
    outbox_record(Kind.PROGRESS, links.values_list("client_id", flat=True))


# --- initiatives ---------------------------------------------------------------------------


@receiver(post_save, sender=Initiative)
@receiver(post_delete, sender=Initiative)
def _initiative_changed(sender, instance, **kwargs):
    # Published or not is decided when the document is prepared (a waiting one is deleted).
    outbox_record(Kind.INITIATIVE, [instance.pk])


@receiver(m2m_changed, sender=Initiative.topics.through)
def _initiative_topics_changed(sender, instance, action, pk_set=None, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Initiative):
        outbox_record(Kind.INITIATIVE, [instance.pk])
    else:  # a topic's initiatives were changed from the topic's side
        outbox_record(Kind.INITIATIVE, pk_set or ())
