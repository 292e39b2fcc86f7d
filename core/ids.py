"""Row ids that come from outside (query strings, form fields, URLs), checked before any
query sees them.

An id is a whole number from 1 up to the largest bigint. Anything else (negative, too
large, non-ASCII digits, text) is refused here: passed on, a number beyond a column's range
overflows the SQLite of `make run` (a 500), ``int()`` refuses "²" although ``str.isdigit()``
takes it, and more than 4300 digits make ``int()`` raise too.
"""

from django import forms
from django.http import Http404

MAX_ID = 2**63 - 1  # the largest bigint; an integer column compares larger ones harmlessly
_MAX_DIGITS = len(str(MAX_ID))


def parse_id(value: object) -> int | None:
    """``value`` (an int or a string of ASCII digits) as an id, or None if it is no id."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        if not (len(value) <= _MAX_DIGITS and value.isascii() and value.isdigit()):
            return None
        value = int(value)
    if not isinstance(value, int):
        return None
    return value if 1 <= value <= MAX_ID else None


def id_or_404(value: object) -> int | None:
    """An optional id from a request: None when absent or empty, the id when it is one,
    and a 404 for anything else (nothing can be found under it)."""
    if value is None or value == "":
        return None
    number = parse_id(value)
    if number is None:
        raise Http404
    return number


class IdModelChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` that refuses a value that is no id as an invalid choice
    without querying for it."""

    def to_python(self, value):
        if isinstance(value, str) and value not in self.empty_values and parse_id(value) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` that refuses values that are no ids as invalid
    without querying for them."""

    def _check_values(self, value):
        for pk in value:
            if parse_id(pk) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
