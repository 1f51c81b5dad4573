"""What happens to a submission: received, edited, withdrawn, approved or rejected.

An approved submission becomes (or updates) a published event page under its week;
withdrawing or rejecting it later marks that event cancelled instead of deleting it,
so calendars that already show it are told to drop it."""

import base64
import hashlib

from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from wagtail.rich_text import RichText

from events.models import EventPage, Submission
from events.participation_week.tasks import send_submission_email
from network.models import Member, Organisation

TOKEN_SALT = "events.participation-week.submission"  # noqa: S105  (a salt, not a secret)
TOKEN_MAX_AGE = 60 * 60 * 24 * 365
RATE_LIMIT = 5
RATE_WINDOW = 60 * 60


def submission_token(submission):
    """A signed, expiring token for the submitter's edit link. Wagtail routes only
    letters, digits, "_" and "-" in page paths, so the signed value is re-encoded."""
    signed = signing.dumps({"submission": submission.pk}, salt=TOKEN_SALT)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def submission_from_token(token):
    """The submission a signed link points to, or None when it is forged or too old."""
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        data = signing.loads(signed, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except (ValueError, signing.BadSignature):
        return None
    if not isinstance(data, dict):
        return None
    return Submission.objects.select_related("week").filter(pk=data.get("submission")).first()


def manage_url(submission):
    week = submission.week
    return week.get_full_url() + week.reverse_subpage(
        "manage", kwargs={"token": submission_token(submission)}
    )


def _rate_key(address):
    return "events:week-submissions:" + hashlib.sha256(address.encode()).hexdigest()


def over_rate_limit(address):
    return cache.get(_rate_key(address), 0) >= RATE_LIMIT


def count_submission(address):
    key = _rate_key(address)
    cache.add(key, 0, RATE_WINDOW)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW)


def _notify(submission, kind):
    transaction.on_commit(lambda: send_submission_email.enqueue(submission.pk, kind))


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
def approve(submission, user=None, *, notify=True):
    """Publish the submission as an event in the week's programme and tell the submitter
    (`notify=False` is for demo content, whose addresses nobody reads)."""
    event = _publish_event(submission, user)
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


def _organiser(submission):
    """The network's organisation of that name, added to the network when it is new."""
    name = submission.organiser_name.strip()
    organisation = Organisation.objects.filter(name__iexact=name).first()
    if organisation is None:
        organisation = Organisation.objects.create(name=name, region=submission.region)
    return organisation


def _body(submission, language_code):
    paragraphs = [
        f"<p>{escape(part)}</p>" for part in submission.description.split("\n\n") if part.strip()
    ]
    if submission.link:
        with override(language_code):
            label = _("Registration and more information")
        paragraphs.append(f'<p><a href="{escape(submission.link)}">{escape(label)}</a></p>')
    return [("paragraph", RichText("".join(paragraphs)))]


def _publish_event(submission, user):
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
        "organiser": _organiser(submission),
        "language": submission.language,
        "region": submission.region,
        "accessibility_info": submission.accessibility_info,
        "body": _body(submission, week.locale.language_code),
    }
    event = submission.event
    if event is None:
        slug = f"{slugify(submission.title)[:60].strip('-') or 'tapahtuma'}-{submission.pk}"
        event = EventPage(slug=slug, **fields)
        week.add_child(instance=event)
    else:
        event = event.get_latest_revision_as_object()
        for name, value in fields.items():
            setattr(event, name, value)
    event.save_revision(user=user).publish(user=user)
    return event
