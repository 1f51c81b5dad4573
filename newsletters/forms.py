"""Public forms: subscribe and preferences; staff forms: send, test send, CSV import."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from cms.dates import format_date
from cms.languages import in_language
from cms.models import Region
from cms.validators import validate_email_address
from events.formatting import event_when
from events.models import EventPage
from network.models import Organisation, Project
from newsletters.models import MailingList

EMAIL_ERROR = _("Enter an e-mail address in the form name@example.org.")


class MailingListsField(forms.ModelMultipleChoiceField):
    """Lists to tick, each name marked with the list's language when it is not the
    page's (a Finnish list name on the Swedish site is read with a Finnish voice)."""

    def label_from_instance(self, obj):
        return in_language(obj.name, obj.language)


class DescribedErrorsMixin:
    """Point each invalid field's aria-describedby at its error message (and its hint),
    so screen readers read the error when the field gets focus."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}-error"]
            if self.fields[name].help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


class SubscribeForm(DescribedErrorsMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": EMAIL_ERROR,
            "invalid": EMAIL_ERROR,
            "max_length": _("The address is too long: at most 254 characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Name (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    region = forms.ModelChoiceField(
        label=_("Region (optional)"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=_("Choose a region"),
    )
    mailing_lists = MailingListsField(
        label=_("Newsletters"),
        queryset=MailingList.objects.public(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one newsletter.")},
    )
    # A field people never see: bots that fill in every field reveal themselves.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    source = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        public = list(self.fields["mailing_lists"].queryset)
        if len(public) == 1:
            self.fields["mailing_lists"].initial = [public[0].pk]

    def clean_source(self):
        source = self.cleaned_data["source"]
        return source if source.startswith("/") else ""

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class PreferencesForm(DescribedErrorsMixin, forms.Form):
    mailing_lists = MailingListsField(
        label=_("Newsletters I receive"),
        queryset=MailingList.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    language = forms.ChoiceField(label=_("Language of messages"), choices=settings.LANGUAGES)

    def __init__(self, subscriber, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = subscriber.subscriptions.values("mailing_list_id")
        self.fields["mailing_lists"].queryset = (
            MailingList.objects.filter(pk__in=own) | MailingList.objects.public()
        )
        self.fields["mailing_lists"].initial = list(
            subscriber.subscriptions.active().values_list("mailing_list_id", flat=True)
        )
        self.fields["language"].initial = subscriber.language


class SendForm(forms.Form):
    mailing_lists = forms.ModelMultipleChoiceField(
        label=_("Send to"), queryset=MailingList.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    scheduled_at = forms.DateTimeField(
        label=_("Send later (optional)"),
        required=False,
        # The browser's own date and time field: Wagtail's picker opened over the
        # submit button below it and had to be closed before sending.
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Leave empty to send now. Time in Finland."),
    )
    segment_regions = forms.ModelMultipleChoiceField(
        label=_("Only members in these regions"),
        queryset=Region.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The member's own region or their organisation's."),
    )
    segment_organisation_kinds = forms.MultipleChoiceField(
        label=_("Only members of these kinds of organisation"),
        choices=Organisation.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    segment_projects = forms.ModelMultipleChoiceField(
        label=_("Only members of these projects"),
        queryset=Project.objects.all(),
        required=False,
        help_text=_("People in the project, or in an organisation that runs it."),
    )


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=_("Test addresses"),
        max_length=2000,
        help_text=_("One or more addresses separated by commas."),
    )

    def clean_addresses(self):
        addresses = [a.strip() for a in self.cleaned_data["addresses"].split(",") if a.strip()]
        if not addresses or len(addresses) > 10:
            raise forms.ValidationError(_("Give one to ten addresses."))
        for address in addresses:
            validate_email_address(address)
        return addresses


class PrefillForm(forms.Form):
    mailing_list = forms.ModelChoiceField(
        label=_("Since the last issue of"), queryset=MailingList.objects
    )


class PageChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        kind = obj.specific_class._meta.verbose_name if obj.specific_class else ""
        published = format_date(obj.first_published_at)
        return f"{obj.title} ({kind}, {published})"


class EventChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({event_when(obj.event)})"


class PrefillChoiceForm(forms.Form):
    """The editor's pick among what pre-fill found (a `composing.PrefillOffer`):
    nothing becomes a block unchosen. Events are listed by when they take place,
    soonest first; those already held are a group of their own."""

    pages = PageChoiceField(
        label=_("Pages to add as featured pages"),
        queryset=Page.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    events = EventChoiceField(
        label=_("Upcoming events to add as featured pages"),
        queryset=EventPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    past_events = EventChoiceField(
        label=_("Past events: already held"),
        queryset=EventPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("These events have ended. Feature one only to report on it."),
    )
    upcoming_events = forms.BooleanField(
        label=_("Add a block of upcoming events"), required=False, initial=True
    )

    def __init__(self, offer, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        self.fields["pages"].queryset = Page.objects.filter(
            pk__in=[page.pk for page in offer.pages]
        ).order_by("-first_published_at")
        self._offer_events("events", offer.upcoming_events, "event__start")
        self._offer_events("past_events", offer.past_events, "-event__start")

    def _offer_events(self, name, events, order):
        if not events:
            del self.fields[name]
            return
        chosen = EventPage.objects.filter(pk__in=[event.pk for event in events])
        self.fields[name].queryset = chosen.with_record().order_by(order)

    def has_candidates(self):
        return bool(self.offer.pages or self.offer.upcoming_events or self.offer.past_events)

    def chosen_pages(self):
        data = self.cleaned_data
        return [*data["pages"], *data.get("events", ()), *data.get("past_events", ())]


class ImportForm(forms.Form):
    mailing_list = forms.ModelChoiceField(label=_("Mailing list"), queryset=MailingList.objects)
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: email, name, organisation, language. UTF-8, comma or semicolon."),
    )
    consent_text = forms.CharField(
        label=_("How these people agreed to receive mail"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
