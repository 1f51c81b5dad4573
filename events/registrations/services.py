"""Side effects of registrations: taking seats under a lock on the event, cancelling and
promoting, queuing and sending e-mails, reminders, schedule changes and anonymisation.

Registrations belong to the event record (`Event`), whatever language the registrant
read it in. Every change to who holds a seat runs inside one transaction that first
locks the record's row (`select_for_update`; SQLite takes its write lock when the transaction
begins), so two requests never both count the same free seat."""

import datetime
import logging
from dataclasses import dataclass

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import outbox
from cms.models import OutgoingEmail
from events.models import EmailDelivery, Event, Registration
from events.models.seats import seats_of
from events.registrations import emails
from network.models import Member

logger = logging.getLogger(__name__)

LOCK_TIMEOUT_MS = 5000
DEFAULT_RETENTION_DAYS = 90


class RegistrationError(Exception):
    """A registration that cannot be made, with a message fit for the registrant."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class RegistrationBusy(RegistrationError):
    def __init__(self):
        super().__init__(
            _("Many people are registering right now. Nothing was saved; please try again.")
        )


@dataclass
class Outcome:
    registration: Registration
    created: bool


def privacy_notice_version(site_settings):
    """Which privacy notice the registrant agreed to: the page and its live revision."""
    page = site_settings.privacy_page if site_settings else None
    if page is None:
        return "none"
    return f"page {page.pk}, revision {page.live_revision_id}"


# Seats ----------------------------------------------------------------------------------


def _locked_event(event_pk):
    """The event record's row, locked until the transaction ends; waits at most
    LOCK_TIMEOUT_MS."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = {int(LOCK_TIMEOUT_MS)}")
    return Event.objects.select_for_update().get(pk=event_pk)


def _has_free_seat(locked_event):
    return seats_of(locked_event).has_free_seat


def register(event, data, *, language, added_by_staff=False, now=None):
    """Confirm or waiting-list a registration for the event record `event`, or return
    the existing one for the same e-mail. Raises RegistrationError with the reason when
    the event takes nobody."""
    if not isinstance(event, Event):  # a page's pk is no record's: never guess
        raise TypeError("register() takes the event record (page.event), not a page.")
    now = now or timezone.now()
    try:
        with transaction.atomic():
            locked = _locked_event(event.pk)
            existing = Registration.objects.active().filter(event=locked)
            existing = existing.with_email(data["email"]).first()
            if existing is not None:
                return Outcome(existing, created=False)
            reason = "" if added_by_staff else locked.registration_closed_reason(now)
            if reason:
                raise RegistrationError(reason)
            if _has_free_seat(locked):
                status = Registration.Status.CONFIRMED
            elif locked.waiting_list_enabled or added_by_staff:
                status = Registration.Status.WAITING
            else:
                raise RegistrationError(_("This event is full and has no waiting list."))
            registration = Registration.objects.create(
                event=locked,
                status=status,
                language=language,
                added_by_staff=added_by_staff,
                created_at=now,
                member=_member_for(data["email"], data.get("name", "")),
                **data,
            )
            kind = (
                EmailDelivery.Kind.CONFIRMATION
                if status == Registration.Status.CONFIRMED
                else EmailDelivery.Kind.WAITING
            )
            queue_email(registration, kind)
    except OperationalError as error:
        logger.warning("Registration lock wait gave up: %s", error.__class__.__name__)
        raise RegistrationBusy() from error
    except IntegrityError:
        # The same address won a race we lost: it already holds its place.
        existing = Registration.objects.active().filter(event_id=event.pk)
        existing = existing.with_email(data["email"]).first()
        if existing is None:
            raise
        return Outcome(existing, created=False)
    return Outcome(registration, created=True)


def _member_for(email, name):
    """The network member with this address, so one person's data can be found later."""
    try:
        with transaction.atomic():
            return Member.for_email(email, name=name)
    except IntegrityError:
        return Member.objects.filter(email__iexact=email).first()


LINK_RESEND_WINDOW = datetime.timedelta(hours=1)


