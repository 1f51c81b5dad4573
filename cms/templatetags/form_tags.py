"""Template helpers for the one form-field template (includes/form_field.html)."""

from django import forms, template
from django.forms.formsets import BaseFormSet
from django.utils.translation import pgettext

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


def _has_errors(value):
    """A bound form or formset that did not validate. `type()`, not `isinstance()`:
    a lazy object in the context (the user) must stay unevaluated."""
    kind = type(value)
    if issubclass(kind, forms.BaseForm):
        return value.is_bound and bool(value.errors)
    if issubclass(kind, BaseFormSet):
        return value.is_bound and not value.is_valid()
    return False


@register.simple_tag(takes_context=True)
def error_title_prefix(context):
    """'Virhe: ' before the page title when a form in the page comes back with errors,
    so a screen reader's first words after submitting say so (as on GOV.UK and
    suomi.fi). base.html asks once, for every page and form."""
    if any(_has_errors(value) for value in context.flatten().values()):
        return pgettext("page title", "Error") + ": "
    return ""
