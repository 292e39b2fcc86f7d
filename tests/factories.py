"""Test data: users with factory-boy, learning pages through Wagtail's tree API."""

from datetime import timedelta

import factory
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from accounts.models import User
from learning.models import CanDoStatement, LearningIndexPage, ModulePage, StepPage, Topic
from website.models import HomePage

PASSWORD = "een-goed-wachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"lerende{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Onderwerp {n}")
    slug = factory.Sequence(lambda n: f"onderwerp-{n}")


def step_body(n: int) -> list[dict]:
    """A body with one of each interactive block, with fixed ids so tests can post them."""
    return [
        {"type": "text", "value": f"<p>Uitleg bij stap {n}.</p>", "id": f"text-{n}"},
        {
            "type": "checklist",
            "id": f"checklist-{n}",
            "value": {
                "title": "Dit heb ik klaar",
                "items": [
                    {"type": "item", "value": "Mijn DigiD", "id": f"item-{n}-a"},
                    {"type": "item", "value": "Mijn loonstrook", "id": f"item-{n}-b"},
                ],
            },
        },
        {
            "type": "question",
            "id": f"question-{n}",
            "value": {
                "question": "Waar vraag je zorgtoeslag aan?",
                "options": [
                    {
                        "type": "item",
                        "id": f"option-{n}-right",
                        "value": {
                            "answer": "Bij Dienst Toeslagen",
                            "correct": True,
                            "feedback": "Ja, dat klopt.",
                        },
                    },
                    {
                        "type": "item",
                        "id": f"option-{n}-wrong",
                        "value": {
                            "answer": "Bij de bibliotheek",
                            "correct": False,
                            "feedback": "Bijna: het is Dienst Toeslagen.",
                        },
                    },
                ],
            },
        },
        {
            "type": "source",
            "id": f"source-{n}",
            "value": {
                "title": "Toeslagen",
                "organisation": "Dienst Toeslagen",
                "url": "https://www.belastingdienst.nl/toeslagen",
                "description": "",
            },
        },
    ]


def home_page() -> HomePage:
    """The site's HomePage; rebuilt when a transactional test's flush removed it."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    ContentType.objects.clear_cache()  # the flush took the cached content types with it
    locale, _ = Locale.objects.get_or_create(language_code="nl")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", locale=locale))
    home = HomePage(title="Samen sterker", slug="home", locale=locale)
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


def learning_index() -> LearningIndexPage:
    index = LearningIndexPage.objects.first()
    if index is None:
        index = LearningIndexPage(title="Leren", slug="leren")
        home_page().add_child(instance=index)
    return index


def make_module(
    *, topic: Topic | None = None, slug: str | None = None, steps: int = 3, statements: int = 2
) -> ModulePage:
    """A live module with ``steps`` live steps; step k teaches statement k % statements."""
    topic = topic or TopicFactory()
    index = learning_index()
    slug = slug or f"module-{Page.objects.count()}"
    module = ModulePage(
        title=f"Module {slug}",
        slug=slug,
        topic=topic,
        intro="<p>Een korte module.</p>",
        estimated_minutes=10,
    )
    module.can_do_statements = [
        CanDoStatement(text=f"Ik kan ding {i} ({slug})") for i in range(statements)
    ]
    index.add_child(instance=module)
    module.save_revision().publish()
    # Sort order may be unset: creation order breaks the tie, so "ding 0" comes first.
    saved_statements = list(module.can_do_statements.order_by("sort_order", "pk"))
    for number in range(1, steps + 1):
        add_step(module, number, teaches=[saved_statements[(number - 1) % statements]])
    return module


def add_step(module: ModulePage, number: int, *, teaches=(), live: bool = True) -> StepPage:
    step = StepPage(
        title=f"Stap {number}",
        slug=f"stap-{number}",
        body=step_body(number),
        live=live,
    )
    step.teaches = list(teaches)
    module.add_child(instance=step)
    if live:  # publish as the admin does, so page_published fires
        step.save_revision().publish()
    return step


def steps_of(module: ModulePage) -> list[StepPage]:
    return list(StepPage.objects.child_of(module).order_by("path"))


# --- Forum -----------------------------------------------------------------------------


def module_forum(module: ModulePage):
    """The machina forum of ``module``. Publishing enqueues the sync task on commit, which a
    test inside a transaction never reaches, so the sync service runs here directly."""
    from forum.models import ModuleForum
    from forum.services import forum_tree_sync

    forum_tree_sync()
    return ModuleForum.objects.select_related("forum").get(module=module).forum


def member(*, groups=(), trusted: bool = False, **fields) -> User:
    """A signed-up user; ``groups`` are role names; ``trusted`` skips first-post approval."""
    from django.contrib.auth.models import Group

    from forum.permissions import member_trust

    user = UserFactory(**fields)
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    if trusted:
        member_trust(user=user)
    return user


def start_topic(forum, user, *, subject="Een vraag", content="Wie weet dit?", step=None):
    """A topic started through the service, as the new-topic view does."""
    from machina.core.loading import get_class

    from forum.services import topic_start

    handler = get_class("forum_permission.handler", "PermissionHandler")()
    return topic_start(
        forum=forum, user=user, subject=subject, content=content, step=step, handler=handler
    ).post.topic


def reply(topic, user, content="Ik weet het!"):
    from machina.core.loading import get_class

    from forum.services import post_reply

    handler = get_class("forum_permission.handler", "PermissionHandler")()
    return post_reply(topic=topic, user=user, content=content, handler=handler).post


# --- Team ------------------------------------------------------------------------------


def worker(**fields) -> User:
    from accounts import roles

    return member(groups=[roles.WORKER], **fields)


def team_link(client, worker, *, topics=None, share_plan: bool = True):
    """An active link; ``topics`` limits the scope (None: everything)."""
    from team.models import TeamLink

    link = TeamLink.objects.create(
        client=client, worker=worker, all_topics=topics is None, share_plan=share_plan
    )
    if topics is not None:
        link.topics.set(topics)
    return link


def network_person(owner, name="Tante Ans", *, relation="familie", circle=1, helps=()):
    """Someone in ``owner``'s network, added as the client's form does."""
    from network.services import person_add

    return person_add(owner=owner, name=name, relation=relation, circle=circle, helps=list(helps))


def support_link(client, supporter, *, person=None, topics=()):
    """An active supporter's link: ``supporter`` as ``person`` (a new one named after them
    when None) in ``client``'s network, seeing the plan and ``topics``' progress."""
    from team.models import SupportLink

    person = person or network_person(client, supporter.public_name)
    link = SupportLink.objects.create(client=client, supporter=supporter, person=person)
    link.topics.set(topics)
    return link


def complete_steps(user, steps) -> None:
    """Mark steps done as the learner's "Klaar" button does."""
    from learning.learners import Learner
    from learning.services import step_complete

    for step in steps:
        step_complete(learner=Learner(user=user, session=None), step=step)


def sign_up(client, data: dict, *, seconds_on_form: float = 10, **meta):
    """Send the sign-up form as a person does: the page is shown first (it carries the
    signed time it was shown) and the form is sent ``seconds_on_form`` later."""
    url = reverse("account_signup")
    with time_machine.travel(timezone.now() - timedelta(seconds=seconds_on_form)):
        form = client.get(url, **meta).context["form"]
    return client.post(url, {**data, "started": form["started"].value()}, **meta)


# --- In de buurt -----------------------------------------------------------------------


def initiative(
    *,
    name="Taalcafé De Brug",
    place="Utrecht",
    postcode="3511",
    published=True,
    topics=(),
    **fields,
):
    """A local initiative, published unless told otherwise, with ``topics``."""
    from nearby.models import Initiative, Status

    values = {
        "what": "Elke week praten we Nederlands met elkaar, bij een kop koffie.",
        "for_whom": "Iedereen die Nederlands wil oefenen.",
        "how_to_join": "Loop gewoon binnen.",
    } | fields
    made = Initiative.objects.create(
        name=name,
        place=place,
        postcode=postcode,
        status=Status.PUBLISHED if published else Status.WAITING,
        **values,
    )
    made.topics.set(topics)
    return made
