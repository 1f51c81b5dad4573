"""The event page's editor form. The facts of an event (time, place, registration
settings and the rest of `FACT_FIELDS`) are its record's, not the page's: the form shows
them from the record and sets them on it, in whichever language the editor works, and
the page's save writes what changed once for every language. `EventsConfig.ready`
attaches the form, so the models never import admin code."""

from django import forms
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.models import formfield_for_dbfield

from cms.page_creation import PageForm
from events.models import FACT_FIELDS, Event

SHARED_HELP = _("Shared by every language of the event: a change here changes them all.")


class EventPageForm(PageForm):
    locals().update(fields_for_model(Event, FACT_FIELDS, formfield_callback=formfield_for_dbfield))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        facts = self.instance.record.fact_data()
        if "themes" in self.fields:  # a declared field: the form, not the panel, sets its widget
            themes = self.fields["themes"]
            themes.widget = forms.CheckboxSelectMultiple(choices=themes.choices)
        for name in FACT_FIELDS:
            if name in self.fields:
                self.initial.setdefault(name, facts[name])
        if self.instance.pk and self.instance.get_translations().exists():
            for name in FACT_FIELDS:
                field = self.fields.get(name)
                if field is not None:
                    field.help_text = " ".join(
                        str(text) for text in (field.help_text, SHARED_HELP) if text
                    )

    def _post_clean(self):
        """Put the submitted facts on the record before the page validates it."""
        record = self.instance.record
        for name in FACT_FIELDS:
            if name in self.fields and name in self.cleaned_data:
                value = self.cleaned_data[name]
                setattr(record, name, list(value) if name in ("themes", "projects") else value)
        super()._post_clean()
