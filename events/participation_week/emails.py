"""E-mails to the person who submitted an event: received (with the edit link),
edit received, approved, rejected. Written in the language of the week's page."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from cms.links import page_url
from cms.outbox import queue_email
from events.participation_week.links import manage_url

SUBJECTS = {
    "received": lambda: _("We received your event for the participation week"),
    "updated": lambda: _("We received the changes to your event"),
    "approved": lambda: _("Your event is in the participation week programme"),
    "rejected": lambda: _("Your event was not added to the participation week programme"),
}


def queue_submission_email(submission, kind):
    """Store the e-mail to the submitter; cms.outbox sends it after the commit."""
    language = submission.week.locale.language_code
    with override(language):
        context = {
            "submission": submission,
            "week": submission.week,
            "kind": kind,
            "manage_url": manage_url(submission),
            "event_url": page_url(submission.event) if submission.event else "",
        }
        text = render_to_string("events/participation_week/emails/submission.txt", context)
        subject = str(SUBJECTS[kind]())
    return queue_email(
        to=submission.contact_email,
        subject=subject,
        text=text,
        purpose=f"events.week-submission.{kind}",
        language=language,
    )
