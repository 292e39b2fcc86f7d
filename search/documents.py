"""What goes into the search index, prepared from PostgreSQL (the truth).

Each kind has a ``Documents`` class: ``all_ids()`` lists what belongs in a full index,
``prepare(ids)`` returns the documents for those ids that should be indexed now, and
every id asked for but not returned is to be deleted. Documents are plain dicts with an
``id``; backends turn them into their own form.

What may be found is decided here: only live pages anyone may view (no view restriction
on or above them, no alias); only approved posts in approved
topics of forums anonymous visitors may read, under the writer's public name; a
client's progress only while a worker is linked to them, one document per topic with
the ids of the workers (and their teams) whose link covers that topic; and only
published initiatives, with their place, postcode and topics in their words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import nh3
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from machina.core.db.models import get_model
from machina.core.loading import get_class

from forum import links
from forum.markup import render
from forum.models import ModuleForum
from forum.permissions import readable_forum_ids
from learning.models import ModuleSummary, StatementAchieved, StepPage
from learning.selectors import catalog
from nearby.models import Initiative
from nearby.selectors import published
from team.models import TeamLink

from .models import Kind

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")


def plain_text(html: str) -> str:
    """Text without markup, for indexing and snippets."""
    return " ".join(nh3.clean(html, tags=set()).split())


class PageDocuments:
    """Live, public modules and steps: title, text from the intro or the step's blocks,
    the module's can-do statements, topic and module."""

    kind = Kind.PAGE

    def all_ids(self) -> Iterator[int]:
        live = catalog()
        for pk in (*live.modules, *live.steps):
            if pk not in live.private_page_ids:
                yield pk

    def prepare(self, ids: list[int]) -> list[dict]:
        live = catalog()
        ids = [pk for pk in ids if pk not in live.private_page_ids]
        topics = {topic.id: topic for topic in live.topics}
        docs = []
        for module_id in (pk for pk in ids if pk in live.modules):
            module = live.modules[module_id]
            docs.append(
                {
                    "id": str(module.id),
                    "type": "module",
                    "title": module.title,
                    "text": plain_text(module.intro),
                    "statements": [statement.text for statement in module.statements],
                    "topic_id": module.topic_id,
                    "topic": topics[module.topic_id].name,
                    "module_id": module.id,
                    "module": module.title,
                    "language": "nl",
                    "url": module.url,
                }
            )
        step_ids = [pk for pk in ids if pk in live.steps]
        for step in StepPage.objects.filter(pk__in=step_ids).only("pk", "body"):
            info = live.steps[step.pk]
            module = live.modules[info.module_id]
            texts = step.body.stream_block.get_searchable_content(step.body)
            docs.append(
                {
                    "id": str(step.pk),
                    "type": "step",
                    "title": info.title,
                    "text": plain_text(" ".join(texts)),
                    "statements": [s.text for s in module.statements if s.id in info.teaches],
                    "topic_id": module.topic_id,
                    "topic": topics[module.topic_id].name,
                    "module_id": module.id,
                    "module": module.title,
                    "language": "nl",
                    "url": info.url,
                }
            )
        return docs


def _readable_forum_ids() -> set[int]:
    """Forums an anonymous visitor may read: only those are searchable at all (the
    forum's own answer, cached under its permissions version)."""
    return readable_forum_ids(
        user=AnonymousUser(), handler=PermissionHandler(), forums=Forum.objects.all()
    )


class PostDocuments:
    """Approved posts in approved topics of readable forums, with the topic's subject,
    the text as rendered (then stripped of markup) and the writer's public name."""

    kind = Kind.POST

    def all_ids(self) -> Iterator[int]:
        yield from self._indexable(Post.objects.all()).order_by("pk").values_list("pk", flat=True)

    def _indexable(self, posts):
        return posts.filter(
            approved=True, topic__approved=True, topic__forum_id__in=_readable_forum_ids()
        )

    def ids_for(self, *, scope: str, object_id: int) -> list[int]:
        """Every post of a forum topic (``scope="topic"``), writer (``"writer"``) or
        forum (``"forum"``), indexable or not: all of them may have to change."""
        field = {"topic": "topic_id", "writer": "poster_id", "forum": "topic__forum_id"}[scope]
        return list(Post.objects.filter(**{field: object_id}).values_list("pk", flat=True))

    def prepare(self, ids: list[int]) -> list[dict]:
        posts = (
            self._indexable(Post.objects.filter(pk__in=ids))
            .select_related("topic__forum", "poster")
            .only(
                "pk",
                "content",
                "created",
                "poster__display_name",
                "poster__username",
                "topic__subject",
                "topic__slug",
                "topic__forum__slug",
            )
        )
        posts = list(posts)
        modules = dict(
            ModuleForum.objects.filter(
                forum_id__in={post.topic.forum_id for post in posts}, module__isnull=False
            ).values_list("forum_id", "module_id")
        )
        live = catalog()
        docs = []
        for post in posts:
            module = live.modules.get(modules.get(post.topic.forum_id))
            docs.append(
                {
                    "id": str(post.pk),
                    "title": post.topic.subject,
                    "text": plain_text(render(post.content.raw)),
                    # Empty for a deleted account: the page names it in the reader's
                    # language, not in that of whoever's request drained the outbox.
                    "author": post.poster.public_name if post.poster_id else "",
                    "topic_id": module.topic_id if module else None,
                    "module_id": module.id if module else None,
                    "module": module.title if module else "",
                    "forum_id": post.topic.forum_id,
                    "forum_topic_id": post.topic_id,
                    "created": post.created.isoformat(),
                    "url": links.post_url(post),
                }
            )
        return docs


