"""Links registrants follow: the signed link to their own page (it carries only the
registration's number, signed and expiring, so it reveals nothing and cannot be guessed
or altered) and the privacy notice they agree to."""

from django.core import signing
from django.urls import reverse
from django.utils.translation import override

from cms.links import absolute_url
from events.models import Registration

TOKEN_SALT = "events.registration"  # noqa: S105 (a namespace, not a secret)
TOKEN_MAX_AGE = 60 * 60 * 24 * 400


def registration_token(registration):
    return signing.dumps(registration.pk, salt=TOKEN_SALT)


def registration_from_token(token):
    """The registration a signed link points to, or None when the link is tampered with,
    expired or its registration gone."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return (
        Registration.objects.select_related("event")
        .filter(pk=pk, anonymised_at__isnull=True)
        .first()
    )


def manage_url(registration):
    with override(registration.language):
        path = reverse("events:manage", args=[registration_token(registration)])
    return absolute_url(path)


def privacy_notice_url(request, site_settings):
    """The privacy notice in the reader's language, or "" when there is none."""
    page = site_settings.privacy_page
    if page is None:
        return ""
    page = page.localized
    return page.get_url(request) if page.live else ""
