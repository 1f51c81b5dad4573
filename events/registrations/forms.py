"""The public registration form: built-in questions, the event's extra questions, the
privacy consent and a honeypot for bots."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cms.models import Region
from events.models import RegistrationQuestion
from network.models import Project

TEXT_MAX = 1000

BUILT_IN_FIELDS = ["name", "email", "organisation", "project", "region", "needs"]


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Give your name.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send the confirmation and your personal link here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Give your e-mail address."),
            "invalid": _("Give the e-mail address in the form name@example.org."),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("No project"),
        help_text=_("If you take part as a worker of one of the network's projects."),
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False, empty_label="–"
    )
    needs = forms.CharField(
        label=_("Accessibility or dietary needs"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example captions, an interpreter or a special diet."),
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my details are used to run this event."
        ),
        error_messages={"required": _("Tick the box to accept the privacy notice.")},
    )
    # Left empty by people; bots fill every field they find.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, page, for_change=False, privacy_url="", **kwargs):
        """`page`: the event's page in the registrant's language, which words the
        questions; answers are stored under each question's key, whatever language."""
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["project"].queryset = Project.objects.running().order_by("name")
        self.fields["region"].label_from_instance = lambda region: region.name
        if for_change:
            for name in ("email", "consent", "homepage"):
                del self.fields[name]
        self.questions = list(page.registration_questions.all())
        for question in self.questions:
            self.fields[question.field_name] = self._question_field(question)
        if not for_change:
            # Consent last, after every question, then the trap for bots.
            self.fields["consent"] = self.fields.pop("consent")
            self.fields["homepage"] = self.fields.pop("homepage")
            if privacy_url:
                self.fields["consent"].help_text = format_html(
                    '<a href="{}">{}</a>', privacy_url, _("Read the privacy notice")
                )

    def _question_field(self, question):
        field = self._field_for_kind(question)
        field.help_text = question.help_text
        return field

    def _field_for_kind(self, question):
        Kind = RegistrationQuestion.Kind
        required_message = {"required": _("Answer this question.")}
        if question.kind == Kind.CHECKBOX:
            return forms.BooleanField(
                label=question.label, required=question.required, error_messages=required_message
            )
        if question.kind == Kind.CHOICE:
            return forms.ChoiceField(
                label=question.label,
                required=question.required,
                choices=[(choice, choice) for choice in question.choice_list],
                widget=forms.RadioSelect,
                error_messages={
                    **required_message,
                    "invalid_choice": _("Choose one of the choices."),
                },
            )
        return forms.CharField(
            label=question.label,
            required=question.required,
            max_length=TEXT_MAX,
            widget=forms.Textarea(attrs={"rows": 2}),
            error_messages=required_message,
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def is_bot(self):
        return bool(self.data.get("homepage"))

    def registration_data(self):
        """The cleaned answers as Registration field values."""
        data = {name: self.cleaned_data[name] for name in BUILT_IN_FIELDS if name in self.fields}
        data["answers"] = {
            str(question.key): self.cleaned_data.get(question.field_name)
            for question in self.questions
        }
        return data

    @classmethod
    def initial_from(cls, registration):
        initial = {name: getattr(registration, name) for name in BUILT_IN_FIELDS}
        for key, value in registration.answers.items():
            initial[f"question_{key}"] = value
        return initial


class StaffRegistrationForm(RegistrationForm):
    """Staff add someone by hand: no consent box (they record it by other means)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("consent", None)
        self.fields.pop("homepage", None)


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea)
