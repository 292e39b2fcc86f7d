"""What Wagtail's edit form of a step posts, built from the step itself (for the admin's
preview, save, submit and publish views), the way its JavaScript would send it."""

from wagtail import blocks
from wagtail.test.utils.form_data import nested_form_data, rich_text


def _block_data(block, value):
    if isinstance(block, blocks.StreamBlock):
        return {
            "count": str(len(value)),
            **{
                str(i): {
                    "type": child.block_type,
                    "value": _block_data(child.block, child.value),
                    "deleted": "",
                    "order": str(i),
                    "id": child.id or "",
                }
                for i, child in enumerate(value)
            },
        }
    if isinstance(block, blocks.ListBlock):
        return {
            "count": str(len(value)),
            **{
                str(i): {
                    "value": _block_data(block.child_block, child.value),
                    "deleted": "",
                    "order": str(i),
                    "id": child.id or "",
                }
                for i, child in enumerate(value.bound_blocks)
            },
        }
    if isinstance(block, blocks.StructBlock):
        return {name: _block_data(child, value[name]) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source)
    if isinstance(block, blocks.BooleanBlock):
        return "on" if value else ""
    return "" if value is None else str(value)


def step_form_data(step, **changes) -> dict:
    """The POST data of ``step``'s edit form as it is, with ``changes`` (``title``, or
    ``body`` as a list of (block type, value) to put in place of the body)."""
    body = changes.pop("body", None)
    if body is not None:
        step.body = body
    data = {
        "title": changes.pop("title", step.title),
        "slug": step.slug,
        "body": _block_data(step.body.stream_block, step.body),
        "teaches": [str(pk) for pk in step.teaches.values_list("pk", flat=True)],
        "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MAX_NUM_FORMS": "1000"},
        **changes,
    }
    teaches = data.pop("teaches")
    form = nested_form_data(data)
    form["teaches"] = teaches
    return form
