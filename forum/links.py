"""URLs of machina's forums, topics and posts (machina's models have no get_absolute_url).

The topic-level ones need ``topic.forum``: select it with the topic.
"""

from django.urls import reverse


def forum_url(forum) -> str:
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})


def new_topic_url(forum) -> str:
    return reverse(
        "forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk}
    )


def _in_topic(topic) -> dict:
    """The URL arguments of the pages under a topic (machina's names for them)."""
    return {
        "forum_slug": topic.forum.slug,
        "forum_pk": topic.forum_id,
        "topic_slug": topic.slug,
        "topic_pk": topic.pk,
    }


def topic_url(topic) -> str:
    return reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )


def reply_url(topic) -> str:
    """Where the reply form posts."""
    return reverse("forum_conversation:post_create", kwargs=_in_topic(topic))


def edit_url(post) -> str:
    """Where a post is changed."""
    return reverse(
        "forum_conversation:post_update", kwargs={**_in_topic(post.topic), "pk": post.pk}
    )


def post_url(post) -> str:
    """The topic page that shows ``post``, anchored on it."""
    return f"{topic_url(post.topic)}?post={post.pk}#bericht-{post.pk}"
