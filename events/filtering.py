"""The one set of event filters: the event index, the participation-week programme and
the calendar feeds all narrow events with `EventFilterForm`, so a filter means the same
thing (and has the same URL parameter) wherever a reader meets it."""

from functools import reduce
from operator import and_

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.models import Region, Theme
from cms.request_memo import cached_rows
from events.models import EventPage, EventType

SEARCH_MAX_LENGTH = 100
SEARCH_MAX_WORDS = 8
SEARCHED_FIELDS = (
    "title",
    "lead",
    "event__venue_name",
    "event__municipality",
    "event__organiser__name",
    "speakers__name",
)
# A calendar subscription can only be narrowed by what stays true of an event over time.
FEED_FILTERS = ("type", "region", "theme")


def search_query(text):
    """Every word (at most eight) found in one of the searched fields."""
    words = text.split()[:SEARCH_MAX_WORDS]
    per_word = [
        reduce(lambda a, b: a | b, (Q(**{f"{name}__icontains": word}) for name in SEARCHED_FIELDS))
        for word in words
    ]
    return reduce(and_, per_word, Q())


def _by_slug(label, empty_label):
    """A taxonomy choice by slug; its rows are filled in per form from the cached rows."""
    return forms.TypedChoiceField(label=label, required=False, choices=[("", empty_label)])


class EventFilterForm(forms.Form):
    """Every filter optional. Pass `fields=` to offer only some of them; a value that
    does not validate is left out rather than failing the page (an old bookmark with a
    renamed region still shows events)."""

    FORMAT_CHOICES = [
        ("", _("Online and on site")),
        ("online", _("Online")),
        ("onsite", _("On site")),
    ]

    q = forms.CharField(
        label=_("Search events"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.SearchInput,
    )
    type = _by_slug(_("Event type"), _("All types"))
    region = _by_slug(_("Region"), _("All regions"))
    theme = _by_slug(_("Theme"), _("All themes"))
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("All languages")), *EventPage.Language.choices],
        required=False,
    )
    format = forms.ChoiceField(label=_("Online or on site"), choices=FORMAT_CHOICES, required=False)

    TAXONOMIES = {"type": EventType, "region": Region, "theme": Theme}

    def __init__(self, data=None, *, fields=None, **kwargs):
        super().__init__(data, **kwargs)
        if fields is not None:
            self.fields = {name: self.fields[name] for name in fields}
        for name, model in self.TAXONOMIES.items():
            if name in self.fields:
                self._offer_rows(self.fields[name], model)

    @staticmethod
    def _offer_rows(field, model):
        """Choices from the taxonomy's cached rows (no query on a warm cache); the
        cleaned value is the row itself."""
        rows = {row.slug: row for row in cached_rows(model)}
        field.choices = [field.choices[0], *((slug, row.name) for slug, row in rows.items())]
        field.coerce = rows.__getitem__

    @property
    def chosen(self):
        """The valid, non-empty choices, in the form's field order."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.fields if cleaned.get(name)}

    @property
    def is_filtered(self):
        return bool(self.chosen)

    def apply(self, events):
        chosen = self.chosen
        if "q" in chosen:
            events = events.filter(search_query(chosen["q"])).distinct()
        if "type" in chosen:
            events = events.filter(event__event_type=chosen["type"])
        if "region" in chosen:
            events = events.filter(Region.q_within("event__region", chosen["region"]))
        if "theme" in chosen:
            events = events.filter(event__themes=chosen["theme"])
        if "language" in chosen:
            events = events.filter(event__language=chosen["language"])
        if chosen.get("format") == "online":
            events = events.exclude(event__attendance_mode=EventPage.AttendanceMode.ONSITE)
        elif chosen.get("format") == "onsite":
            events = events.exclude(event__attendance_mode=EventPage.AttendanceMode.ONLINE)
        return events

    def labels(self):
        """Names of the chosen taxonomy filters, e.g. for a feed's title."""
        return [str(value) for name, value in self.chosen.items() if name in FEED_FILTERS]

    def query(self):
        """The choices as URL parameters (slugs for taxonomies)."""
        return {name: getattr(value, "slug", value) for name, value in self.chosen.items()}
