"""``core.fragments.CachedHtml``: a key derived from every field, HTML rendered without the
request (so nothing about a reader reaches it except through a field)."""

import dataclasses

import pytest
from django.test import RequestFactory
from django.utils import translation

from core.fragments import CachedHtml, csrf_placeholder, path_placeholder
from forum.fragments import BoardIndex, TopicPosts
from team.fragments import GapBody

FRAGMENTS = [BoardIndex, TopicPosts, GapBody]


def _other(value):
    """A value of the same kind as ``value`` that differs from it."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, (frozenset, tuple)):
        return type(value)((*value, 99))
    return None


def _sample(cls):
    """An instance whose every field holds a plain value (model fields: None)."""
    values = {"int": 1, "str": "a", "bool": False}
    kwargs = {}
    for field in dataclasses.fields(cls):
        kind = str(field.type)
        if "frozenset" in kind:
            kwargs[field.name] = frozenset({1, 2})
        elif "tuple" in kind:
            kwargs[field.name] = (1, 2)
        else:
            kwargs[field.name] = values.get(kind)
    return cls(**kwargs)


@pytest.mark.parametrize("cls", FRAGMENTS, ids=lambda cls: cls.__name__)
def test_every_field_changes_the_key(cls):
    """Every field but one declared ``compare=False`` (data read with a version that is
    in the key, carried for ``load``: GapBody's caseload)."""
    sample = _sample(cls)
    keys = {sample.key()}
    inputs = [field for field in dataclasses.fields(cls) if field.compare]
    for field in dataclasses.fields(cls):
        value = getattr(sample, field.name)
        changed = dataclasses.replace(
            sample, **{field.name: _other(value) if value is not None else 7}
        )
        keys.add(changed.key())
        if not field.compare:
            assert changed.key() == sample.key(), field.name
    assert len(keys) == len(inputs) + 1


def test_the_language_and_the_class_are_in_the_key():
    sample = _sample(BoardIndex)
    with translation.override("nl"):
        dutch = sample.key()
    with translation.override("en"):
        english = sample.key()
    assert dutch != english
    same_fields = dataclasses.make_dataclass(
        "Other",
        [(f.name, f.type) for f in dataclasses.fields(BoardIndex)],
        bases=(CachedHtml,),
        frozen=True,
    )(**dataclasses.asdict(sample))
    assert same_fields.key() != sample.key()


@pytest.mark.django_db
def test_rendered_without_the_request_with_holes_filled_per_request(settings, tmp_path):
    (tmp_path / "probe.html").write_text(
        "{% load site_tags %}[{{ user.username }}][{{ request.path }}]{% csrf_input %}"
        "[{% current_path %}]"
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    @dataclasses.dataclass(frozen=True)
    class Probe(CachedHtml):
        template = "probe.html"
        number: int

    request = RequestFactory().get("/een/pad/?vraag=1")
    request.user = type("Reader", (), {"username": "lezer", "is_authenticated": True})()
    html = Probe(1).html(request)
    assert html.startswith("[][]")
    assert "lezer" not in html
    assert csrf_placeholder() not in html and path_placeholder() not in html
    assert "[/een/pad/?vraag=1]" in html
    assert 'name="csrfmiddlewaretoken" value="' in html
