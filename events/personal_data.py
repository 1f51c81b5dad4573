"""The events app's entries in the personal-data registry (cms.privacy): event
registrations with the e-mail sent about them, and participation-week submissions.

Erasing keeps every row, so each event's counts of registrations and attendance stay
true; what identifies the person is blanked. A registration for an event still to
come is cancelled first (without mail: there is nobody left to write to), so its
seat goes to whoever waits."""

import re
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cms import privacy
from events.models import Registration, Submission
from events.registrations import services

SUBMISSION_RETENTION = timedelta(days=365)


def _registrations(member):
    return Registration.objects.filter(Q(member=member) | Q(email__iexact=member.email))


def _submissions(member):
    return Submission.objects.filter(Q(member=member) | Q(contact_email__iexact=member.email))


def export_registrations(member):
    rows = _registrations(member).select_related("event", "region", "project")
    rows = rows.prefetch_related("event__pages", "deliveries__message")
    return [
        {
            "event": _title(registration),
            "event_starts": registration.event.start.isoformat(),
            "status": registration.status,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "project": str(registration.project or ""),
            "region": str(registration.region or ""),
            "needs": registration.needs,
            "answers": registration.answers,
            "language": registration.language,
            "privacy_notice_version": registration.consent_version,
            "attended": registration.attended,
            "registered_at": registration.created_at.isoformat(),
            "emails": [
                {
                    "kind": delivery.kind,
                    "subject": delivery.message.subject if delivery.message else "",
                    "status": delivery.message.status if delivery.message else "",
                }
                for delivery in registration.deliveries.all()
            ],
        }
        for registration in rows
    ]


def _title(registration):
    """The event as the person read it: its page in the language they registered in."""
    page = registration.page
    return page.title if page is not None else str(registration.event)


def erase_registrations(member):
    now = timezone.now()
    upcoming = _registrations(member).active().filter(event__end__gte=now)
    for registration in upcoming:
        services.cancel(registration, notify=False)
    return _anonymise(_registrations(member), now)


def _anonymise(registrations, now):
    return services.anonymise(registrations, now)


def expire_registrations(now):
    return services.anonymise_registrations(now=now)


def export_submissions(member):
    return [
        {
            "participation_week": submission.week.title,
            "title": submission.title,
            "status": submission.status,
            "organiser": submission.organiser_name,
            "contact_name": submission.contact_name,
            "contact_email": submission.contact_email,
            "submitted_at": submission.submitted_at.isoformat(),
        }
        for submission in _submissions(member).select_related("week")
    ]


# Where people write names in a submission: an organiser that is the submitter's own
# name, a description that says whom to ask, a reason for rejection that quotes them.
FREE_TEXT = [
    "organiser_name",
    "title",
    "description",
    "venue_name",
    "street_address",
    "accessibility_info",
    "rejection_reason",
]
# Shorter words (initials, "ry") would blank text that is nobody's name.
SHORTEST_NAME = 3


def _without(text, words):
    """`text` with every occurrence of each word, ignoring case, replaced by a dash."""
    for word in words:
        text = re.sub(re.escape(word), "–", text, flags=re.IGNORECASE)
    return text


def erase_submissions(member):
    """The event stays in the programme (it was published for everyone); the contact
    person who submitted it is forgotten, and so are their name and address wherever
    they wrote them in the submission, pending or not."""
    submissions = list(_submissions(member))
    for submission in submissions:
        words = {member.name, member.email, submission.contact_name, submission.contact_email}
        words = sorted(
            (word.strip() for word in words if len(word.strip()) >= SHORTEST_NAME),
            key=len,
            reverse=True,  # the full name before a part of it
        )
        texts = {field: _without(getattr(submission, field), words) for field in FREE_TEXT}
        Submission.objects.filter(pk=submission.pk).update(
            contact_name="", contact_email="", member=None, **texts
        )
    return len(submissions)


def expire_submissions(now):
    ended = (now - SUBMISSION_RETENTION).date()
    return (
        Submission.objects.filter(week__end_date__lt=ended)
        .exclude(contact_email="")
        .update(contact_name="", contact_email="", member=None)
    )


def register():
    privacy.register(
        Registration,
        purpose=_("Organising the event the person registered for and keeping them informed."),
        retention=format_lazy(
            _("{days} days after the event ends, then anonymised."),
            days=services.DEFAULT_RETENTION_DAYS,
        ),
        export=export_registrations,
        erase=erase_registrations,
        expire=expire_registrations,
        rows=_registrations,
    )
    privacy.register(
        Submission,
        purpose=_(
            "Moderating a participation-week event and contacting the person who offered it."
        ),
        retention=_("One year after the participation week, then the contact is removed."),
        export=export_submissions,
        erase=erase_submissions,
        expire=expire_submissions,
        rows=_submissions,
    )
