from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from cms.ratelimit import too_many_requests


def locked_out(request, response=None, credentials=None):
    """django-axes' answer when failed sign-ins lock the account or the address: the
    shared 429 page, with the wait in minutes.

    The admin's address has no language prefix, so Django would always answer in
    Finnish; someone locked out is better told in their browser's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    with translation.override(translation.get_language_from_request(request)):
        message = _(
            "Too many failed sign-in attempts. Signing in is locked for %(minutes)s minutes; "
            "if you have forgotten your password, reset it."
        ) % {"minutes": minutes}
        return too_many_requests(request, message, retry_after=minutes * 60)
