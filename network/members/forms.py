"""The member's own forms: asking for a sign-in link, the profile, and the confirmation
before deleting oneself."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from network.models import Member


class SignInRequestForm(forms.Form):
    # One address only: EmailField refuses lists, so a link goes to one inbox.
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a sign-in link to this address if it is known to us."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ProfileForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = Member
        fields = ["name", "organisation", "region", "language"]
        widgets = {"name": forms.TextInput(attrs={"autocomplete": "name"})}


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my data will be erased and cannot be restored."),
    )
