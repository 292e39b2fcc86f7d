"""The forum tree follows the learning content: create, rename, archive, reopen, re-run."""

import pytest
from machina.core.db.models import get_model
from machina.core.loading import get_class

from forum.models import ModuleForum, TopicCategory
from forum.services import forum_tree_sync

from ..factories import TopicFactory, make_module, member, start_topic

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")

pytestmark = pytest.mark.django_db


def test_publishing_a_module_enqueues_the_sync(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        module = make_module(steps=1)
    link = ModuleForum.objects.select_related("forum__parent").get(module=module)
    assert link.forum.name == module.title
    assert link.forum.is_forum
    category = TopicCategory.objects.get(topic=module.topic).forum
    assert link.forum.parent == category and category.is_category
    assert category.name == module.topic.name


def test_rerun_changes_nothing(module):
    forum_tree_sync()
    forums = Forum.objects.count()
    report = forum_tree_sync()
    assert not report.changed
    assert Forum.objects.count() == forums


def test_rename_follows_module_and_topic(module):
    forum_tree_sync()
    module.title = "Nieuwe titel"
    module.save_revision().publish()
    module.topic.name = "Nieuw onderwerp"
    module.topic.save()
    report = forum_tree_sync()
    assert "Nieuwe titel" in report.renamed and "Nieuw onderwerp" in report.renamed
    link = ModuleForum.objects.select_related("forum__parent").get(module=module)
    assert link.forum.name == "Nieuwe titel"
    assert link.forum.parent.name == "Nieuw onderwerp"


def test_moving_a_module_to_another_topic_moves_its_forum(module):
    forum_tree_sync()
    other = TopicFactory()
    module.topic = other
    module.save_revision().publish()
    forum_tree_sync()
    link = ModuleForum.objects.select_related("forum").get(module=module)
    assert link.forum.parent == TopicCategory.objects.get(topic=other).forum


def test_unpublish_archives_without_deleting_posts_and_republish_reopens(module):
    forum_tree_sync()
    forum = ModuleForum.objects.get(module=module).forum
    writer = member(trusted=True)
    start_topic(forum, writer, content="Blijft bewaard")
    handler = PermissionHandler()

    module.unpublish()
    report = forum_tree_sync()
    assert module.title in report.archived
    link = ModuleForum.objects.get(module=module)
    assert link.archived_at is not None
    assert Post.objects.filter(topic__forum=forum, content="Blijft bewaard").exists()
    reader = member()
    assert PermissionHandler().can_read_forum(forum, reader)
    assert not PermissionHandler().can_add_topic(forum, reader)

    module.save_revision().publish()
    report = forum_tree_sync()
    assert module.title in report.reopened
    assert ModuleForum.objects.get(module=module).archived_at is None
    assert handler.can_add_topic(forum, member())


def test_deleted_module_keeps_its_forum_archived(module):
    forum_tree_sync()
    forum = ModuleForum.objects.get(module=module).forum
    module.delete()
    forum_tree_sync()
    link = ModuleForum.objects.get(forum=forum)
    assert link.module is None and link.archived_at is not None


def test_setup_command_is_idempotent(module, capsys):
    from django.core.management import call_command

    call_command("forum_setup")
    call_command("forum_setup")
    assert "0 created" in capsys.readouterr().out.splitlines()[-1]
