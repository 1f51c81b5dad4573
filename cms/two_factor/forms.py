from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    """One code: six digits from the authenticator app, or one recovery code."""

    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())
