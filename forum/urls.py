"""The forum's URLs: machina's URL sets under machina's names, with our index, forum,
topic, new-topic, reply, edit and member-page views in place of machina's, minus machina's search
(DESIGN.md), plus our own pages in the ``community`` namespace."""

from django.urls import include, path
from machina.apps.forum.urls import ForumURLPatternsFactory
from machina.apps.forum_conversation.urls import ForumConversationURLPatternsFactory
from machina.apps.forum_feeds.urls import urlpatterns_factory as feeds_urlpatterns_factory
from machina.apps.forum_moderation.urls import (
    urlpatterns_factory as moderation_urlpatterns_factory,
)
from machina.apps.forum_tracking.urls import urlpatterns_factory as tracking_urlpatterns_factory

from . import views


class _View:
    """Lets a function view stand where machina's URL factories expect a class view."""

    def __init__(self, function):
        self.function = function

    def as_view(self):
        return self.function


class BoardForumURLs(ForumURLPatternsFactory):
    index_view = _View(views.index)
    forum_view = _View(views.forum_detail)


class ConversationURLs(ForumConversationURLPatternsFactory):
    topic_view = _View(views.topic_detail)
    topic_create_view = _View(views.topic_create)
    post_create_view = _View(views.post_create)
    post_update_view = _View(views.post_update)


community_patterns = [
    path("help-iemand/", views.help_today, name="help_today"),
    path("mijn-forum/", views.my_forum, name="my_forum"),
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

# Only our member page: machina's profile editing, posts list and subscriptions are not routed.
member_patterns = [
    path("profile/<int:pk>/", views.member_profile, name="profile"),
]

urlpatterns = [
    path("", include((community_patterns, "community"))),
    path("", include(BoardForumURLs().urlpatterns)),
    path("", include(ConversationURLs().urlpatterns)),
    path("feeds/", include(feeds_urlpatterns_factory.urlpatterns)),
    path("member/", include((member_patterns, "forum_member"))),
    path("moderation/", include(moderation_urlpatterns_factory.urlpatterns)),
    path("tracking/", include(tracking_urlpatterns_factory.urlpatterns)),
]
