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

QUESTIONS = "registration_questions"
# What an editor writes in an extra question; its kind and "required" are only settings.
QUESTION_WORDS = ("label", "help_text", "choices")


def without_empty_questions(data):
    """The posted form with every new extra question that has no words in it marked
    deleted. An editor who adds a question and leaves it empty has written nothing; but
    autosave stored it in the draft (drafts defer required fields), and the next publish,
    maybe the next day, failed on its empty label. A saved question is never dropped:
    emptying one is a change its publish must refuse."""
    try:
        total = int(data.get(f"{QUESTIONS}-TOTAL_FORMS", 0))
    except ValueError:
        return data  # the formset itself reports the broken management form
    empty = [
        f"{QUESTIONS}-{index}-"
        for index in range(total)
        if not data.get(f"{QUESTIONS}-{index}-id")
        and not any(data.get(f"{QUESTIONS}-{index}-{name}", "").strip() for name in QUESTION_WORDS)
    ]
    if not empty:
        return data
    data = data.copy()
    for prefix in empty:
        data[f"{prefix}DELETE"] = "1"
    return data


def _record_needs(name):
    """Whether the event record cannot be stored without this fact."""
    field = Event._meta.get_field(name)
    return not (field.many_to_many or field.null or field.blank or field.has_default())


# The facts a draft must have too: the record is created with the page's first save.
RECORD_NEEDS = tuple(name for name in FACT_FIELDS if _record_needs(name))


class EventPageForm(PageForm):
    locals().update(fields_for_model(Event, FACT_FIELDS, formfield_callback=formfield_for_dbfield))

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = without_empty_questions(data)
        super().__init__(data, *args, **kwargs)
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

    def defer_required_fields(self):
        """A draft may leave required fields empty (Wagtail's deferred validation), but
        not the facts the record cannot be stored without: an autosave of a new event
        holding only its title answered 500 on the record's NOT NULL type and times.
        Now it answers a validation error until they are filled."""
        super().defer_required_fields()
        for name in RECORD_NEEDS:
            if name in self.deferred_required_fields:
                self.deferred_required_fields.remove(name)
                self.fields[name].required = True

    def _post_clean(self):
        """Put the submitted facts on the record before the page validates it."""
        record = self.instance.record
        for name in FACT_FIELDS:
            if name in self.fields and name in self.cleaned_data:
                value = self.cleaned_data[name]
                setattr(record, name, list(value) if name in ("themes", "projects") else value)
        super()._post_clean()
