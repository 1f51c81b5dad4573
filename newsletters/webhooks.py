"""The ESPs' tracking webhooks: anymail's views, closed without a shared secret,
served only for the ESPs the site is configured for, and answering 400 to a body they
cannot read.

anymail only warns when ANYMAIL["WEBHOOK_SECRET"] is missing and then accepts anyone's
POST, and a body it cannot parse (not JSON, a list where it expects an object, a
missing field) escapes its parser as a 500 that the ESP retries for days. Here the
webhook answers 403 until the secret is set (`check --deploy` reports it, see
newsletters.checks) and 400 to anything unreadable, JSON nested deeper than
MAX_JSON_DEPTH included (Python's parser would hit its recursion limit).

Only the ESP that EMAIL_BACKEND sends through, and those named in
NEWSLETTER_WEBHOOK_ESPS (e.g. "mailgun,postmark", the URL's path segment), are served;
every other ESP's URL answers 404, as does a served ESP whose own setting anymail
needs (MAILGUN_WEBHOOK_SIGNING_KEY, MANDRILL_WEBHOOK_KEY, …) is missing, instead of
the 500 anymail answers then. `check --deploy` reports the missing setting.
"""

import binascii
import re
from contextlib import contextmanager
from functools import wraps
from itertools import accumulate

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest, HttpResponseForbidden, HttpResponseNotFound
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from anymail import urls as anymail_urls
from anymail.exceptions import (
    AnymailConfigurationError,
    AnymailError,
    AnymailWebhookValidationFailure,
)
from anymail.utils import get_anymail_setting

# Deeper than any ESP's payload (theirs are 2-6 levels), far below the recursion limit.
MAX_JSON_DEPTH = 64
ANYMAIL_BACKENDS = "anymail.backends."
# anymail's Brevo backend kept its old name's module and URL too.
SAME_ESP = {"brevo": {"brevo", "sendinblue"}, "sendinblue": {"brevo", "sendinblue"}}

# What a parser raises when the body is not what the ESP sends.
MALFORMED = (
    AnymailError,
    ValueError,  # also json.JSONDecodeError, UnicodeDecodeError
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    binascii.Error,
    RecursionError,  # JSON inside a field (SNS's Message, Mandrill's events), too deep
)


class EspNotConfigured(Exception):
    """The ESP's own setting that anymail needs for its webhook is missing."""


def json_depth_exceeds(body, limit=MAX_JSON_DEPTH):
    """True when the body's brackets, outside JSON strings, nest deeper than `limit`."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    brackets = _JSON_STRINGS.sub(b"", body).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_DEPTH_CHANGE.__getitem__, brackets)), default=0) > limit


# A string, its closing quote optional so that an unclosed one runs to the end.
_JSON_STRINGS = re.compile(rb'"(?:[^"\\]++|\\.)*+"?', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_CHANGE = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def served_esps():
    """The URL names (e.g. "mailgun") of the ESPs whose webhooks are served."""
    served = {name.strip().lower() for name in settings.NEWSLETTER_WEBHOOK_ESPS}
    backend = settings.EMAIL_BACKEND
    if backend.startswith(ANYMAIL_BACKENDS):
        esp = backend.removeprefix(ANYMAIL_BACKENDS).split(".")[0]
        served |= SAME_ESP.get(esp, {esp})
    return served


def missing_configuration(view_class):
    """Why anymail cannot serve this ESP's webhook (the missing setting), or None."""
    try:
        view = view_class()
    except AnymailConfigurationError as error:
        return str(error)
    # Mandrill reads its key only when a POST comes (a HEAD needs none).
    if getattr(view_class, "webhook_key", False) is None and view.webhook_key is None:
        return f"{view.esp_name.upper()}_WEBHOOK_KEY is not set."
    return None


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

    def __init__(self, **kwargs):
        try:
            super().__init__(**kwargs)
        except AnymailConfigurationError as error:
            raise EspNotConfigured(str(error)) from error

    def run_validators(self, request):
        try:
            with malformed_is_bad_request():
                super().run_validators(request)
        except AnymailConfigurationError as error:  # Mandrill's key, read late
            raise EspNotConfigured(str(error)) from error

    def parse_events(self, request):
        with malformed_is_bad_request():
            return list(super().parse_events(request))


def closed_without_secret(view_class, esp):
    """The view of one ESP (`esp`, its URL segment): 404 unless the site is configured
    for it, refusing every request while no secret is configured."""
    strict = type(view_class.__name__, (StrictParsingMixin, view_class), {})
    view = strict.as_view()

    @csrf_exempt
    @login_not_required
    @wraps(view)
    def webhook(request, *args, **kwargs):
        if esp not in served_esps():
            return HttpResponseNotFound(_("This site takes no webhooks from this ESP."))
        if not webhook_secret():
            return HttpResponseForbidden(_("Webhook disabled: ANYMAIL_WEBHOOK_SECRET is not set."))
        if request.method == "POST" and json_depth_exceeds(request.body):
            return HttpResponseBadRequest(
                _("The JSON body is nested more than %(depth)d levels deep.")
                % {"depth": MAX_JSON_DEPTH}
            )
        try:
            return view(request, *args, **kwargs)
        except EspNotConfigured:
            return HttpResponseNotFound(_("This ESP's webhook is not configured on this site."))

    return webhook


def tracking_patterns():
    """anymail's tracking URLs and names (e.g. `postmark_tracking_webhook`), wrapped.
    Inbound mail is not processed here, so its URLs are not served."""
    return [
        path(
            str(p.pattern),
            closed_without_secret(p.callback.view_class, str(p.pattern).split("/")[0]),
            name=p.name,
        )
        for p in anymail_urls.urlpatterns
        if p.name.endswith("tracking_webhook")
    ]
