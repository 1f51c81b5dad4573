"""Registrations for events: the extra questions editors ask, the registrations
themselves and a record of every e-mail sent about them. Registrations belong to the
event record (`Event`), never to one language's page."""

import datetime
import uuid

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey


class RegistrationQuestion(Orderable):
    """An extra question editors ask on an event's registration form. Each language's
    page words it in its own language; the translations of one question share its `key`,
    which the answers are stored under, so answers given in any language are one column."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("One of the choices")
        CHECKBOX = "checkbox", _("Checkbox")

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="registration_questions"
    )
    key = models.UUIDField(_("key"), default=uuid.uuid4, editable=False)
    label = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(
        _("help text"), max_length=300, blank=True, help_text=_("Shown under the question.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.TEXT)
    choices = models.TextField(
        _("choices"), blank=True, max_length=2000, help_text=_("One choice per line.")
    )
    required = models.BooleanField(_("required"), default=False)

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")

    def __str__(self):
        return self.label

    @property
    def field_name(self):
        return f"question_{self.key}"

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        """The waiting list, first come first served."""
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def cancelled(self):
        return self.filter(status=Registration.Status.CANCELLED)

    def active(self):
        """Registrations that hold a seat or a place in the queue."""
        return self.filter(status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING])

    def reachable(self):
        """Registrations whose person can still be written to. Anonymisation (retention,
        a person's erasure) keeps the row and its status for the event's counts but
        blanks the address: such a row is never a recipient, nor counted as one."""
        return self.filter(anonymised_at__isnull=True).exclude(email="")

    def with_email(self, email):
        return self.filter(email__iexact=email.strip())

    def due_for_anonymisation(self, days, now=None):
        cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
        return self.filter(event__end__lt=cutoff, anonymised_at__isnull=True)

    def counts(self):
        """Cancelled and attended in one query (seats: events.models.seats)."""
        return self.aggregate(
            cancelled=models.Count("pk", filter=models.Q(status=Registration.Status.CANCELLED)),
            attended=models.Count("pk", filter=models.Q(attended=True)),
        )


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,  # who registered and was told what outlives the page
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    project = models.ForeignKey(
        "network.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.ForeignKey(
        "cms.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    needs = models.TextField(_("accessibility or dietary needs"), blank=True, max_length=1000)
    answers = models.JSONField(_("answers to extra questions"), default=dict, blank=True)
    consent_version = models.CharField(_("privacy notice version"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=5, default="fi")
    member = models.ForeignKey(
        "network.Member",
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    added_by_staff = models.BooleanField(_("added by staff"), default=False)
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=models.Q(status__in=["confirmed", "waiting"]) & ~models.Q(email=""),
                name="events_registration_one_active_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return self.name or str(_("Anonymised registration"))

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def waiting_position(self):
        """1 for the first in the queue; None when not waiting."""
        if not self.is_waiting:
            return None
        ahead = Registration.objects.waiting().filter(event_id=self.event_id)
        ahead = ahead.filter(
            models.Q(created_at__lt=self.created_at)
            | models.Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return ahead.count() + 1

    @property
    def page(self):
        """The event's page in the registrant's language (the link in their e-mails)."""
        return self.event.page_in(self.language)

    def answer_rows(self):
        """(question, answer) pairs in the order the event asks them, worded in the
        registrant's language."""
        rows = []
        page = self.page
        for question in page.registration_questions.all() if page else ():
            value = self.answers.get(str(question.key), "")
            if question.kind == RegistrationQuestion.Kind.CHECKBOX:
                value = _("Yes") if value else _("No")
            rows.append((question.label, value))
        return rows


class EmailDelivery(models.Model):
    """Who was told what about a registration: one row per e-mail to a registrant,
    pointing at the stored message in the outbox (`cms.OutgoingEmail`), which holds
    its text, status, attempts and last error. The (registration, kind, key)
    constraint makes reminders, updates and resent links go out once per key. When a
    message is erased (anonymisation, a person's erasure request) this record stays,
    so the event's history of what was sent survives."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Registration confirmed")
        WAITING = "waiting", _("Waiting list")
        PROMOTED = "promoted", _("Moved from the waiting list")
        LINK = "link", _("Personal link sent again")
        CANCELLED = "cancelled", _("Registration cancelled")
        REMINDER = "reminder", _("Reminder")
        UPDATE = "update", _("Event changed")
        EVENT_CANCELLED = "event_cancelled", _("Event cancelled")
        MESSAGE = "message", _("Message from the organiser")

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    key = models.CharField(_("key"), max_length=100, blank=True)
    message = models.ForeignKey(
        "cms.OutgoingEmail",
        verbose_name=_("message"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind", "key"],
                condition=~models.Q(key=""),
                name="events_delivery_once_per_key",
            )
        ]

    def __str__(self):
        return self.get_kind_display()
