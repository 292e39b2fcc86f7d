"""Rebuild the report summaries (``ModuleSummary``, ``StatementAchieved``) from progress.

Run once after deploying them onto existing progress; afterwards they are kept up to date
on every completion and rebuilt nightly by Celery beat.
"""

from django.core.management.base import BaseCommand

from learning.services import module_summaries_rebuild


class Command(BaseCommand):
    help = "Rebuild the per-learner, per-module summaries that workers' and team reports read."

    def add_arguments(self, parser):
        parser.add_argument("--module", type=int, help="Only this module (page id).")

    def handle(self, *args, **options):
        learners = module_summaries_rebuild(module_id=options["module"])
        self.stdout.write(f"Summaries rebuilt for {learners} learners.")