def resend_link(registration, now=None):
    """Send the registrant their personal link again, at most once per window however
    often someone posts their address (so the form cannot be used to flood them).
    Returns whether an e-mail was queued."""
    now = now or timezone.now()
    window = int(now.timestamp() // LINK_RESEND_WINDOW.total_seconds())
    return queue_email(registration, EmailDelivery.Kind.LINK, key=f"window-{window}") is not None


def update_answers(registration, data):
    for name, value in data.items():
        setattr(registration, name, value)
    registration.save()


def cancel(registration, *, notify=True):
    """Cancel a registration, free its seat and promote whoever waits first.
    `notify=False` when the person erased their data: there is nobody to write to."""
    with transaction.atomic():
        locked = _locked_event(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.is_cancelled:
            return registration
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        if notify:
            queue_email(registration, EmailDelivery.Kind.CANCELLED)
        fill_free_seats(locked)
    return registration


def fill_free_seats(locked_event):
    """Promote from the waiting list while seats are free. Call with the event locked."""
    promoted = []
    if locked_event.has_ended or locked_event.is_cancelled:
        return promoted
    while _has_free_seat(locked_event):
        first = Registration.objects.filter(event=locked_event).waiting().first()
        if first is None:
            break
        _confirm(first)
        promoted.append(first)
    return promoted


def promote_waiting(event_pk):
    """After a change that may add or free seats (capacity raised, a registration
    deleted), give them to the waiting list in order, under the event's lock."""
    with transaction.atomic():
        return fill_free_seats(_locked_event(event_pk))


def _confirm(registration):
    registration.status = Registration.Status.CONFIRMED
    registration.save(update_fields=["status", "updated_at"])
    queue_email(registration, EmailDelivery.Kind.PROMOTED)


def promote(registration):
    """Staff move someone from the waiting list to a seat, even past the capacity."""
    with transaction.atomic():
        _locked_event(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.is_waiting:
            _confirm(registration)
    return registration


def move(registration, target_event):
    """Staff move a registration to another event, where it takes a seat if one is free."""
    data = {
        field: getattr(registration, field)
        for field in ("name", "email", "organisation", "project", "region", "needs")
    }
    data["consent_version"] = registration.consent_version
    outcome = register(target_event, data, language=registration.language, added_by_staff=True)
    cancel(registration)  # its cancellation removes the old event from their calendar
    return outcome


def set_attendance(registrations, attended):
    """Mark who came; only a confirmed registration held a seat, so only those change.
    Returns how many were marked."""
    return registrations.confirmed().update(attended=attended)


# E-mail --------------------------------------------------------------------------------


def queue_email(registration, kind, *, key="", subject="", body=""):
    """Record that this registrant is told `kind` and store the rendered message in the
    outbox, which sends it once the transaction commits. With a key, the same e-mail is
    queued once only; returns None when it already was."""
    try:
        with transaction.atomic():
            delivery = EmailDelivery.objects.create(registration=registration, kind=kind, key=key)
    except IntegrityError:
        return None
    message = emails.render(registration, kind, subject=subject, body=body)
    delivery.message = outbox.queue_email(purpose=f"events.{kind}", **message)
    delivery.save(update_fields=["message"])
    return delivery


def retry_failed_deliveries(event):
    """Staff send the event's failed e-mails again, with a fresh set of attempts (the
    outbox sends each after the commit); returns the outbox rows retried."""
    failed = EmailDelivery.objects.filter(
        registration__event=event, message__status=OutgoingEmail.Status.FAILED
    )
    pks = [pk for pk in failed.values_list("message_id", flat=True) if outbox.retry(pk)]
    return pks


def message_recipients(event):
    """Who staff's message to the registrants goes to: everyone with a seat who can
    still be written to. The form's count, the e-mails and their stored rows all come
    from here, so the number staff are shown is the number told."""
    return Registration.objects.filter(event=event).confirmed().reachable()


def message_confirmed(event, subject, body):
    """A message from staff to everyone with a seat; returns how many were queued."""
    queued = 0
    with transaction.atomic():
        for registration in message_recipients(event):
            queue_email(registration, EmailDelivery.Kind.MESSAGE, subject=subject, body=body)
            queued += 1
    return queued


# Reminders and schedule changes --------------------------------------------------------


def reminder_key(event):
    return event.start.isoformat()


def send_due_reminders(now=None, event_pk=None):
    """Queue the reminder of every confirmed registrant whose event starts within its
    reminder lead time. Keyed by the start time, so running twice sends once and a
    moved event gets a fresh reminder."""
    now = now or timezone.now()
    events = Event.objects.filter(
        pages__live=True,
        registration_enabled=True,
        reminder_hours__gt=0,
        start__gt=now,
        withdrawn_at__isnull=True,
    ).distinct()
    if event_pk:
        events = events.filter(pk=event_pk)
    queued = 0
    for event in events.exclude(status=Event.Status.CANCELLED):
        if event.reminder_due_at > now:
            continue
        key = reminder_key(event)
        for registration in Registration.objects.filter(event=event).confirmed().reachable():
            if queue_email(registration, EmailDelivery.Kind.REMINDER, key=key):
                queued += 1
    return queued


def reminders_due_at(event):
    """When the event's reminders fall due, for a deferred task; None without any."""
    due = event.reminder_due_at
    if not event.registration_enabled or due is None:
        return None
    return max(due, timezone.now())


def change_recipients(event_pk):
    """Who is told that the event changed, was cancelled or withdrawn: everyone with a
    seat or a queue place who can still be written to. The withdrawal's confirmation
    and the admin's report after a save count the same people."""
    return Registration.objects.filter(event_id=event_pk).active().reachable()


def notify_schedule_change(event_pk, sequence):
    """Tell registrants that the event moved or was cancelled; their calendar entry
    updates because the invitation keeps the UID and carries the higher SEQUENCE."""
    event = Event.objects.get(pk=event_pk)
    registrations = change_recipients(event.pk)
    kind = EmailDelivery.Kind.EVENT_CANCELLED if event.is_cancelled else EmailDelivery.Kind.UPDATE
    with transaction.atomic():
        for registration in registrations:
            queue_email(registration, kind, key=f"sequence-{sequence}")
    return event


# Retention -----------------------------------------------------------------------------


def anonymise_registrations(days=DEFAULT_RETENTION_DAYS, now=None):
    """Blank personal data of registrations whose event ended more than `days` ago.
    Status and attendance stay, so the event's counts stay true."""
    now = now or timezone.now()
    return anonymise(Registration.objects.due_for_anonymisation(days, now=now), now)


def anonymise(registrations, now):
    """Blank what names the person on these registrations and delete the stored
    e-mails sent to them; the rows, their status and "who was told what" stay."""
    messages = EmailDelivery.objects.filter(registration__in=registrations).values("message")
    OutgoingEmail.objects.filter(pk__in=messages).delete()
    return registrations.update(
        name="",
        email="",
        organisation="",
        project=None,
        needs="",
        answers={},
        member=None,
        anonymised_at=now,
    )
