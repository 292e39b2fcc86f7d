"""What ``team`` does when other parts of the system act. Every signal it handles bumps a
worker's caseload version, which their cached overviews carry besides the clients'
summaries:

- ``post_save`` / ``post_delete`` of ``TeamLink``: a link made, ended or deleted.
- ``m2m_changed`` of ``TeamLink.topics``: a link rescoped.
- ``post_save`` / ``post_delete`` of ``SupportLink``: a supporter came or went (the gap
  view's network column counts them).
- ``accounts.names.public_name_changed``: a client's name changed.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from accounts.names import public_name_changed

from .cache import bump_caseload_versions
from .models import SupportLink, TeamLink


@receiver(post_save, sender=TeamLink)
@receiver(post_delete, sender=TeamLink)
def _link_changed(sender, instance, **kwargs):
    bump_caseload_versions(worker_ids=[instance.worker_id])


@receiver(m2m_changed, sender=TeamLink.topics.through)
def _scope_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, TeamLink):
        bump_caseload_versions(worker_ids=[instance.worker_id])


@receiver(public_name_changed)
def _name_changed(sender, user, **kwargs):
    _bump_workers_of(user.pk)


@receiver(post_save, sender=SupportLink)
@receiver(post_delete, sender=SupportLink)
def _supporter_changed(sender, instance, **kwargs):
    _bump_workers_of(instance.client_id)


def _bump_workers_of(client_id: int) -> None:
    worker_ids = TeamLink.objects.filter(client=client_id, ended_at__isnull=True).values_list(
        "worker_id", flat=True
    )
    bump_caseload_versions(worker_ids=list(worker_ids))
