"""Event pages: the index of all events, series that group them, and the event itself."""

import datetime
import hashlib
from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from cms.blocks import BodyBlock
from cms.links import base_host
from cms.models import BasePage
from cms.request_memo import cached_row, locale_for_id
from events import event_dates
from events.admin_forms import EventPageForm
from events.shared_facts import SHARED_FIELDS, SHARED_RELATIONS
from events.structured_data import event_json_ld

from .calendar_state import CalendarState
from .registrations import RegistrationSettings


class EventPageQuerySet(PageQuerySet):
    def with_calendar_state(self):
        """Each event's one SEQUENCE and withdrawal time, shared by its translations."""
        state = CalendarState.objects.filter(translation_key=models.OuterRef("translation_key"))
        return self.annotate(
            state_sequence=models.Subquery(state.values("sequence")[:1]),
            state_withdrawn_at=models.Subquery(state.values("withdrawn_at")[:1]),
            state_changed_at=models.Subquery(state.values("changed_at")[:1]),
        )

    def below_translations_of(self, page):
        """Events below `page` or any of its translations: a translated week or series
        also lists the events nobody has translated yet."""
        paths = page.get_translations(inclusive=True).values_list("path", flat=True)
        return self.filter(reduce(or_, [models.Q(path__startswith=path) for path in paths]))

    def upcoming(self, now=None):
        """Events that have not ended yet, soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start")


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

    def get_context(self, request, *args, **kwargs):
        # Both query these models, so they import this module.
        from events import listing
        from events.filtering import EventFilterForm

        context = super().get_context(request, *args, **kwargs)
        indexes = [self, *self.get_translations()]
        events = listing.live_events_in_language(within=indexes)
        filters = EventFilterForm(request.GET, auto_id="event-%s")
        past = request.GET.get("when") == "past"
        month_view = request.GET.get("view") == "month"
        context.update({"filters": filters, "past": past, "month_view": month_view})
        if month_view:
            context["month"] = listing.month_view(events, filters, request.GET.get("month"))
        else:
            context["events"] = listing.event_list(
                events, filters, request.GET.get("page"), past=past
            )
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
        from events.registrations.seats import with_seats  # it reads these models

        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self)
        events = events.select_related("event_type").with_calendar_state()
        context["events"] = with_seats(events.upcoming())
        context["past_events"] = with_seats(events.past())
        return context


class EventPage(RegistrationSettings, BasePage):
    class AttendanceMode(models.TextChoices):
        ONLINE = "online", _("Online")
        ONSITE = "onsite", _("On site")
        MIXED = "mixed", _("On site and online")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    class Language(models.TextChoices):
        FINNISH = "fi", _("Finnish")
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")
        SEVERAL = "mul", _("Several languages")

    lead = models.TextField(_("lead"), max_length=600, help_text=_("One or two sentences."))
    event_type = models.ForeignKey(
        "events.EventType", verbose_name=_("event type"), on_delete=models.PROTECT
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(
        _("all-day event"),
        default=False,
        help_text=_("The times are ignored and the event covers whole days."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SCHEDULED)
    attendance_mode = models.CharField(
        _("attendance"), max_length=20, choices=AttendanceMode, default=AttendanceMode.ONLINE
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    online_platform = models.CharField(
        _("online platform"), max_length=100, blank=True, help_text=_("For example Teams or Zoom.")
    )
    online_join_url = models.URLField(
        _("join link"),
        max_length=500,
        blank=True,
        help_text=_("Private: sent only to registrants, never shown on public pages or feeds."),
    )
    organiser = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("language of the event"), max_length=3, choices=Language, default=Language.FINNISH
    )
    region = models.ForeignKey(
        "cms.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL
    )
    themes = ParentalManyToManyField("cms.Theme", verbose_name=_("themes"), blank=True)
    projects = ParentalManyToManyField(
        "network.Project",
        verbose_name=_("projects"),
        blank=True,
        related_name="events",
        help_text=_("Projects that hold or present the event; it is listed on their pages."),
    )
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
    base_form_class = EventPageForm

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
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("projects"),
                FieldPanel("accessibility_info"),
            ],
            heading=_("Details"),
        ),
        MultiFieldPanel(
            [FieldPanel("recording_url"), FieldPanel("slides")], heading=_("Materials")
        ),
        *RegistrationSettings.registration_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("municipality"),
        index.FilterField("start"),
        index.FilterField("end"),
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

    def clean(self):
        super().clean()
        owner = self.fact_owner() if self.translation_key else self
        if owner.pk not in (None, self.pk):
            self.copy_facts_from(owner)  # validate what will be saved
        for name in ("start", "end"):
            moment = getattr(self, name)
            if moment and not event_dates.in_range(moment):
                raise ValidationError({name: event_dates.out_of_range_message()})
        if self.start and self.end:
            if self.all_day and self.end.date() < self.start.date():
                raise ValidationError({"end": _("The last day cannot be before the first day.")})
            if not self.all_day and self.end <= self.start:
                raise ValidationError({"end": _("The event must end after it starts.")})
        if self.attendance_mode != self.AttendanceMode.ONLINE and not (
            self.venue_name or self.street_address or self.municipality
        ):
            raise ValidationError({"venue_name": _("Give the venue of an on-site event.")})
        opens, closes = self.registration_opens, self.registration_closes
        if opens and closes and closes <= opens:
            raise ValidationError(
                {"registration_closes": _("Registration must close after it opens.")}
            )
        if closes and self.end and closes > self.end:
            raise ValidationError(
                {"registration_closes": _("Registration must close before the event ends.")}
            )

    def get_context(self, request, *args, **kwargs):
        self.use_cached_taxonomy()
        return super().get_context(request, *args, **kwargs)

    def use_cached_taxonomy(self):
        """Take the event type and region from the cached rows every page reads, rather
        than a query each."""
        for name in ("event_type", "region"):
            row_id = getattr(self, f"{name}_id")
            if row_id is not None and not self._state.fields_cache.get(name):
                row = cached_row(self._meta.get_field(name).related_model, row_id)
                if row is not None:
                    self._state.fields_cache[name] = row

    def fact_owner(self):
        """The page that owns this event's shared facts and registrations: the one in the
        site's default language, else the first page created in any language."""
        if self.pk and locale_for_id(self.locale_id).language_code == settings.LANGUAGE_CODE:
            return self
        pages = EventPage.objects.filter(translation_key=self.translation_key)
        owner = pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        owner = owner or pages.order_by("pk").first()
        return owner or self

    def is_fact_owner(self):
        return self.fact_owner().pk in (None, self.pk)

    def copy_facts_from(self, owner):
        for name in SHARED_FIELDS:
            setattr(self, name, getattr(owner, name))
        for name in SHARED_RELATIONS:
            setattr(self, name, list(getattr(owner, name).all()))

    def push_facts_to_translations(self):
        """Write this owner's facts onto every translation's row (and its themes)."""
        translations = EventPage.objects.filter(translation_key=self.translation_key).exclude(
            pk=self.pk
        )
        pks = list(translations.values_list("pk", flat=True))
        if not pks:
            return
        values = {}
        for name in SHARED_FIELDS:
            field = self._meta.get_field(name)
            values[field.attname] = getattr(self, field.attname)
        translations.update(**values)
        through = EventPage.themes.through
        theme_pks = [theme.pk for theme in self.themes.all()]
        through.objects.filter(eventpage_id__in=pks).delete()
        through.objects.bulk_create(
            [through(eventpage_id=pk, theme_id=theme) for pk in pks for theme in theme_pks]
        )

    def save(self, *args, **kwargs):
        owner = self.fact_owner() if self.translation_key else self
        if owner.pk not in (None, self.pk):
            self.copy_facts_from(owner)
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        touches_facts = update_fields is None or set(update_fields) & set(
            SHARED_FIELDS + SHARED_RELATIONS
        )
        if owner.pk in (None, self.pk) and touches_facts:
            self.push_facts_to_translations()
        return result

    def original_language(self, locale_code):
        """An untranslated event page is written in the language the event is held in
        when that is one of the site's: participation-week organisers write in their own
        language (a Swedish café under the Finnish week). Otherwise its locale's."""
        languages = dict(settings.LANGUAGES)
        return self.language if self.language in languages else locale_code

    @property
    def is_online(self):
        return self.attendance_mode in (self.AttendanceMode.ONLINE, self.AttendanceMode.MIXED)

    @property
    def is_onsite(self):
        return self.attendance_mode in (self.AttendanceMode.ONSITE, self.AttendanceMode.MIXED)

    @property
    def is_cancelled(self):
        """Cancelled by its status, or withdrawn: unpublished or deleted by an editor."""
        return self.status == self.Status.CANCELLED or self.withdrawn_at is not None

    def refresh_from_db(self, *args, **kwargs):
        self.__dict__.pop("_state_cache", None)
        super().refresh_from_db(*args, **kwargs)

    def _calendar_state(self):
        if not hasattr(self, "_state_cache"):
            self._state_cache = CalendarState.objects.filter(
                translation_key=self.translation_key
            ).first()
        return self._state_cache

    @property
    def sequence(self):
        """The event's one iCalendar SEQUENCE, whatever the page's language."""
        if hasattr(self, "state_sequence"):
            return self.state_sequence or 0
        state = self._calendar_state()
        return state.sequence if state else 0

    @property
    def withdrawn_at(self):
        """When an editor unpublished the event while people were registered, or None."""
        if hasattr(self, "state_withdrawn_at"):
            return self.state_withdrawn_at
        state = self._calendar_state()
        return state.withdrawn_at if state else None

    @property
    def has_ended(self):
        return self.end < timezone.now()

    @property
    def location_text(self):
        """The place as one line, for cards and calendar LOCATION."""
        address = ", ".join(
            part
            for part in (
                self.venue_name,
                self.street_address,
                " ".join(p for p in (self.postal_code, self.municipality) if p),
            )
            if part
        )
        if self.attendance_mode == self.AttendanceMode.ONLINE:
            return self.online_platform or str(_("Online"))
        return address

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    @property
    def calendar_dates(self):
        """(first day, day after the last day) for all-day events, as iCal wants them."""
        return self.local_start.date(), self.local_end.date() + datetime.timedelta(days=1)

    @property
    def calendar_uid(self):
        """The same for every edit, slug change and move, and across translations,
        so no calendar ever shows this event twice."""
        return f"event-{self.translation_key}@{base_host()}"

    def json_ld(self, request):
        """schema.org Event for search engines; never carries the join link."""
        return event_json_ld(self, self.get_full_url(request))

    def schedule_fingerprint(self):
        """A digest of what calendar programs must be told about when it changes."""
        parts = [
            self.start.isoformat(),
            self.end.isoformat(),
            str(self.all_day),
            self.status,
            self.attendance_mode,
            self.location_text,
            self.online_join_url,
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()


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
