"""E-mails to the person who submitted an event: received (with the edit link),
edit received, approved, rejected. Written in the language of the week's page."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from events.models import Submission

SUBJECTS = {
    "received": lambda: _("We received your event for the participation week"),
    "updated": lambda: _("We received the changes to your event"),
    "approved": lambda: _("Your event is in the participation week programme"),
    "rejected": lambda: _("Your event was not added to the participation week programme"),
}


def send_submission_email(submission_id, kind):
    from events.participation_week.services import manage_url

    submission = Submission.objects.select_related("week", "event").filter(pk=submission_id).first()
    if submission is None or kind not in SUBJECTS:
        return
    with override(submission.week.locale.language_code):
        context = {
            "submission": submission,
            "week": submission.week,
            "kind": kind,
            "manage_url": manage_url(submission),
            "event_url": submission.event.get_full_url() if submission.event else "",
        }
        text = render_to_string("events/participation_week/emails/submission.txt", context)
        message = EmailMultiAlternatives(str(SUBJECTS[kind]()), text, to=[submission.contact_email])
    message.send()
