"""What ``learning`` does when other parts of the system act. Every signal it handles:

- ``user_logged_in`` (Django): merge the visitor's session progress into the account.
- ``post_save`` / ``post_delete`` of ``Topic``: bump the content version (the catalog
  shows topics).
- ``page_published`` / ``page_unpublished`` of ``ModulePage`` and ``StepPage``
  (Wagtail): rebuild that module's summaries (a task, on commit).
"""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from core.tasks import enqueue_on_commit
from core.versions import bump_content_version

from . import tasks
from .models import ModulePage, StepPage, Topic
from .services import session_progress_merge


@receiver(user_logged_in)
def _merge_session_progress(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        session_progress_merge(user=user, session=request.session)


@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
def _topic_changed(**kwargs):
    bump_content_version()


@receiver(page_published, sender=ModulePage)
@receiver(page_unpublished, sender=ModulePage)
@receiver(page_published, sender=StepPage)
@receiver(page_unpublished, sender=StepPage)
def _module_steps_changed(sender, instance, **kwargs):
    module_id = instance.pk if sender is ModulePage else instance.get_parent().pk
    enqueue_on_commit(tasks.rebuild_module_summaries, module_id)
