"""The event itself: one record per event, whatever languages its pages are in.

An event's pages (one per language, sharing Wagtail's translation key) hold only its
words: title, lead, body, speakers, the wording of its questions. Everything that is not
words lives here once: when and where, who organises it, its taxonomy, its registration
settings and its calendar bookkeeping. Registrations, seats, the waiting list, reminders
and survey answers point at this record, so a Swedish and a Finnish page can never
disagree about the time or count seats apart.

SEQUENCE must only ever rise, so it is stored here and never in a page revision.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from cms.dates import format_datetime
from cms.links import base_host
from cms.request_memo import locale_for_id
from events import event_dates

# The facts editors set on an event page; its revisions keep a snapshot of them.
FACT_FIELDS = (
    "event_type",
    "start",
    "end",
    "all_day",
    "status",
    "attendance_mode",
    "venue_name",
    "street_address",
    "postal_code",
    "municipality",
    "online_platform",
    "online_join_url",
    "organiser",
    "language",
    "region",
    "themes",
    "projects",
    "registration_enabled",
    "registration_opens",
    "registration_closes",
    "capacity",
    "waiting_list_enabled",
    "reminder_hours",
)


class Event(ClusterableModel):
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

    translation_key = models.UUIDField(
        _("translation key"),
        unique=True,
        help_text=_("Shared by the event's pages in every language; part of its calendar UID."),
    )
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
    registration_enabled = models.BooleanField(_("registration in use"), default=False)
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open right away.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: when the event starts."),
    )
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    waiting_list_enabled = models.BooleanField(_("waiting list"), default=True)
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder, hours before the start"),
        default=24,
        help_text=_("0: no reminder."),
    )

    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)
    withdrawn_at = models.DateTimeField(
        _("withdrawn"),
        null=True,
        blank=True,
        help_text=_("When an editor unpublished or deleted the event: cancelled."),
    )

    class Meta:
        verbose_name = _("event record")
        verbose_name_plural = _("event records")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def __str__(self):
        page = self.pages.order_by("pk").first() if self.pk else None
        return page.title if page else str(self.translation_key)

    def page_in(self, language_code=None):
        """The page a reader of `language_code` should see: theirs when translated, else
        the default language's, else any; live pages before unpublished ones."""
        language_code = language_code or settings.LANGUAGE_CODE

        def rank(page):
            code = locale_for_id(page.locale_id).language_code
            return (not page.live, code != language_code, code != settings.LANGUAGE_CODE, page.pk)

        return min(self.pages.all(), key=rank, default=None)

    # Facts as plain data, for page revisions -------------------------------------------

    def fact_data(self):
        """The facts as JSON-ready values: ids for relations, lists of ids for many."""
        data = {}
        for name in FACT_FIELDS:
            field = self._meta.get_field(name)
            if field.many_to_many:
                data[name] = sorted(item.pk for item in getattr(self, name).all())
            else:
                data[name] = getattr(self, field.attname)
        return data

    def apply_fact_data(self, data):
        """Set the facts in `data` (as `fact_data` gives them) on this unsaved copy."""
        for name, value in data.items():
            if name not in FACT_FIELDS:
                continue
            field = self._meta.get_field(name)
            if field.many_to_many:
                setattr(self, name, list(field.related_model.objects.filter(pk__in=value or [])))
            elif field.is_relation:
                setattr(self, field.attname, field.target_field.to_python(value or None))
            else:
                setattr(self, field.attname, field.to_python(value))

    def changed_facts(self):
        """Names of the facts this in-memory record holds differently from the database."""
        if self.pk is None:
            return list(FACT_FIELDS)
        stored = type(self).objects.get(pk=self.pk).fact_data()
        mine = self.fact_data()
        return [
            name for name in FACT_FIELDS if _comparable(mine[name]) != _comparable(stored[name])
        ]

    # Validation --------------------------------------------------------------------------

    def clean(self):
        super().clean()
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

    # What pages, feeds and e-mails ask ---------------------------------------------------

    @property
    def is_online(self):
        return self.attendance_mode in (self.AttendanceMode.ONLINE, self.AttendanceMode.MIXED)

    @property
    def is_onsite(self):
        return self.attendance_mode in (self.AttendanceMode.ONSITE, self.AttendanceMode.MIXED)

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def is_cancelled(self):
        """Cancelled by its status, or withdrawn: unpublished or deleted by an editor."""
        return self.status == self.Status.CANCELLED or self.is_withdrawn

    @property
    def has_ended(self):
        return self.end < timezone.now()

    @property
    def location_text(self):
        """The place as one line, for cards and calendar LOCATION."""
        if self.attendance_mode == self.AttendanceMode.ONLINE:
            return self.online_platform or str(_("Online"))
        town = " ".join(part for part in (self.postal_code, self.municipality) if part)
        return ", ".join(part for part in (self.venue_name, self.street_address, town) if part)

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

    @property
    def reminder_due_at(self):
        if not self.reminder_hours:
            return None
        return self.start - datetime.timedelta(hours=self.reminder_hours)

    def registration_closed_reason(self, now=None):
        """Why nobody can register right now, in plain words, or "" when they can."""
        now = now or timezone.now()
        if not self.registration_enabled:
            return _("This event takes no registrations.")
        if self.is_cancelled:
            return _("This event has been cancelled, so registration is closed.")
        if self.end < now:
            return _("This event is over, so registration is closed.")
        if self.registration_opens and now < self.registration_opens:
            opens = format_datetime(self.registration_opens)
            return _("Registration opens on %(date)s.") % {"date": opens}
        if now >= (self.registration_closes or self.start):
            return _("Registration has closed.")
        return ""

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


def _comparable(value):
    """Stored and in-memory values compare equal whatever their Python type."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value if isinstance(value, list) else str(value) if value is not None else None