class ProgressDocuments:
    """One document per linked client and topic: started, modules started and done,
    can-do statements achieved, last activity, and who may see it (``viewers``: the
    workers whose active link covers the topic; ``teams``: those workers' teams)."""

    kind = Kind.PROGRESS

    def all_ids(self) -> Iterator[int]:
        yield from (
            TeamLink.objects.filter(ended_at__isnull=True)
            .order_by("client_id")
            .values_list("client_id", flat=True)
            .distinct()
        )

    @staticmethod
    def doc_id(client_id: int, topic_id: int) -> str:
        return f"{client_id}-{topic_id}"

    def all_doc_ids(self, client_ids: list[int]) -> list[str]:
        """Every document id the clients could have (to delete what is no longer there)."""
        topic_ids = [topic.id for topic in catalog().topics]
        return [self.doc_id(c, t) for c in client_ids for t in topic_ids]

    def prepare(self, ids: list[int]) -> list[dict]:
        live = catalog()
        topic_ids = [topic.id for topic in live.topics]
        viewers = defaultdict(set)  # (client, topic) -> worker ids
        teams = defaultdict(set)
        links = (
            TeamLink.objects.filter(client_id__in=ids, ended_at__isnull=True)
            .prefetch_related("topics", "worker__teams")
            .only("client_id", "worker_id", "all_topics")
        )
        for link in links:
            covered = topic_ids if link.all_topics else [t.pk for t in link.topics.all()]
            worker_teams = [team.pk for team in link.worker.teams.all()]
            for topic_id in covered:
                viewers[link.client_id, topic_id].add(link.worker_id)
                teams[link.client_id, topic_id].update(worker_teams)
        summaries = defaultdict(list)
        for row in ModuleSummary.objects.filter(
            user_id__in=ids, module_id__in=list(live.modules)
        ).values("user_id", "topic_id", "module_id", "completed", "last_activity_at"):
            summaries[row["user_id"], row["topic_id"]].append(row)
        statements = defaultdict(list)
        for user_id, topic_id, statement_id in StatementAchieved.objects.filter(
            user_id__in=ids, module_id__in=list(live.modules)
        ).values_list("user_id", "topic_id", "statement_id"):
            statements[user_id, topic_id].append(statement_id)
        docs = []
        for key, workers in viewers.items():
            rows = summaries[key]
            activity = [row["last_activity_at"] for row in rows if row["last_activity_at"]]
            docs.append(
                {
                    "id": self.doc_id(*key),
                    "client_id": key[0],
                    "topic_id": key[1],
                    "viewers": sorted(workers),
                    "teams": sorted(teams[key]),
                    "started": bool(rows),
                    "modules_started": sorted(row["module_id"] for row in rows),
                    "modules_done": sorted(row["module_id"] for row in rows if row["completed"]),
                    "statements": sorted(statements[key]),
                    "last_active": max(activity).isoformat() if activity else None,
                }
            )
        return docs


class InitiativeDocuments:
    """Published initiatives: the name as title; as text what it is, for whom, how to
    join, the cost, the address, postcode and place and the topics' names, so words and
    places both find it ("taalcafé Utrecht"). ``postcode`` is kept apart too: a query
    with a postcode looks in its area (``TextQuery.area``)."""

    kind = Kind.INITIATIVE

    def all_ids(self) -> Iterator[int]:
        yield from published().order_by("pk").values_list("pk", flat=True)

    def prepare(self, ids: list[int]) -> list[dict]:
        initiatives = published().filter(pk__in=ids).prefetch_related("topics")
        return [self.document(initiative) for initiative in initiatives]

    @staticmethod
    def document(initiative: Initiative) -> dict:
        topics = [topic.name for topic in initiative.topics.all()]
        cost = initiative.cost or "gratis"
        where = " ".join(filter(None, [initiative.address, initiative.postcode, initiative.place]))
        return {
            "id": str(initiative.pk),
            "title": initiative.name,
            "text": " ".join(
                [
                    initiative.what,
                    initiative.for_whom,
                    initiative.how_to_join,
                    cost,
                    where,
                    *topics,
                ]
            ),
            "place": initiative.place,
            "postcode": initiative.postcode,
            "topics": topics,
            "url": reverse("nearby:detail", args=[initiative.pk]),
        }


# Every kind offers ``all_ids`` and ``prepare``; posts add ``ids_for`` and progress
# ``all_doc_ids``, which callers use for that kind only.
DOCUMENTS: dict[str, Any] = {
    Kind.PAGE: PageDocuments(),
    Kind.POST: PostDocuments(),
    Kind.PROGRESS: ProgressDocuments(),
    Kind.INITIATIVE: InitiativeDocuments(),
}


def changed_ids(entries) -> dict[str, list[int]]:
    """The document ids (per kind) that outbox ``entries`` ask to refresh."""
    ids = {kind: set() for kind in DOCUMENTS}
    for entry in entries:
        if entry.scope:
            ids[entry.kind].update(
                DOCUMENTS[entry.kind].ids_for(scope=entry.scope, object_id=entry.object_id)
            )
        else:
            ids[entry.kind].add(entry.object_id)
    return {kind: sorted(found) for kind, found in ids.items() if found}
