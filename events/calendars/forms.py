"""Forms of the calendar features: the public feed builder and the editors' .ics import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from cms.models import Region, Theme
from events.models import EventType

MAX_IMPORT_BYTES = 2 * 1024 * 1024


class FeedBuilderForm(forms.Form):
    """Filters of a calendar feed, as the feed's own query string (?type=&region=&theme=)."""

    type = forms.ModelChoiceField(
        EventType.objects.all(),
        label=_("Event type"),
        required=False,
        to_field_name="slug",
        empty_label=_("All types"),
    )
    region = forms.ModelChoiceField(
        Region.objects.all(),
        label=_("Region"),
        required=False,
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    theme = forms.ModelChoiceField(
        Theme.objects.all(),
        label=_("Theme"),
        required=False,
        to_field_name="slug",
        empty_label=_("All themes"),
    )

    def filters(self):
        data = self.cleaned_data
        return {"event_type": data["type"], "region": data["region"], "theme": data["theme"]}

    def query(self):
        return {name: value.slug for name, value in self.cleaned_data.items() if value}


def import_parent_pages():
    """Pages an imported event may be placed under."""
    from events.models import EventIndexPage, EventSeriesPage, ParticipationWeekPage

    return Page.objects.type(EventIndexPage, EventSeriesPage, ParticipationWeekPage).order_by(
        "path"
    )


class IcsImportForm(forms.Form):
    file = forms.FileField(
        label=_("iCalendar file (.ics)"),
        help_text=_("For example a partner's programme exported from Outlook or Google Calendar."),
    )
    parent = forms.ModelChoiceField(
        Page.objects.none(),
        label=_("Place the events under"),
        help_text=_("New events are saved as drafts there; an editor publishes them."),
    )
    event_type = forms.ModelChoiceField(
        EventType.objects.all(),
        label=_("Event type"),
        help_text=_("Given to every new event; editors may change it afterwards."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = import_parent_pages()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 2 MB)."))
        data = upload.read()
        if b"BEGIN:VCALENDAR" not in data[:2048].upper():
            raise forms.ValidationError(_("This is not an iCalendar (.ics) file."))
        return data
