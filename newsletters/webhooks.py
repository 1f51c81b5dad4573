"""The ESPs' tracking webhooks: anymail's views, closed without a shared secret and
answering 400 to a body they cannot read.

anymail only warns when ANYMAIL["WEBHOOK_SECRET"] is missing and then accepts anyone's
POST, and a body it cannot parse (not JSON, a list where it expects an object, a
missing field) escapes its parser as a 500 that the ESP retries for days. Here the
webhook answers 403 until the secret is set (`check --deploy` reports it, see
newsletters.checks) and 400 to anything unreadable.
"""

import binascii
from contextlib import contextmanager
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import BadRequest
from django.http import HttpResponseForbidden
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from anymail import urls as anymail_urls
from anymail.exceptions import AnymailError, AnymailWebhookValidationFailure
from anymail.utils import get_anymail_setting

# What a parser raises when the body is not what the ESP sends.
MALFORMED = (
    AnymailError,
    ValueError,  # also json.JSONDecodeError, UnicodeDecodeError
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    binascii.Error,
)


def webhook_secret():
    """The shared basic-auth secret(s) the ESP must send, or None."""
    return get_anymail_setting("webhook_secret", default=None) or None


@contextmanager
def malformed_is_bad_request():
    try:
        yield
    except AnymailWebhookValidationFailure:
        raise  # already a 400 (SuspiciousOperation), logged as a security event
    except MALFORMED as error:
        raise BadRequest("Unreadable webhook body") from error


class StrictParsingMixin:
    """Wraps only anymail's validation and parsing, not the signal receivers: an error
    in recording an event stays a 500, so the ESP tries again later."""

    def run_validators(self, request):
        with malformed_is_bad_request():
            super().run_validators(request)

    def parse_events(self, request):
        with malformed_is_bad_request():
            return list(super().parse_events(request))


def closed_without_secret(view_class):
    """The view of one ESP, refusing every request while no secret is configured."""
    strict = type(view_class.__name__, (StrictParsingMixin, view_class), {})
    view = strict.as_view()

    @csrf_exempt
    @login_not_required
    @wraps(view)
    def webhook(request, *args, **kwargs):
        if not webhook_secret():
            return HttpResponseForbidden("Webhook disabled: ANYMAIL_WEBHOOK_SECRET is not set.")
        return view(request, *args, **kwargs)

    return webhook


def tracking_patterns():
    """anymail's tracking URLs and names (e.g. `postmark_tracking_webhook`), wrapped.
    Inbound mail is not processed here, so its URLs are not served."""
    return [
        path(str(p.pattern), closed_without_secret(p.callback.view_class), name=p.name)
        for p in anymail_urls.urlpatterns
        if p.name.endswith("tracking_webhook")
    ]
