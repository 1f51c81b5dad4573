"""Event pages: the index of all events, series that group them, and the event itself."""

from functools import partial, reduce
from operator import or_

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from modelcluster.fields import ParentalKey

from cms.blocks import BodyBlock
from cms.models import BasePage
from cms.request_memo import cached_row
from events.structured_data import event_json_ld

from .event import FACT_FIELDS, Event
from .seats import with_seats


class EventPageQuerySet(PageQuerySet):
    def with_record(self):
        """Each page with its event record (facts, SEQUENCE, withdrawal) joined in."""
        return self.select_related("event", "event__event_type")

    def below_translations_of(self, page):
        """Events below `page` or any of its translations: a translated week or series
        also lists the events nobody has translated yet."""
        paths = page.get_translations(inclusive=True).values_list("path", flat=True)
        return self.filter(reduce(or_, [models.Q(path__startswith=path) for path in paths]))

    def upcoming(self, now=None):
        """Events that have not ended yet, soonest first."""
        return self.filter(event__end__gte=now or timezone.now()).order_by("event__start")

    def past(self, now=None):
        return self.filter(event__end__lt=now or timezone.now()).order_by("-event__start")


class EventIndexPage(BasePage):
    lead = models.TextField(_("lead"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("lead")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["events.EventPage", "events.EventSeriesPage", "events.ParticipationWeekPage"]
    template = "events/event_index_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    # What the page lists: `events.index_context.index_context`, set by the app's ready().
    listing_context = None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context


class EventSeriesPage(BasePage):
    """A series such as a region's café series: a page that groups and lists events."""

    lead = models.TextField(_("lead"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage"]
    template = "events/event_series_page.html"

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = pgettext_lazy("plural", "event series")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self)
        events = events.with_record()
        context["events"] = with_seats(events.upcoming())
        context["past_events"] = with_seats(events.past())
        return context


def reindex_pages(event_pk, exclude=None):
    """Each language's search document holds the record's facts (`search_fields`): when
    they change, every page of the event is indexed again, not only the one saved."""
    for page in EventPage.objects.filter(event_id=event_pk).exclude(pk=exclude):
        index.insert_or_update_object(page)


def _fact(name):
    """A page attribute that reads and sets the event record's fact `name`: a page
    has no copy of its event's facts, so every language reads the same one."""

    def read(page):
        return getattr(page.record, name)

    def write(page, value):
        setattr(page.record, name, value)

    return property(read, write, doc=f"The event's {name}, from its one record.")


def _from_record(name):
    return property(lambda page: getattr(page.record, name), doc=f"The record's {name}.")


class EventPage(BasePage):
    """An event's words in one language; its facts are its record's (`Event`)."""

    AttendanceMode = Event.AttendanceMode
    Status = Event.Status
    Language = Event.Language

    event = models.ForeignKey(
        Event,
        verbose_name=_("event record"),
        on_delete=models.PROTECT,
        related_name="pages",
        editable=False,
    )
    lead = models.TextField(_("lead"), max_length=600, help_text=_("One or two sentences."))
    accessibility_info = models.TextField(
        _("accessibility"),
        blank=True,
        max_length=2000,
        help_text=_("Step-free access, induction loop, captions, sign language and so on."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    recording_url = models.URLField(_("recording"), blank=True)
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("slides"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("event_type"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Time"),
        ),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("municipality")]),
                FieldPanel("online_platform"),
                FieldPanel("online_join_url"),
            ],
            heading=_("Place"),
        ),
        FieldPanel("organiser"),
        InlinePanel("speakers", heading=_("Speakers"), label=_("speaker")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("language"),
                FieldPanel("region"),
                FieldPanel("themes"),
                FieldPanel("projects"),
                FieldPanel("accessibility_info"),
            ],
            heading=_("Details"),
        ),
        MultiFieldPanel(
            [FieldPanel("recording_url"), FieldPanel("slides")], heading=_("Materials")
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list_enabled")]),
                FieldPanel("reminder_hours"),
                InlinePanel(
                    "registration_questions",
                    heading=_("Extra questions"),
                    label=_("extra question"),
                ),
            ],
            heading=_("Registration"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.RelatedFields(
            "event",
            [
                index.SearchField("municipality"),
                index.SearchField("venue_name"),
                index.FilterField("start"),
                index.FilterField("end"),
            ],
        ),
    ]

    parent_page_types = [
        "events.EventIndexPage",
        "events.EventSeriesPage",
        "events.ParticipationWeekPage",
    ]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # The record ----------------------------------------------------------------------

    @property
    def record(self):
        """The event record; a new page starts with an unsaved one that its save creates."""
        if self.event_id is None and not self._state.fields_cache.get("event"):
            self.event = Event(translation_key=self.translation_key)
        return self.event

    def clean(self):
        super().clean()
        self.record.translation_key = self.translation_key
        self.record.clean()

    def save(self, *args, **kwargs):
        """Write the facts this save changed to the record, once for every language;
        a draft (Wagtail saves only bookkeeping fields then) never touches them."""
        if kwargs.get("update_fields") is None:
            self._save_record()
        return super().save(*args, **kwargs)

    def _save_record(self):
        record = self.record
        if record.pk and record.translation_key != self.translation_key:
            record = self._own_record()  # a copy of another event: its own record now
        elif record.pk is None:
            record.translation_key = self.translation_key
            existing = Event.objects.filter(translation_key=self.translation_key).first()
            if existing is not None:  # a translation of an event whose record exists
                self.event = existing
                return
        changes = getattr(self, "_fact_changes", None)
        if changes is None:
            changes = record.changed_facts()
        if record.pk is None:
            record.save()
        elif changes:
            record.save(update_fields=[*changes, "changed_at"])
            record.refresh_from_db()
            transaction.on_commit(partial(reindex_pages, record.pk, exclude=self.pk))
        self.event = record
        self._fact_changes = None

    def _own_record(self):
        copy = Event(translation_key=self.translation_key)
        copy.apply_fact_data(self.record.fact_data())
        self.event = copy
        return copy

    # Revisions carry a snapshot of the facts, and which of them the editor changed -------

    def serializable_data(self):
        data = super().serializable_data()
        data["event_facts"] = self.record.fact_data()
        data["event_changes"] = self.record.changed_facts()
        return data

    def with_content_json(self, content):
        """The page as a revision had it, facts included (preview, compare, revert);
        publishing it writes only the facts its editor changed (`event_changes`), so a
        week-old draft in one language never undoes a newer change made in another.
        Revisions from before the record kept the facts among the page's fields."""
        page = super().with_content_json(content)
        page.event = Event.objects.get(pk=self.event_id)
        facts = content.get("event_facts")
        if facts is None:
            facts = {name: content[name] for name in FACT_FIELDS if name in content}
        page.record.apply_fact_data(facts)
        page._fact_changes = list(content.get("event_changes") or [])
        return page

    def get_latest_revision_as_object(self):
        """The draft to edit: today's facts, with only the draft's own changes on top."""
        page = super().get_latest_revision_as_object()
        if page is self:
            return page
        changes = page._fact_changes or []
        facts = page.record.fact_data()
        drafted = {name: facts[name] for name in changes if name in facts}
        page.event = Event.objects.get(pk=page.event_id)
        page.record.apply_fact_data(drafted)
        page._fact_changes = None
        return page

    # Reading ------------------------------------------------------------------------

    def route(self, request, path_components):
        """A withdrawn event's pages keep answering in every language, saying that it
        was cancelled (events/templates/events/event_page.html), so links in e-mails and
        calendars lead somewhere. Only pages that were once published; view restrictions
        still apply when the page is served."""
        if (
            not path_components
            and not self.live
            and self.first_published_at is not None
            and self.record.is_withdrawn
        ):
            from wagtail.url_routing import RouteResult

            return RouteResult(self)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        self.use_cached_taxonomy()
        return super().get_context(request, *args, **kwargs)

    def use_cached_taxonomy(self):
        """Take the event type and region from the cached rows every page reads, rather
        than a query each."""
        record = self.record
        for name in ("event_type", "region"):
            row_id = getattr(record, f"{name}_id")
            if row_id is not None and not record._state.fields_cache.get(name):
                row = cached_row(Event._meta.get_field(name).related_model, row_id)
                if row is not None:
                    record._state.fields_cache[name] = row

    def in_language(self, language_code):
        """This event's live page in `language_code`, or this page when not translated."""
        if self.locale.language_code == language_code:
            return self
        translation = (
            type(self)
            .objects.live()
            .filter(event_id=self.event_id, locale__language_code=language_code)
            .first()
        )
        return translation or self

    def original_language(self, locale_code):
        """An untranslated event page is written in the language the event is held in
        when that is one of the site's: participation-week organisers write in their own
        language (a Swedish café under the Finnish week). Otherwise its locale's."""
        languages = dict(settings.LANGUAGES)
        return self.language if self.language in languages else locale_code

    def registration_closed_reason(self, now=None):
        return self.record.registration_closed_reason(now)

    def json_ld(self, request):
        """schema.org Event for search engines; never carries the join link."""
        return event_json_ld(self, self.get_full_url(request))


# What a page reads from its record: the facts (which the editor form also sets) and
# what follows from them.
for _name in (*FACT_FIELDS, "event_type_id", "organiser_id", "region_id"):
    setattr(EventPage, _name, _fact(_name))
for _name in (
    "is_online",
    "is_onsite",
    "is_withdrawn",
    "is_cancelled",
    "has_ended",
    "location_text",
    "local_start",
    "local_end",
    "calendar_dates",
    "calendar_uid",
    "reminder_due_at",
    "sequence",
    "withdrawn_at",
):
    setattr(EventPage, _name, _from_record(_name))


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title and organisation"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name
