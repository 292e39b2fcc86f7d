"""What ``nearby`` does when its initiatives change. Every signal it handles:

- ``post_save`` / ``post_delete`` of ``Initiative``, and its ``topics`` changed: bump the
  content version when a published initiative is concerned (published now, or before
  this save), because the module pages list them and the anonymous page cache keeps
  those pages under that version. A suggestion that waits changes nothing shown.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from core import changes
from core.versions import bump_content_version

from .models import Initiative, Status

changes.track(Initiative, "status")


@receiver(post_save, sender=Initiative)
def _initiative_saved(sender, instance, **kwargs):
    if instance.status == Status.PUBLISHED or changes.changed(instance).get("status") == (
        Status.PUBLISHED
    ):
        bump_content_version()


@receiver(post_delete, sender=Initiative)
def _initiative_deleted(sender, instance, **kwargs):
    if instance.status == Status.PUBLISHED:
        bump_content_version()


@receiver(m2m_changed, sender=Initiative.topics.through)
def _topics_changed(sender, instance, action, **kwargs):
    published = isinstance(instance, Initiative) and instance.status == Status.PUBLISHED
    if action.startswith("post_") and published:
        bump_content_version()
