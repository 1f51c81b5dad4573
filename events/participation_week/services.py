"""What happens to a submission: received, edited, withdrawn, approved or rejected.

An approved submission becomes (or updates) a published event page under its week;
withdrawing or rejecting it later marks that event cancelled instead of deleting it,
so calendars that already show it are told to drop it."""

from django.db import transaction
from django.db.models import Q
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from wagtail.rich_text import RichText

from cms.ratelimit import RateLimit
from events.models import EventPage, Submission
from events.participation_week import emails
from network.models import Member, Organisation

# At most five submissions an hour from one address: a real organiser sends one or two.
SUBMISSIONS = RateLimit("events.week-submissions", limit=5, window=60 * 60)
# Words shorter than this ("ry", "oy", "ja") match too many organisations to suggest.
MATCH_WORD = 5


def _notify(submission, kind):
    emails.queue_submission_email(submission, kind)


def receive(submission):
    """Store a new submission, linked to the submitter's member record, and send the
    submitter their edit link."""
    submission.status = Submission.Status.PENDING
    submission.member = Member.for_email(submission.contact_email, name=submission.contact_name)
    submission.save()
    _notify(submission, "received")
    return submission


def resubmit(submission):
    """An edit by the submitter goes back to moderation; the programme keeps the last
    approved version until a moderator approves the new one."""
    submission.status = Submission.Status.PENDING
    submission.rejection_reason = ""
    submission.save()
    _notify(submission, "updated")
    return submission


@transaction.atomic
def withdraw(submission):
    submission.status = Submission.Status.WITHDRAWN
    submission.save(update_fields=["status", "updated_at"])
    _cancel_event(submission)


@transaction.atomic
def approve(submission, user=None, *, organisation=None, create_organisation=False, notify=True):
    """Publish the submission as an event in the week's programme and tell the submitter
    (`notify=False` is for demo content, whose addresses nobody reads).

    The organiser is the `organisation` the moderator matched, else one whose name is
    the typed name exactly; a new organisation is added only when the moderator
    confirmed it (`create_organisation`), so spelling variants never multiply."""
    organisation = organisation or matching_organisation(submission)
    if organisation is None and create_organisation:
        organisation = Organisation.objects.create(
            name=submission.organiser_name.strip(), region=submission.region
        )
    event = _publish_event(submission, user, organisation)
    submission.event = event
    submission.status = Submission.Status.APPROVED
    submission.rejection_reason = ""
    submission.save()
    if notify:
        _notify(submission, "approved")
    return event


@transaction.atomic
def reject(submission, reason, user=None):
    submission.status = Submission.Status.REJECTED
    submission.rejection_reason = reason
    submission.save()
    _cancel_event(submission, user)
    _notify(submission, "rejected")


def _cancel_event(submission, user=None):
    event = submission.event
    if event is None or not event.live or event.is_cancelled:
        return
    event = event.get_latest_revision_as_object()
    event.status = EventPage.Status.CANCELLED
    event.save_revision(user=user).publish(user=user)


def matching_organisation(submission):
    """The network's organisation whose name is the typed one, ignoring case."""
    return Organisation.objects.filter(name__iexact=submission.organiser_name.strip()).first()


def similar_organisations(submission, limit=8):
    """Organisations the moderator may mean: names sharing a longer word with the typed
    name ("Kuopion Osallisuusyhdistys" finds "Osallisuusyhdistys Kuopio ry")."""
    words = [word for word in submission.organiser_name.split() if len(word) >= MATCH_WORD]
    if not words:
        return Organisation.objects.none()
    query = Q()
    for word in words:
        query |= Q(name__icontains=word)
    return Organisation.objects.filter(query).order_by("name")[:limit]


def _body(submission, language_code):
    paragraphs = [
        f"<p>{escape(part)}</p>" for part in submission.description.split("\n\n") if part.strip()
    ]
    if submission.link:
        with override(language_code):
            label = _("Registration and more information")
        paragraphs.append(f'<p><a href="{escape(submission.link)}">{escape(label)}</a></p>')
    return [("paragraph", RichText("".join(paragraphs)))]


def _free_slug(parent, title):
    """The title as the page's address; -2, -3… only when a sibling already has it."""
    base = slugify(title)[:60].strip("-") or "tapahtuma"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _publish_event(submission, user, organisation):
    week = submission.week
    fields = {
        "title": submission.title,
        "lead": Truncator(" ".join(submission.description.split())).chars(300),
        "event_type": submission.event_type,
        "start": submission.start,
        "end": submission.end,
        "status": EventPage.Status.SCHEDULED,
        "attendance_mode": submission.attendance_mode,
        "venue_name": submission.venue_name,
        "street_address": submission.street_address,
        "municipality": submission.municipality,
        "organiser": organisation,
        "language": submission.language,
        "region": submission.region,
        "accessibility_info": submission.accessibility_info,
        "body": _body(submission, week.locale.language_code),
    }
    event = submission.event
    if event is None:
        event = EventPage(slug=_free_slug(week, submission.title), **fields)
        week.add_child(instance=event)
    else:
        event = event.get_latest_revision_as_object()
        for name, value in fields.items():
            setattr(event, name, value)
    event.save_revision(user=user).publish(user=user)
    return event
