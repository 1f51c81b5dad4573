"""The editors' .ics import form (the public feed builder uses events.filtering)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from events.models import EventType

MAX_IMPORT_BYTES = 2 * 1024 * 1024


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
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            # icalendar would read the bad bytes as U+FFFD into titles and places.
            raise forms.ValidationError(
                _("The file is not UTF-8 text (byte %(position)s); export it as UTF-8.")
                % {"position": error.start + 1}
            ) from error
        return data
