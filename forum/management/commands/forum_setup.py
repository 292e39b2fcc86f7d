"""Write the forum's default permissions and sync its tree with the learning content."""

from django.core.management.base import BaseCommand

from forum.permissions import forum_permissions_ensure_defaults
from forum.services import forum_tree_sync


class Command(BaseCommand):
    help = "Set the forum's default permissions and create/rename/archive forums per module."

    def handle(self, *args, **options):
        forum_permissions_ensure_defaults()
        report = forum_tree_sync()
        self.stdout.write(
            f"Forum ready: {len(report.created)} created, {len(report.renamed)} renamed, "
            f"{len(report.archived)} archived, {len(report.reopened)} reopened."
        )
