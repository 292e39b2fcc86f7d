"""Signal receivers: merge anonymous progress at login; topic edits refresh the catalog."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from website.middleware import bump_content_version

from .models import Topic
from .services import session_progress_merge


@receiver(user_logged_in)
def _merge_session_progress(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        session_progress_merge(user=user, session=request.session)


@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
def _topic_changed(**kwargs):
    bump_content_version()
