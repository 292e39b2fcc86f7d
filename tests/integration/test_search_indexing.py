"""What gets indexed, kept in step through the outbox: only what anyone may read, under
public names, and progress only within the links' scopes. Nothing is lost while
Elasticsearch is down; a rebuild swaps in without a moment of empty results."""

import pytest
from django.urls import reverse
from django.utils import translation
from machina.core.db.models import get_model

from accounts import roles
from accounts.services import account_delete
from forum.permissions import _set_user_permissions
from forum.services import post_hide
from search.backends import TextQuery, database_backend
from search.documents import DOCUMENTS
from search.models import Kind, OutboxEntry
from search.services import outbox_drain, outbox_sweep, search_rebuild

from ..factories import (
    complete_steps,
    make_module,
    member,
    module_forum,
    reply,
    start_topic,
    steps_of,
    team_link,
    worker,
)

pytestmark = pytest.mark.django_db
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")


def found(backend, kind, text, **filters) -> list[dict]:
    return backend.search(kind, TextQuery(text=text, **filters)).hits


@pytest.fixture
def asker(db):
    return member(display_name="Vraagsteller", trusted=True)


def test_pages_are_indexed_with_their_module_and_topic(search_backend, module):
    search_rebuild(kinds=[Kind.PAGE])
    hits = found(search_backend, Kind.PAGE, module.title)
    assert {hit["id"] for hit in hits} >= {str(module.pk)}
    step = steps_of(module)[0]
    (hit,) = [h for h in found(search_backend, Kind.PAGE, step.title) if h["id"] == str(step.pk)]
    assert hit["module_id"] == module.pk and hit["topic_id"] == module.topic_id
    assert hit["url"] == step.url


def test_unpublished_step_leaves_the_index(search_backend, module):
    search_rebuild(kinds=[Kind.PAGE])
    step = steps_of(module)[0]
    step.unpublish()
    outbox_drain()
    assert str(step.pk) not in {h["id"] for h in found(search_backend, Kind.PAGE, step.title)}


def test_private_pages_are_not_searchable(search_backend, module):
    from wagtail.models import PageViewRestriction

    search_rebuild(kinds=[Kind.PAGE])
    steps = steps_of(module)

    def found_ids():
        return {h["id"] for h in found(search_backend, Kind.PAGE, module.title)}

    assert found_ids() >= {str(module.pk), str(steps[0].pk)}
    restriction = PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.LOGIN
    )
    outbox_drain()
    assert found_ids().isdisjoint({str(module.pk), *(str(step.pk) for step in steps)})
    search_rebuild(kinds=[Kind.PAGE])  # a rebuild leaves them out too
    assert found_ids().isdisjoint({str(module.pk), *(str(step.pk) for step in steps)})

    restriction.delete()
    outbox_drain()
    assert found_ids() >= {str(module.pk), *(str(step.pk) for step in steps)}


def test_posts_follow_approval_hiding_and_names(search_backend, forum, asker):
    topic = start_topic(forum, asker, subject="Huurtoeslag terugbetalen", content="Help!")
    newcomer = member(display_name="Nieuweling")
    waiting = reply(topic, newcomer, "Ik moet ook huurtoeslag terugbetalen")  # needs approval
    outbox_drain()
    hits = found(search_backend, Kind.POST, "terugbetalen")
    assert [h["id"] for h in hits] == [str(topic.first_post_id)]
    assert hits[0]["author"] == "Vraagsteller" and asker.username not in str(hits[0])
    assert str(waiting.pk) not in {h["id"] for h in hits}

    post_hide(post=topic.first_post, moderator=member())
    outbox_drain()
    assert found(search_backend, Kind.POST, "terugbetalen") == []


def test_a_topic_moved_by_a_moderator_or_renamed_is_indexed_again(
    search_backend, client, forum, asker
):
    topic = start_topic(forum, asker, subject="Kinderopvang", content="Wie weet het?")
    answer = reply(topic, member(trusted=True), "Vraag de toeslag op tijd aan.")
    outbox_drain()
    other = module_forum(make_module())

    # Machina's moderation view saves the topic itself, outside our services.
    client.force_login(member(groups=[roles.MODERATOR]))
    url = reverse("forum_moderation:topic_move", kwargs={"slug": topic.slug, "pk": topic.pk})
    assert client.post(url, {"forum": other.pk}).status_code == 302
    outbox_drain()
    ids = {topic.first_post_id, answer.pk}
    assert {int(h["id"]) for h in found(search_backend, Kind.POST, "toeslag")} == {answer.pk}
    assert {
        int(h["id"]) for h in found(search_backend, Kind.POST, "kinderopvang", forum_id=other.pk)
    } == ids
    assert found(search_backend, Kind.POST, "kinderopvang", forum_id=forum.pk) == []

    # A subject saved on the topic (as machina's admin does): every post carries it.
    renamed = Topic.objects.get(pk=topic.pk)
    renamed.subject = "Peuterspeelzaal"
    renamed.save()
    outbox_drain()
    assert {int(h["id"]) for h in found(search_backend, Kind.POST, "peuterspeelzaal")} == ids
    assert found(search_backend, Kind.POST, "kinderopvang") == []


def test_a_renamed_writer_and_a_deleted_account(search_backend, forum, asker):
    start_topic(forum, asker, subject="Boodschappen goedkoop", content="Tips?")
    asker.display_name = "Nieuwe naam"
    asker.save()
    outbox_drain()
    assert found(search_backend, Kind.POST, "boodschappen")[0]["author"] == "Nieuwe naam"

    with translation.override("en"):  # as if an English reader's request drained it
        account_delete(user=asker, keep_posts=True)
        outbox_drain()
    # The index names no one; the page names the deleted writer in each reader's language.
    assert found(search_backend, Kind.POST, "boodschappen")[0]["author"] == ""


