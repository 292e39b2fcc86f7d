"""Load the demo learning content and, for local use, demo users with some progress.

Idempotent: what exists (matched by slug or username) is left as it is, so
learners' ticks keep pointing at the same checklist items, and running it
twice changes nothing.
"""

import os

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts import roles
from accounts.models import User
from forum.demo_content import load_demo_forum
from forum.services import forum_tree_sync
from learning.demo_content import TOPICS
from learning.learners import Learner
from learning.models import CanDoStatement, LearningIndexPage, ModulePage, StepPage, Topic
from learning.selectors import catalog
from learning.services import step_complete, step_set_checklist
from team.demo_content import load_demo_team
from website.models import HomePage

DEMO_USERS = [
    ("demo-client", None, "een cliënt met wat voortgang"),
    ("demo-ervaringsdeskundige", roles.EXPERIENCE_EXPERT, "een ervaringsdeskundige"),
    ("demo-hulpverlener", roles.WORKER, "een hulpverlener"),
    ("demo-teamleider", roles.TEAM_LEAD, "een teamleider (alleen aantallen)"),
    ("demo-moderator", roles.MODERATOR, "een moderator van het forum"),
    ("demo-redacteur", roles.EDITOR, "een redacteur (Wagtail-beheer)"),
]


def _raw_stream(body):
    return [{"type": block_type, "value": value} for block_type, value in body]


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
            created = self._load_content()
        self.stdout.write(f"Demo content: {created} new pages.")
        # The publish signals sync the forum tree on commit through Celery; with a worker
        # that is not running yet, the forum would stay empty, so sync here as well.
        forum_tree_sync()
        if settings.DEBUG or options["with_users"]:
            self._load_users()

    def _load_content(self) -> int:
        created = 0
        home = HomePage.objects.get()
        index = LearningIndexPage.objects.first()
        if index is None:
            index = LearningIndexPage(
                title="Leren",
                slug="leren",
                intro="<p>Kies een onderwerp. Elke module heeft korte stappen. "
                "Je gaat in je eigen tempo.</p>",
            )
            home.add_child(instance=index)
            index.save_revision().publish()
            created += 1
        for order, topic_data in enumerate(TOPICS):
            topic, _ = Topic.objects.get_or_create(
                slug=topic_data["slug"],
                defaults={
                    "name": topic_data["name"],
                    "description": topic_data["description"],
                    "life_domain": topic_data["life_domain"],
                    "sort_order": order,
                },
            )
            for module_data in topic_data["modules"]:
                created += self._load_module(index, topic, module_data)
        return created

    def _load_module(self, index, topic, data) -> int:
        module = ModulePage.objects.child_of(index).filter(slug=data["slug"]).first()
        created = 0
        if module is None:
            module = ModulePage(
                title=data["title"],
                slug=data["slug"],
                topic=topic,
                intro=data["intro"],
                estimated_minutes=data["minutes"],
                level=data["level"],
            )
            module.can_do_statements = [CanDoStatement(text=text) for text in data["can_do"]]
            index.add_child(instance=module)
            module.save_revision().publish()
            created += 1
        statements = list(module.can_do_statements.order_by("sort_order"))
        for step_data in data["steps"]:
            if StepPage.objects.child_of(module).filter(slug=step_data["slug"]).exists():
                continue
            step = StepPage(
                title=step_data["title"],
                slug=step_data["slug"],
                body=_raw_stream(step_data["body"]),
            )
            step.teaches = [statements[i] for i in step_data["teaches"] if i < len(statements)]
            module.add_child(instance=step)
            step.save_revision().publish()
            created += 1
        return created

    def _load_users(self):
        password = os.environ.get("DEMO_PASSWORD", "samen-sterk-2026")
        lines = []
        for username, role, description in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(password)
                user.save()
            if role:
                user.groups.add(Group.objects.get(name=role))
            lines.append(f"  {username:<26} {description}")
        self._give_demo_client_progress(User.objects.get(username="demo-client"))
        load_demo_forum(
            asker=User.objects.get(username="demo-client"),
            expert=User.objects.get(username="demo-ervaringsdeskundige"),
        )
        load_demo_team(
            client=User.objects.get(username="demo-client"),
            worker=User.objects.get(username="demo-hulpverlener"),
            lead=User.objects.get(username="demo-teamleider"),
        )
        self.stdout.write(f"Demo users (password: {password}):")
        self.stdout.write("\n".join(lines))

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
