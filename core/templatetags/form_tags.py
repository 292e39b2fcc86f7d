"""Form controls in the NL Design System's classes, for ``includes/form_field.html``.

Django writes a control's ``aria-invalid`` and ``aria-describedby`` (its help text
``<id>_helptext`` and error ``<id>_error``) itself; these filters add the component class
that goes with the widget, so a form needs no per-field markup of its own.
"""

from django import forms, template

register = template.Library()

# Per widget, the design system's component class; a text box for any other input.
CONTROL_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def _control_class(widget: forms.Widget) -> str:
    # The most specific match first: RadioSelect is a Select, CheckboxSelectMultiple too.
    for kind in type(widget).__mro__:
        if kind in CONTROL_CLASSES:
            return CONTROL_CLASSES[kind]
    return TEXTBOX


def _with_class(attrs: dict, css_class: str) -> dict:
    return {**attrs, "class": " ".join(filter(None, [attrs.get("class"), css_class]))}


@register.filter
def form_control(field):
    """The field's control (a ``BoundField``), or one option of a radio or checkbox list
    (a ``BoundWidget`` from ``{% for option in field %}``), with its component class."""
    if isinstance(field, forms.BoundField):
        widget = field.field.widget
        return field.as_widget(attrs=_with_class(widget.attrs, _control_class(widget)))
    data = field.data
    attrs = _with_class(data["attrs"], _control_class(field.parent_widget))
    # What BoundWidget.tag() renders, with the class added to the option's attributes and
    # without Django's label around the input: the form field gives the option its label.
    return field.parent_widget._render(
        field.template_name,
        {"widget": {**data, "attrs": attrs, "wrap_label": False}},
        field.renderer,
    )


@register.filter
def field_kind(field) -> str:
    """How the field include lays the field out: hidden, checkbox, choices (a fieldset
    of radio buttons or checkboxes) or control (a label above a text box, text area or
    select list)."""
    widget = field.field.widget
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "choices"
    return "control"


@register.filter
def field_target(field) -> str:
    """The id an error summary links to: the control, or a list's first option."""
    if field_kind(field) == "choices":
        return f"{field.auto_id}_0"
    return field.id_for_label