def test_a_forum_closed_to_visitors_is_not_searchable(search_backend, forum, asker):
    start_topic(forum, asker, subject="Solliciteren", content="Hoe begin ik?")
    outbox_drain()
    assert found(search_backend, Kind.POST, "solliciteren")
    _set_user_permissions(["can_read_forum"], has_perm=False, forum=forum, who="anonymous")
    outbox_drain()
    assert found(search_backend, Kind.POST, "solliciteren") == []


def test_progress_documents_only_for_linked_clients_within_scope(module):
    helper, client, loner = worker(), member(), member()
    link = team_link(client, helper)
    complete_steps(client, steps_of(module))
    complete_steps(loner, steps_of(module))
    docs = DOCUMENTS[Kind.PROGRESS].prepare([client.pk, loner.pk])
    assert {doc["client_id"] for doc in docs} == {client.pk}
    (doc,) = [d for d in docs if d["topic_id"] == module.topic_id]
    assert doc["viewers"] == [helper.pk] and doc["modules_done"] == [module.pk]
    link.all_topics = False
    link.save()  # no topics chosen: nothing in scope
    assert DOCUMENTS[Kind.PROGRESS].prepare([client.pk]) == []


def test_outbox_entries_are_written_with_the_change(module, forum, asker):
    OutboxEntry.objects.all().delete()
    helper, client = worker(), member()
    team_link(client, helper)
    complete_steps(client, steps_of(module)[:1])
    start_topic(forum, asker, subject="Een vraag")
    kinds = set(OutboxEntry.objects.values_list("kind", flat=True))
    assert kinds == {Kind.PROGRESS, Kind.POST}


def test_nothing_is_lost_while_elasticsearch_is_down(elasticsearch, settings, forum, asker):
    start_topic(forum, asker, subject="Eerst", content="Eerste vraag")
    outbox_drain()
    good_url = settings.SEARCH_ELASTICSEARCH_URL
    # A port nothing listens on: every call fails at once.
    elasticsearch.client = type(elasticsearch.client)("http://127.0.0.1:9", max_retries=0)
    start_topic(forum, asker, subject="Tijdens storing", content="Tweede vraag")
    with pytest.raises(Exception, match="Elasticsearch"):
        outbox_drain()
    pending = OutboxEntry.objects.filter(elasticsearch_done_at__isnull=True)
    assert pending.exists() and pending.filter(attempts__gte=1).exists()
    # The database index did not wait for Elasticsearch.
    assert found(database_backend(), Kind.POST, "storing")

    elasticsearch.client = type(elasticsearch.client)(good_url, max_retries=0)
    outbox_drain()
    assert not pending.exists()
    assert [h["title"] for h in found(elasticsearch, Kind.POST, "storing")] == ["Tijdens storing"]


def test_drained_entries_are_swept_after_a_day(forum, asker, settings):
    import time_machine
    from django.utils import timezone

    start_topic(forum, asker)
    outbox_drain()
    assert outbox_sweep() == 0  # kept for replay
    with time_machine.travel(timezone.now() + settings.SEARCH_OUTBOX_KEEP * 2):
        assert outbox_sweep() >= 1
    assert not OutboxEntry.objects.exists()


def test_rebuild_swaps_in_without_empty_moments(elasticsearch, forum, asker):
    start_topic(forum, asker, subject="Kinderbijslag", content="Wanneer krijg ik het?")
    search_rebuild(kinds=[Kind.POST])
    seen = []

    def batches():
        # While the new index fills, the alias still answers from the old one.
        for docs in (DOCUMENTS[Kind.POST].prepare(list(DOCUMENTS[Kind.POST].all_ids())),):
            seen.append(len(found(elasticsearch, Kind.POST, "kinderbijslag")))
            yield docs

    old = set(elasticsearch.client.indices.get_alias(name=elasticsearch.alias(Kind.POST)))
    assert elasticsearch.rebuild(Kind.POST, batches()) == 1
    new = set(elasticsearch.client.indices.get_alias(name=elasticsearch.alias(Kind.POST)))
    assert seen == [1] and old.isdisjoint(new) and len(new) == 1
    assert not elasticsearch.client.indices.exists(index=list(old)[0])
    assert len(found(elasticsearch, Kind.POST, "kinderbijslag")) == 1


def test_changes_during_a_rebuild_are_replayed(elasticsearch, forum, asker, monkeypatch):
    from search import services

    start_topic(forum, asker, subject="Oud onderwerp")
    real = services._all_documents

    def slow_documents(kind):
        for docs in real(kind):
            yield docs
            if kind == Kind.POST:
                # Written after the rebuild read the posts: only the replay can add it.
                start_topic(forum, asker, subject="Tijdens rebuild")

    monkeypatch.setattr(services, "_all_documents", slow_documents)
    search_rebuild(kinds=[Kind.POST], backends=[elasticsearch])
    assert found(elasticsearch, Kind.POST, "rebuild")


def test_anonymous_visitors_find_only_what_they_may_read(client, forum, asker):
    topic = start_topic(forum, asker, subject="Zichtbaar voor iedereen")
    hidden = reply(topic, member(), "Verborgen antwoord over zichtbaar")
    outbox_drain()
    response = client.get("/zoeken/", {"q": "zichtbaar", "soort": "forum"})
    assert response.status_code == 200
    assert f"bericht-{topic.first_post_id}" in response.content.decode()
    assert f"bericht-{hidden.pk}" not in response.content.decode()
