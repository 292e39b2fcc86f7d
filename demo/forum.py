"""A few warm demo conversations, so `make run` shows a living forum.

Written through the same services as the site (approval rules, subscriptions, peer
signals), only when the demo users exist, and only once: a forum that already has
topics is left alone.
"""

from machina.core.db.models import get_model
from machina.core.loading import get_class

from forum.models import ModuleForum
from forum.services import (
    post_approve,
    post_mark_helpful,
    post_reply,
    topic_mark_answer,
    topic_start,
)
from learning.models import ModulePage, StepPage

Topic = get_model("forum_conversation", "Topic")
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")

CONVERSATIONS = [
    {
        "module": "zorgtoeslag-en-huurtoeslag-aanvragen",
        "step": "veranderingen-doorgeven",
        "subject": "Moet ik zorgtoeslag terugbetalen als ik meer ga verdienen?",
        "question": (
            "Ik ga vanaf volgende maand 16 uur werken. Ik krijg nu zorgtoeslag. "
            "Moet ik dan alles terugbetalen? Ik ben bang voor een schuld."
        ),
        "answer": (
            "Dat snap ik goed, daar was ik ook bang voor. Geef je nieuwe inkomen zo snel "
            "mogelijk door bij **Mijn toeslagen**. Dan past de Belastingdienst je toeslag aan "
            "en hoef je achteraf weinig of niets terug te betalen.\n\n"
            "> Tip: maak een schermafbeelding van wat je doorgeeft."
        ),
    },
    {
        "module": "maandbudget-op-een-rij",
        "step": None,
        "subject": "Hoe houden jullie boodschappen onder de 80 euro per week?",
        "question": "Wij zijn met z'n drieën. Wie heeft tips voor goedkope maaltijden?",
        "answer": None,
    },
]


def load_demo_forum(*, asker, expert) -> int:
    """Create the demo conversations that are missing; returns how many were added."""
    handler = PermissionHandler()
    added = 0
    for conversation in CONVERSATIONS:
        module = ModulePage.objects.filter(slug=conversation["module"]).first()
        link = ModuleForum.objects.select_related("forum").filter(module=module).first()
        if module is None or link is None or Topic.objects.filter(forum=link.forum).exists():
            continue
        step = None
        if conversation["step"]:
            step = StepPage.objects.child_of(module).filter(slug=conversation["step"]).first()
        started = topic_start(
            forum=link.forum,
            user=asker,
            subject=conversation["subject"],
            content=conversation["question"],
            step=step,
            handler=handler,
        )
        # The demo client is a new member: their question waits, as on the real site,
        # until a moderator approves it.
        post_approve(post=started.post)
        if conversation["answer"]:
            answer = post_reply(
                topic=started.post.topic,
                user=expert,
                content=conversation["answer"],
                handler=handler,
            ).post
            post_mark_helpful(post=answer, user=asker)
            topic_mark_answer(post=answer, user=asker)
        added += 1
    return added
