"""The capability table (newsletters.services.esp) checked against anymail's real
backends: every feature it lets a send use is accepted, and every tracking, metadata or
tag feature it withholds is one anymail refuses. An anymail upgrade that changes a
backend fails here, not in a live send."""

import smtplib
from unittest import mock

from django.core.mail import EmailMultiAlternatives, get_connection

import pytest
import requests
from anymail.exceptions import AnymailAPIError, AnymailRequestsAPIError, AnymailUnsupportedFeature

from newsletters.services.esp import (
    CAPABILITIES,
    PermanentSendError,
    TransientSendError,
    classify,
)
from tests.newsletters import esp_fakes

TO = ["lukija1@example.org", "lukija2@example.org"]
FEATURES = {
    "merge_data": lambda m: setattr(m, "merge_data", {a: {"unsubscribe_url": a} for a in TO}),
    "merge_headers": lambda m: setattr(m, "merge_headers", {a: {"List-Id": "<a.b>"} for a in TO}),
    "merge_metadata": lambda m: setattr(m, "merge_metadata", {a: {"delivery_id": "1"} for a in TO}),
    "metadata": lambda m: setattr(m, "metadata", {"send_id": "1"}),
    "tags": lambda m: setattr(m, "tags", ["newsletter"]),
    "track_opens": lambda m: setattr(m, "track_opens", False),
    "track_clicks": lambda m: setattr(m, "track_clicks", False),
}
# Withheld merge features are not checked: some backends take them, but without
# inline merge a batch cannot carry each recipient's own links anyway.
ALWAYS_CHECKED = {"metadata", "tags", "track_opens", "track_clicks"}


class Built(Exception):
    """Raised instead of calling the ESP: the payload was built without objection."""


def claimed(caps, feature):
    return {
        "merge_data": bool(caps.merge_field),
        "merge_headers": caps.merge_headers,
        "merge_metadata": caps.merge_metadata,
        "metadata": caps.metadata,
        "tags": caps.tags,
        "track_opens": caps.tracking,
        "track_clicks": caps.tracking,
    }[feature]


def cases():
    for fake in esp_fakes.ESPS:
        name = get_esp_name(fake)
        for feature in FEATURES:
            if feature in ALWAYS_CHECKED or claimed(CAPABILITIES[name], feature):
                yield pytest.param(fake, name, feature, id=f"{fake.__name__}-{feature}")


def get_esp_name(fake):
    return {"AmazonSES": "Amazon SES"}.get(fake.__name__, fake.__name__)


def build(settings, fake, feature):
    settings.EMAIL_BACKEND = fake.backend
    settings.ANYMAIL = fake.settings
    message = EmailMultiAlternatives("Aihe", "teksti", "noreply@example.org", TO)
    message.attach_alternative("<p>teksti</p>", "text/html")
    FEATURES[feature](message)
    client = mock.Mock()
    client.send_email.side_effect = Built
    with (
        mock.patch("requests.Session.request", side_effect=Built),
        mock.patch("boto3.session.Session.client", return_value=client),
    ):
        get_connection().send_messages([message])


@pytest.mark.parametrize(("fake", "name", "feature"), list(cases()))
def test_the_capability_table_matches_anymails_backend(settings, fake, name, feature):
    if claimed(CAPABILITIES[name], feature):
        with pytest.raises(Built):
            build(settings, fake, feature)
    else:
        with pytest.raises(AnymailUnsupportedFeature):
            build(settings, fake, feature)


def api_error(status):
    response = requests.Response()
    response.status_code = status
    return AnymailRequestsAPIError("ESP answered", response=response)


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (api_error(503), TransientSendError),
        (api_error(429), TransientSendError),
        (AnymailAPIError("connection reset"), TransientSendError),
        (api_error(401), PermanentSendError),
        (api_error(422), PermanentSendError),
        (AnymailUnsupportedFeature("no merge_data"), PermanentSendError),
        (smtplib.SMTPServerDisconnected("gone"), TransientSendError),
        (smtplib.SMTPResponseException(451, b"try later"), TransientSendError),
        (smtplib.SMTPAuthenticationError(535, b"bad credentials"), PermanentSendError),
        (smtplib.SMTPSenderRefused(550, b"not yours", "noreply@example.org"), PermanentSendError),
        (ConnectionRefusedError(), TransientSendError),
        (KeyError("MessageId"), PermanentSendError),
    ],
)
def test_errors_that_a_retry_can_fix_are_transient_and_others_stop_the_send(error, kind):
    assert isinstance(classify(error), kind)
