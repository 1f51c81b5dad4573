"""The yearly participation week (osallisuusviikko): its page, whose programme is the
event pages below it (events/participation_week/programme.py), and the events any
organisation submits to it through plain URLs of the events app (events/urls.py).

An approved submission becomes an ordinary event page under the week, so the
programme, the event's own page and every calendar feed treat it like any other
event, with the same UID and SEQUENCE rules."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.blocks import BodyBlock
from cms.dates import format_date, format_month_day
from cms.models import BasePage

from .pages import EventPage


class ParticipationWeekPage(RoutablePageMixin, BasePage):
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    lead = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    submissions_open = models.BooleanField(
        _("submissions open"),
        default=True,
        help_text=_("Organisations may submit events to the programme through the public form."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("submissions_open"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage"]
    template = "events/participation_week/participation_week_page.html"

    class Meta:
        verbose_name = _("participation week")
        verbose_name_plural = _("participation weeks")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})

    def contains(self, moment):
        """Whether a moment falls on one of the week's days (in Helsinki time)."""
        return self.start_date <= timezone.localtime(moment).date() <= self.end_date

    @property
    def days(self):
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + datetime.timedelta(days=n) for n in range(count)]

    @property
    def submit_url(self):
        """The submission form: a plain URL of the events app (events/urls.py), in the
        week's language."""
        return self._events_url("events:week_submit")

    @property
    def submitted_url(self):
        return self._events_url("events:week_submitted")

    def _events_url(self, name):
        with override(self.language_code):
            return reverse(name, args=[self.pk])

    # The form and the submitter's page used to be served below the week's own address;
    # links to those addresses (the edit link in e-mails sent before) lead on to today's.
    # The views live in events/participation_week/views.py, which the model does not import.

    @path("ilmoita/", name="submit")
    def old_submit_address(self, request):
        return redirect(self.submit_url, permanent=True)

    @path("ilmoita/kiitos/", name="submitted")
    def old_submitted_address(self, request):
        query = request.META.get("QUERY_STRING")
        return redirect(self.submitted_url + (f"?{query}" if query else ""), permanent=True)

    @path("ilmoitus/<str:token>/", name="manage")
    def old_manage_address(self, request, token):
        with override(self.language_code):
            return redirect(reverse("events:week_submission", args=[token]), permanent=True)


def validate_web_link(value):
    """Only http(s) links: no javascript:, data: or mailto: in a public programme."""
    URLValidator(schemes=["http", "https"])(value)


class SubmissionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Submission.Status.PENDING)

    def approved(self):
        return self.filter(status=Submission.Status.APPROVED)


class Submission(models.Model):
    """An event an organisation offered to a participation week's programme.

    The contact person and e-mail are private: moderators see them, the public never."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    week = models.ForeignKey(
        ParticipationWeekPage,
        verbose_name=_("participation week"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    organiser_name = models.CharField(_("organiser"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), max_length=254)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2000)
    event_type = models.ForeignKey(
        "events.EventType", verbose_name=_("event type"), on_delete=models.PROTECT
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=EventPage.AttendanceMode,
        default=EventPage.AttendanceMode.ONSITE,
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    region = models.ForeignKey(
        "cms.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(
        _("language of the event"),
        max_length=3,
        choices=EventPage.Language,
        default=EventPage.Language.FINNISH,
    )
    accessibility_info = models.TextField(_("accessibility"), max_length=1000, blank=True)
    link = models.URLField(
        _("registration or more information"),
        max_length=500,
        blank=True,
        validators=[validate_web_link],
    )
    rejection_reason = models.TextField(_("reason for rejection"), max_length=1000, blank=True)
    event = models.OneToOneField(
        EventPage,
        verbose_name=_("event page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="week_submission",
    )
    member = models.ForeignKey(
        "network.Member",
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="week_submissions",
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SubmissionQuerySet.as_manager()

    panels = [
        FieldPanel("organiser_name"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading=_("Contact (private)"),
        ),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("event_type"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("attendance_mode"),
        FieldPanel("venue_name"),
        FieldPanel("street_address"),
        FieldPanel("municipality"),
        FieldPanel("region"),
        FieldPanel("language"),
        FieldPanel("accessibility_info"),
        FieldPanel("link"),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("participation week submission")
        verbose_name_plural = _("participation week submissions")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end:
            if self.end <= self.start:
                errors["end"] = _("The event must end after it starts.")
            week = self.week if self.week_id else None
            if week is not None:
                for field in ("start", "end"):
                    if not week.contains(getattr(self, field)):
                        errors.setdefault(
                            field,
                            _("Choose a time during the week, %(first)s–%(last)s.")
                            % {
                                "first": format_month_day(week.start_date),
                                "last": format_date(week.end_date),
                            },
                        )
        if self.attendance_mode != EventPage.AttendanceMode.ONLINE and not (
            self.venue_name or self.municipality
        ):
            errors["municipality"] = _("Give the place and municipality of an on-site event.")
        if errors:
            raise ValidationError(errors)
