"""What the demo loader keeps for itself: which post each key in its data files became."""

from django.db import models


class DemoPost(models.Model):
    """A forum post ``load_demo`` wrote, under its key in ``content/forum/``: the key is
    what makes loading again add only what is new. Goes with its post."""

    key = models.CharField(max_length=200, unique=True)
    post = models.OneToOneField(
        "forum_conversation.Post", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self):
        return self.key


class DemoInitiative(models.Model):
    """A local initiative ``load_demo`` wrote, under its key in ``content/nearby.yaml``.
    Goes with its initiative."""

    key = models.CharField(max_length=200, unique=True)
    initiative = models.OneToOneField(
        "nearby.Initiative", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self):
        return self.key
