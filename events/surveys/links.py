"""The signed link in a survey invitation: it carries only the invitation's number,
signed and expiring, so it cannot be guessed, altered or used after a month."""

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from cms.links import absolute_url
from events.models import SurveyInvitation

TOKEN_SALT = "events.survey"  # noqa: S105 (a namespace, not a secret)
TOKEN_MAX_AGE = 60 * 60 * 24 * 30
INVALID = _("This survey link is not valid. Check that you copied all of it.")


def survey_url(invitation, language):
    token = signing.dumps(invitation.pk, salt=TOKEN_SALT)
    with override(language):
        return absolute_url(reverse("events:survey", args=[token]))


class LinkProblem(Exception):
    """Why a survey link cannot be used; the message is for the respondent."""


def invitation_from_token(token):
    """The invitation a link points to. Raises LinkProblem when the link is tampered
    with, expired, already used, or its invitation gone."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise LinkProblem(_("This survey link has expired. Thank you for your interest!")) from None
    except signing.BadSignature:
        raise LinkProblem(INVALID) from None
    invitation = (
        SurveyInvitation.objects.select_related("event", "version").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if invitation is None:
        raise LinkProblem(INVALID)
    if invitation.answered:
        raise LinkProblem(_("This survey has already been answered with this link. Thank you!"))
    return invitation
