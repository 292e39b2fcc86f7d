"""The demo topics, modules and steps, read from the data files in ``content/``.

``content/topics.yaml`` lists the topics in order and names their modules;
``content/<topic>/<module>.yaml`` holds one module and its steps (see
``content/README.md``). Every step block and every list item (checklist items,
answer options) carries its id in the file: learners' ticks and answers refer to
those ids, so loading twice, or on two machines, gives the same ids.
"""

from pathlib import Path

from wagtail import blocks

from learning.blocks import StepBodyBlock
from learning.models import CanDoStatement, LearningIndexPage, ModulePage, StepPage, Topic
from website.models import HomePage

from .files import CONTENT_DIR, read

STEP_BODY = StepBodyBlock()


def read_topics(content_dir: Path = CONTENT_DIR) -> list[dict]:
    """The demo topics in order, each with its modules (read from their files) in order.

    A step's ``body`` comes back in Wagtail's raw stream format with the files' ids, and
    its ``teaches`` as 0-based positions in the module's ``can_do`` list (the files count
    from 1, as editors do). An unknown block type raises ValueError naming the file.
    """
    topics = read(content_dir / "topics.yaml")
    for topic in topics:
        modules = []
        for slug in topic["modules"]:
            path = content_dir / topic["slug"] / f"{slug}.yaml"
            module = read(path)
            for step in module["steps"]:
                step["teaches"] = [number - 1 for number in step["teaches"]]
                step["body"] = _raw_stream(step["body"], path)
            modules.append(module)
        topic["modules"] = modules
    return topics


def _raw_stream(body: list[dict], path: Path) -> list[dict]:
    raw = []
    for child in body:
        block = STEP_BODY.child_blocks.get(child["type"])
        if block is None:
            raise ValueError(f"{path}: no block type {child['type']!r} in learning.blocks")
        value = _raw_value(block, child["value"])
        raw.append({"type": child["type"], "id": child["id"], "value": value})
    return raw


def _raw_value(block, value):
    """Wagtail's raw form of one value: a file's ListBlock items ``{id, value}`` become
    ``{"type": "item", "id", "value"}``, with their ids kept."""
    if isinstance(block, blocks.ListBlock):
        child = block.child_block
        return [
            {"type": "item", "id": item["id"], "value": _raw_value(child, item["value"])}
            for item in value
        ]
    if isinstance(block, blocks.StructBlock):
        return {name: _raw_value(block.child_blocks[name], field) for name, field in value.items()}
    return value


def load_demo_learning() -> int:
    """Create the learning index, topics, modules and steps that are missing.

    Idempotent: what exists (matched by slug) is left as it is, so learners' ticks keep
    pointing at the same checklist items. Returns how many pages were created.
    """
    created = 0
    index = LearningIndexPage.objects.first()
    if index is None:
        index = LearningIndexPage(
            title="Leren",
            slug="leren",
            intro="<p>Kies een onderwerp. Elke module heeft korte stappen. "
            "Je gaat in je eigen tempo.</p>",
        )
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
        created += 1
    for order, topic_data in enumerate(read_topics()):
        look = {"icon": topic_data["icon"], "colour": topic_data["colour"]}
        topic, created_topic = Topic.objects.get_or_create(
            slug=topic_data["slug"],
            defaults={
                "name": topic_data["name"],
                "description": topic_data["description"],
                "life_domain": topic_data["life_domain"],
                "sort_order": order,
                **look,
            },
        )
        if not created_topic and not topic.icon:
            # Loaded before topics had pictures: give it the file's (an editor's stays).
            for name, value in look.items():
                setattr(topic, name, value)
            topic.save(update_fields=list(look))
        for module_data in topic_data["modules"]:
            created += _load_module(index, topic, module_data)
    return created


def _load_module(index, topic, data) -> int:
    module = ModulePage.objects.child_of(index).filter(slug=data["slug"]).first()
    created = 0
    if module is None:
        module = ModulePage(
            title=data["title"],
            slug=data["slug"],
            topic=topic,
            intro=data["intro"],
            estimated_minutes=data["minutes"],
            level=data["level"],
        )
        module.can_do_statements = [CanDoStatement(text=text) for text in data["can_do"]]
        index.add_child(instance=module)
        module.save_revision().publish()
        created += 1
    statements = list(module.can_do_statements.order_by("sort_order"))
    for step_data in data["steps"]:
        if StepPage.objects.child_of(module).filter(slug=step_data["slug"]).exists():
            continue
        step = StepPage(title=step_data["title"], slug=step_data["slug"], body=step_data["body"])
        step.teaches = [statements[i] for i in step_data["teaches"] if i < len(statements)]
        module.add_child(instance=step)
        step.save_revision().publish()
        created += 1
    return created
