"""The demo's local initiatives ("In de buurt"), read from ``content/nearby.yaml`` and
published. Public content: loaded with the learning content, not only with the demo
users."""

from pathlib import Path

from django.db import transaction

from learning.models import Topic
from nearby.models import Initiative, Status

from .files import CONTENT_DIR, check_keys, read
from .models import DemoInitiative

REQUIRED = ("key", "name", "what", "for_whom", "how_to_join", "postcode", "place", "topics")
OPTIONAL = ("cost", "opening_times", "address", "phone", "email", "website")


def read_nearby(content_dir: Path = CONTENT_DIR) -> list[dict]:
    """``nearby.yaml``: a list of initiatives, each with a unique ``key`` and the
    initiative's fields (``topics``: topic slugs). A wrong file raises ValueError naming
    it."""
    path = content_dir / "nearby.yaml"
    items = read(path)
    keys = set()
    for number, item in enumerate(items, start=1):
        check_keys(
            item, path=path, where=f"initiative {number}", required=REQUIRED, optional=OPTIONAL
        )
        if item["key"] in keys:
            raise ValueError(f"{path}: initiative {number}: key {item['key']!r} used twice")
        keys.add(item["key"])
    return items


def load_demo_nearby() -> int:
    """Idempotent: an initiative whose key was loaded before is left as editors may have
    changed it (or deleted it). Each new one is checked like an editor's and published.
    Returns how many were added."""
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    known = set(DemoInitiative.objects.values_list("key", flat=True))
    added = 0
    for item in read_nearby():
        if item["key"] in known:
            continue
        fields = {name: str(item.get(name) or "") for name in REQUIRED + OPTIONAL}
        del fields["key"], fields["topics"]
        with transaction.atomic():
            initiative = Initiative(**fields, status=Status.PUBLISHED)
            initiative.full_clean()
            initiative.save()
            initiative.topics.set([topics[slug] for slug in item["topics"]])
            DemoInitiative.objects.create(key=item["key"], initiative=initiative)
        added += 1
    return added
