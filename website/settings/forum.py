"""The forum: django-machina, with our Markdown renderer and limits."""

import environ

env = environ.Env()

MACHINA_FORUM_NAME = "Samenredzaam forum"
MACHINA_BASE_TEMPLATE_NAME = "base.html"
# markdown2 in safe mode lets javascript: links through; ours sanitises with nh3.
MACHINA_MARKUP_LANGUAGE = ("forum.markup.render", {})
MACHINA_MARKUP_WIDGET = "django.forms.Textarea"
MACHINA_USER_DISPLAY_NAME_METHOD = "get_public_name"
MACHINA_TOPIC_POSTS_NUMBER_PER_PAGE = 15
MACHINA_FORUM_TOPICS_NUMBER_PER_PAGE = 20
MACHINA_TOPIC_ANSWER_SUBJECT_PREFIX = "Re:"
MACHINA_PROFILE_AVATARS_ENABLED = False

# The longest post our forms accept. (Not machina's MACHINA_POST_CONTENT_MAX_LENGTH: that
# changes a validator on machina's model, and Django would want a migration for machina.)
FORUM_POST_MAX_LENGTH = env.int("FORUM_POST_MAX_LENGTH", default=5000)
# Posts a new member writes before they may post without approval.
FORUM_POSTS_BEFORE_TRUST = 3
# Tries of a notification email that fails by itself (not because the mail server is
# down) before it is given up and logged, so it no longer holds up the others.
FORUM_NOTIFICATION_ATTEMPTS = env.int("FORUM_NOTIFICATION_ATTEMPTS", default=5)
# Rate limits: "count/period" with period s, m, h or d; per user and per address.
FORUM_RATE_LIMITS = {
    "topic": {"user": "5/h", "ip": "20/h"},
    "post": {"user": "20/h", "ip": "60/h"},
    # Questions from a step that ask peers who did it to think along (the question itself
    # is posted either way).
    "peer_ask": {"user": "3/d", "ip": "10/d"},
}
# Peers who finished a module and opted in to be asked: how many one question from its
# steps asks, and how many asks one peer gets in seven days at most.
FORUM_PEERS_PER_QUESTION = env.int("FORUM_PEERS_PER_QUESTION", default=5)
FORUM_PEER_ASKS_PER_WEEK = env.int("FORUM_PEER_ASKS_PER_WEEK", default=3)
