"""The forum's URLs, under machina's names so machina's moderation pages link to ours.

Every route here was reviewed (``tests/functional/test_forum_routes.py`` lists them): our
views for everything that reads or writes post text, machina's moderation views (moderators
only, permission-checked by machina, no user text), and nothing else of machina's. Not
routed: machina's topic update, polls, attachments, feeds, read tracking, subscriptions and
profile editing (text past our crisis, privacy, size and rate checks, or features we don't
offer), and machina's search (DESIGN.md).
"""

from django.urls import include, path
from machina.apps.forum_moderation.urls import (
    urlpatterns_factory as moderation_urlpatterns_factory,
)
from machina.core.loading import get_class

from . import views

community_patterns = [
    path("help-iemand/", views.help_today, name="help_today"),
    path("mijn-forum/", views.my_forum, name="my_forum"),
    path("meedenken/", views.peer_offers, name="peer_offers"),
    path("meedenken/<int:module_id>/", views.peer_offer, name="peer_offer"),
    path("bericht/<int:pk>/hielp/", views.post_helpful, name="post_helpful"),
    path("bericht/<int:pk>/beste-antwoord/", views.post_mark_answer, name="post_mark_answer"),
    path("bericht/<int:pk>/melden/", views.post_report, name="post_report"),
    path("bericht/<int:pk>/geplaatst/", views.posted, name="posted"),
    path("bericht/<int:pk>/modereren/", views.moderate, name="moderate"),
    path("volgen/<str:kind>/<int:pk>/", views.follow, name="follow"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("meldingen/", views.reports, name="reports"),
    path("meldingen/<int:pk>/afhandelen/", views.dismiss_report, name="dismiss_report"),
]

# Machina's paths and names, our views.
board_patterns = [
    path("", views.index, name="index"),
    path("forum/<str:slug>-<int:pk>/", views.forum_detail, name="forum"),
]

topic_patterns = [
    path("topic/<str:slug>-<int:pk>/", views.topic_detail, name="topic"),
    path("topic/create/", views.topic_create, name="topic_create"),
    path(
        "topic/<str:topic_slug>-<int:topic_pk>/post/create/",
        views.post_create,
        name="post_create",
    ),
    path(
        "topic/<str:topic_slug>-<int:topic_pk>/<int:pk>/post/update/",
        views.post_update,
        name="post_update",
    ),
    # Moderators only (can_delete_posts; members may not delete): takes no text.
    path(
        "topic/<str:topic_slug>-<int:topic_pk>/<int:pk>/post/delete/",
        get_class("forum_conversation.views", "PostDeleteView").as_view(),
        name="post_delete",
    ),
]

member_patterns = [
    path("profile/<int:pk>/", views.member_profile, name="profile"),
]

urlpatterns = [
    path("", include((community_patterns, "community"))),
    path("", include((board_patterns, "forum"))),
    path("forum/<str:forum_slug>-<int:forum_pk>/", include((topic_patterns, "forum_conversation"))),
    path("member/", include((member_patterns, "forum_member"))),
    path("moderation/", include(moderation_urlpatterns_factory.urlpatterns)),
]
