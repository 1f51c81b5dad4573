"""The survey form: one 1–5 choice per statement of the invitation's version, and free
text. Built from the version, so the respondent answers exactly the words stored."""

from django import forms
from django.utils.translation import gettext_lazy as _

SCALE_CHOICES = [
    (1, _("1 – fully disagree")),
    (2, _("2 – somewhat disagree")),
    (3, _("3 – neither agree nor disagree")),
    (4, _("4 – somewhat agree")),
    (5, _("5 – fully agree")),
]


class SurveyForm(forms.Form):
    comment = forms.CharField(
        label=_("Anything else you would like to say? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Please do not write your name or other details that identify you."),
    )

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        statements = {}
        for statement_id, text in version.statement_texts():
            statements[f"statement_{statement_id}"] = forms.TypedChoiceField(
                label=text,
                choices=SCALE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose how much you agree with this statement.")},
            )
        self.fields = {**statements, "comment": self.fields["comment"]}

    def ratings(self):
        """{statement id: 1–5} from the cleaned form."""
        return {
            int(name.removeprefix("statement_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("statement_")
        }
