"""The survey invitation e-mail, in the language the person registered in."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from events.formatting import event_when
from events.surveys.links import survey_url


def render(invitation, registration):
    """The message as `cms.outbox.queue_email` keyword arguments."""
    event = invitation.event
    with override(registration.language):
        shown = event.page_in(registration.language)
        context = {
            "name": registration.name,
            "event": shown,
            "when": event_when(event),
            "survey_url": survey_url(invitation, registration.language),
            "language": registration.language,
        }
        subject = _("How was it? A short survey about %(title)s") % {"title": shown.title}
        text = render_to_string("events/emails/survey.txt", context)
        html = render_to_string("events/emails/survey.html", context)
    return {
        "to": registration.email,
        "subject": subject,
        "text": text,
        "html": html,
        "language": registration.language,
    }
