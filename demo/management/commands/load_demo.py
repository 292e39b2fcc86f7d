"""Load the demo learning content and local initiatives and, for local use, demo users
with some progress, the demo forum's conversations and the demo team.

Everything people read is in ``demo/content/`` (see its README). Idempotent: what
exists (matched by slug, username or the key in its file) is left as it is, so
learners' ticks keep pointing at the same checklist items, and running it twice changes
nothing.
"""

import os

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User
from demo.forum import load_demo_forum
from demo.learning import load_demo_learning
from demo.nearby import load_demo_nearby
from demo.people import DEMO_USERS, load_demo_members, load_demo_peer_offers
from demo.team import load_demo_team
from forum.services import forum_tree_sync
from learning.learners import Learner
from learning.models import StepPage
from learning.selectors import catalog
from learning.services import step_complete, step_set_checklist


class Command(BaseCommand):
    help = "Load demo topics, modules and steps (and demo users when DEBUG or --with-users)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="Also create demo users with a known password (never on a public site).",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            created = load_demo_learning()
        self.stdout.write(f"Demo content: {created} new pages.")
        self.stdout.write(f"In de buurt: {load_demo_nearby()} new initiatives.")
        # The publish signals sync the forum tree on commit through Celery; with a worker
        # that is not running yet, the forum would stay empty, so sync here as well.
        forum_tree_sync()
        if settings.DEBUG or options["with_users"]:
            self._load_users()

    def _load_users(self):
        password = os.environ.get("DEMO_PASSWORD", "samen-sterk-2026")
        lines = []
        for username, role, description in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(password)
                user.save()
            groups = (role,) if isinstance(role, str) else role or ()
            user.groups.add(*(Group.objects.get(name=name) for name in groups))
            lines.append(f"  {username:<26} {description}")
        self._give_demo_client_progress(User.objects.get(username="demo-client"))
        members = load_demo_members()
        load_demo_peer_offers()
        posts = load_demo_forum()
        load_demo_team()
        self.stdout.write(f"Demo users (password: {password}):")
        self.stdout.write("\n".join(lines))
        self.stdout.write(f"Demo forum: {members} new members, {posts} new posts.")

    def _give_demo_client_progress(self, user):
        """Finish one module and start another, so every screen has something to show."""
        if user.step_progress.exists():
            return
        learner = Learner(user=user, session=None)
        current = catalog()
        modules = [current.modules[m] for topic in current.topics for m in topic.module_ids]
        finished, started = modules[2], modules[0]
        for step_id in finished.step_ids:
            step_complete(learner=learner, step=StepPage.objects.get(pk=step_id))
        first = StepPage.objects.get(pk=started.step_ids[0])
        step_complete(learner=learner, step=first)
        for child in first.body:
            if child.block_type == "checklist":
                items = [item.id for item in child.value["items"].bound_blocks][:1]
                step_set_checklist(learner=learner, step=first, block_id=child.id, item_ids=items)
