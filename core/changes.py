"""What a save changed, known without asking the database: the values of a few fields as
an instance was loaded (or last saved), kept on the instance itself, so a ``post_save``
receiver can react to a real change only (a post approved, a topic moved, a new name)
instead of reading the old row in ``pre_save``.

One mechanism for every model: Django's ``Model.from_db`` hook would do for our own,
but machina's are not ours to subclass, so ``post_init`` (sent for every instance, loaded
or new) stands in for it. It reads only what the instance holds: loading some fields
(``only``) costs no query for the others.

The remembered values are those this instance saw: a row changed behind its back (by a
queryset ``update``, or another instance) and then read with ``refresh_from_db`` still
compares with what the instance loaded, as Django offers no hook there. Code that saves
such a row loads it again instead.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.db.models.signals import post_init, pre_save

# The value a field had before when the instance cannot tell: a field deferred when it
# was loaded (and read later on demand), or any field of an instance that was not loaded
# from the database (a new row, or one made by hand with the primary key of an old one).
UNKNOWN = object()

_tracked: dict[type[Model], frozenset[str]] = {}
_LOADED = "_changes_loaded"
_CHANGED = "_changes_saved"


def track(model: type[Model], *attnames: str) -> None:
    """Remember the fields ``attnames`` of every instance of ``model`` as loaded, for
    ``changed`` to compare with when it is saved. Attribute names: ``forum_id`` for the
    foreign key ``forum``. Called once at import by whoever reacts (several may ask for
    the same model); needs no app registry, so a model's own module may call it."""
    if model not in _tracked:
        post_init.connect(
            _remember, sender=model, dispatch_uid=f"changes-init-{model.__qualname__}"
        )
        pre_save.connect(_compare, sender=model, dispatch_uid=f"changes-save-{model.__qualname__}")
    _tracked[model] = _tracked.get(model, frozenset()) | frozenset(attnames)


def changed(instance: Model) -> dict[str, Any]:
    """In a ``post_save`` receiver: the tracked fields this save changed (by attribute
    name: ``forum_id``, not ``forum``), each with the value it had before, or
    ``UNKNOWN`` when the instance cannot tell (then every field it wrote counts as
    changed)."""
    return instance.__dict__.get(_CHANGED, {})


def _attnames(model: type[Model], names: Iterable[str]) -> frozenset[str]:
    # The instance holds a foreign key as "forum_id"; a save may name it "forum".
    attnames = {field.name: field.attname for field in model._meta.concrete_fields}
    return frozenset(attnames.get(name, name) for name in names)


def _remember(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    # Only what the instance holds: reading a deferred field here would query for it.
    instance.__dict__[_LOADED] = {
        name: instance.__dict__[name] for name in _tracked[sender] if name in instance.__dict__
    }


def _compare(
    sender: type[Model],
    instance: Model,
    update_fields: frozenset[str] | None = None,
    **kwargs: Any,
) -> None:
    # Not loaded from the database: nothing to compare with.
    loaded = {} if instance._state.adding else instance.__dict__.get(_LOADED, {})
    written = _tracked[sender]
    if update_fields is not None:
        written &= _attnames(sender, update_fields)
    # A deferred field that was never read is not saved (Django writes the loaded ones).
    now = {name: instance.__dict__[name] for name in written if name in instance.__dict__}
    instance.__dict__[_CHANGED] = {
        name: loaded.get(name, UNKNOWN)
        for name, value in now.items()
        if loaded.get(name, UNKNOWN) != value
    }
    # A new dict: a copy of the instance (``copy.copy``) keeps its own.
    instance.__dict__[_LOADED] = {**loaded, **now}
