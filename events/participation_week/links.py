"""The submitter's own link: signed and expiring, it carries only the submission's
number, so it reveals nothing and cannot be guessed or altered."""

import base64

from django.core import signing
from django.urls import reverse
from django.utils.translation import override

from cms.links import absolute_url
from events.models import Submission

TOKEN_SALT = "events.participation-week.submission"  # noqa: S105  (a salt, not a secret)
TOKEN_MAX_AGE = 60 * 60 * 24 * 365


def submission_token(submission):
    """A signed, expiring token for the submitter's edit link. The signed value is
    re-encoded to letters, digits, "_" and "-", which the link's first address below
    the week's page needed and links sent then still carry."""
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
    """The submitter's own page (events/urls.py), in the language of the week's page."""
    with override(submission.week.language_code):
        path = reverse("events:week_submission", args=[submission_token(submission)])
    return absolute_url(path)
