"""Template helpers for the one form-field template (includes/form_field.html)."""

from django import forms, template

register = template.Library()


@register.filter
def is_choice_group(bound_field):
    """Radio buttons and check box lists: a fieldset with a legend, one input per choice."""
    return isinstance(bound_field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


@register.filter
def is_checkbox(bound_field):
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.simple_tag
def field_widget(bound_field, hint_id, error_id, labelled_by=""):
    """The field's input with its hint and error tied to it for screen readers.
    `labelled_by` names it by more than its label, e.g. the question it answers."""
    described_by = []
    if bound_field.help_text:
        described_by.append(hint_id)
    attrs = {"aria-labelledby": labelled_by} if labelled_by else {}
    if bound_field.errors:
        described_by.append(error_id)
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if bound_field.field.required:
        attrs["aria-required"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def first_input_id(bound_field):
    """Where an error summary's link should land: a choice group's first input."""
    if is_choice_group(bound_field):
        subwidgets = bound_field.subwidgets
        return subwidgets[0].id_for_label if subwidgets else bound_field.auto_id
    return bound_field.id_for_label
