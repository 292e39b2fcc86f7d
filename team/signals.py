"""What a worker's cached overviews depend on besides the clients' summaries: the
caseload itself (links made, ended, rescoped or deleted with an account) and the
clients' names. Every such change bumps the worker's caseload version."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import TeamLink
from .selectors import bump_caseload_versions


@receiver(post_save, sender=TeamLink)
@receiver(post_delete, sender=TeamLink)
def _link_changed(sender, instance, **kwargs):
    bump_caseload_versions(worker_ids=[instance.worker_id])


@receiver(m2m_changed, sender=TeamLink.topics.through)
def _scope_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, TeamLink):
        bump_caseload_versions(worker_ids=[instance.worker_id])


@receiver(post_save, sender=get_user_model())
def _name_changed(sender, instance, update_fields=None, **kwargs):
    # Logins only touch last_login; a profile save may change the name workers see.
    if update_fields is None or "display_name" in update_fields:
        worker_ids = TeamLink.objects.filter(client=instance, ended_at__isnull=True).values_list(
            "worker_id", flat=True
        )
        bump_caseload_versions(worker_ids=list(worker_ids))
