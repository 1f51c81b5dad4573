"""The staff's forms: the spreadsheet import of projects and organisations, and the
confirmation before erasing a member (the members' own forms are in
network.members.forms)."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("The file holds"),
        choices=[("projects", _("Projects")), ("organisations", _("Organisations"))],
        widget=forms.RadioSelect,
        initial="projects",
    )
    file = forms.FileField(
        label=_("CSV or Excel file"),
        validators=[FileExtensionValidator(["csv", "xlsx"])],
        help_text=_(
            "The first row names the columns. Rows are matched to existing ones by name, so "
            "importing the same file again changes nothing."
        ),
    )


class EraseMemberForm(forms.Form):
    """Staff erase someone else's data: the member's own "my data" wording would not fit."""

    confirm = forms.BooleanField(
        label=_("I understand that the member's data will be erased and cannot be restored."),
    )
