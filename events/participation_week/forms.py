"""The public submission form. Anyone may post it, so every field has a size limit, HTML
is stripped, links must be http(s), and a hidden honeypot field catches simple bots."""

from django import forms
from django.core.validators import URLValidator
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from cms.models import Region
from events.models import EventPage, EventType, Submission
from network.models import Organisation

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_FORMAT)


class WebLinkField(forms.URLField):
    """An http(s) address with one validator, so a bad link gets one message, not two
    (URLField's own validator plus the scheme check would both report it)."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {
        "invalid": _("Enter a web address that starts with https:// or http://.")
    }


class SubmissionForm(forms.ModelForm):
    # Hidden from people (CSS and aria-hidden); bots that fill every field reveal themselves.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    start = forms.DateTimeField(
        label=_("Starts"), input_formats=[DATETIME_FORMAT], widget=LocalDateTimeInput()
    )
    end = forms.DateTimeField(
        label=_("Ends"), input_formats=[DATETIME_FORMAT], widget=LocalDateTimeInput()
    )
    link = WebLinkField(
        label=_("Registration or more information (link)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("A web address starting with https:// or http://."),
    )

    class Meta:
        model = Submission
        fields = [
            "organiser_name",
            "contact_name",
            "contact_email",
            "title",
            "description",
            "event_type",
            "start",
            "end",
            "attendance_mode",
            "venue_name",
            "street_address",
            "municipality",
            "region",
            "language",
            "accessibility_info",
            "link",
        ]
        labels = {
            "organiser_name": _("Organiser"),
            "contact_name": _("Contact person"),
            "contact_email": _("Contact person's e-mail"),
            "title": _("Name of the event"),
            "description": _("Description"),
            "event_type": _("Type of event"),
            "attendance_mode": _("Where does the event take place?"),
            "venue_name": _("Venue"),
            "street_address": _("Street address"),
            "municipality": _("Municipality"),
            "region": _("Region"),
            "language": _("Language of the event"),
            "accessibility_info": _("Accessibility"),
        }
        help_texts = {
            "organiser_name": _("The organisation, project or group that holds the event."),
            "contact_email": _(
                "We send the edit link here. The contact details are not published."
            ),
            "description": _("What happens and who is welcome. At most 2,000 characters."),
            "venue_name": _("For on-site events, for example a library or a community centre."),
            "accessibility_info": _("Step-free access, induction loop, interpretation and so on."),
        }
        widgets = {
            "attendance_mode": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
            "accessibility_info": forms.Textarea(attrs={"rows": 3}),
        }

    AUTOCOMPLETE = {
        "organiser_name": "organization",
        "contact_name": "name",
        "contact_email": "email",
        "street_address": "street-address",
        "municipality": "address-level2",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_type"].queryset = EventType.objects.all()
        self.fields["event_type"].empty_label = _("Choose a type")
        self.fields["region"].queryset = Region.objects.all()
        self.fields["region"].empty_label = _("Choose a region")
        self.fields["attendance_mode"].choices = EventPage.AttendanceMode.choices
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for name, token in self.AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = token
        week = self.instance.week
        for name in ("start", "end"):
            self.fields[name].widget.attrs.update(
                {
                    "min": f"{week.start_date:%Y-%m-%d}T00:00",
                    "max": f"{week.end_date:%Y-%m-%d}T23:59",
                }
            )

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str) and name not in ("contact_email", "link"):
                cleaned[name] = strip_tags(value).strip()
        return cleaned

    @property
    def is_bot(self):
        return bool(self.data.get("website"))

    def describe_fields(self):
        """Link hints and errors to their fields for screen readers."""
        for bound in self:
            ids = []
            if bound.help_text:
                ids.append(f"{bound.id_for_label}-hint")
            if bound.errors:
                ids.append(f"{bound.id_for_label}-error")
                bound.field.widget.attrs["aria-invalid"] = "true"
            if ids:
                bound.field.widget.attrs["aria-describedby"] = " ".join(ids)


class OrganiserForm(forms.Form):
    """Who runs the submitted event, chosen by the moderator before approving: an
    organisation already in the network, or the typed name added as a new one."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation in the network"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
    )
    create = forms.BooleanField(required=False)

    def __init__(self, *args, organiser_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["create"].label = _(
            "Not in the network yet: add “%(name)s” as a new organisation"
        ) % {"name": organiser_name}

    def clean(self):
        data = super().clean()
        if bool(data.get("organisation")) == bool(data.get("create")):
            raise forms.ValidationError(
                _("Choose the organisation from the network, or tick adding a new one.")
            )
        return data


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the submitter."),
    )
