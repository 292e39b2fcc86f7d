"""Our forum app is labelled ``community`` so machina's class loader keeps finding machina."""

from machina.core.loading import get_class


def test_get_class_still_resolves_to_machina():
    handler = get_class("forum_permission.handler", "PermissionHandler")
    topic_view = get_class("forum_conversation.views", "TopicView")
    forum_view = get_class("forum.views", "ForumView")
    assert handler.__module__ == "machina.apps.forum_permission.handler"
    assert topic_view.__module__ == "machina.apps.forum_conversation.views"
    assert forum_view.__module__ == "machina.apps.forum.views"


def test_machinas_handler_asks_our_caching_checker():
    # The documented override (a local app labelled forum_permission), not a private hook.
    from machina.apps.forum_permission import handler

    checker = get_class("forum_permission.checker", "ForumPermissionChecker")
    assert checker.__module__ == "forum.machina_apps.forum_permission.checker"
    assert handler.ForumPermissionChecker is checker


def test_our_app_label_is_community():
    from django.apps import apps

    assert apps.get_app_config("community").name == "forum"


def test_machina_speaks_dutch():
    # Machina ships Dutch as nl_NL, which Django never uses for "nl"; forum/locale has it.
    from django.utils import translation

    with translation.override("nl"):
        assert translation.gettext("Moderation queue") == "Moderatie wachtrij"
        assert translation.gettext("Hide results") == "Uitslag verbergen"


def test_no_app_needs_a_migration(db):
    # Machina's models live in site-packages: a setting that changes them (such as
    # MACHINA_POST_CONTENT_MAX_LENGTH) would make Django want to write a migration there.
    from django.core.management import call_command

    call_command("makemigrations", check=True, dry_run=True, verbosity=0)
