"""Invalidate the anonymous page cache whenever published content changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .versions import bump_content_version


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def _content_changed(**kwargs):
    bump_content_version()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _site_changed(**kwargs):
    bump_content_version()


# A page made private (or public again) must not be served from the anonymous page
# cache, and the catalog knows which pages are private (``learning.selectors``).
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _view_restriction_changed(**kwargs):
    bump_content_version()


@receiver(post_delete)
def _page_deleted(sender, **kwargs):
    if issubclass(sender, Page):
        bump_content_version()
