"""What each ESP's anymail backend lets a newsletter send use, and how its errors count.

anymail raises AnymailUnsupportedFeature for any message attribute an ESP cannot take,
even a tracking flag set to False, so the send asks for a feature only where the table
below says the backend takes it. The table was read from anymail 15.2's backends and is
checked against them by tests/newsletters/test_esp_capabilities.py: an anymail upgrade
that changes a backend fails that test rather than a live send.

Batch sending needs the ESP to fill per-recipient links into an inline (not stored)
template and to take per-recipient headers. Where it cannot (Postmark, Brevo, Amazon
SES, Resend: anymail raises for merge_data without a stored template), the project
fills each recipient's links and headers itself and sends one message per recipient.
"""

import smtplib
from dataclasses import dataclass

from anymail.backends.base import AnymailBaseBackend
from anymail.exceptions import AnymailAPIError, AnymailError, AnymailRecipientsRefused


@dataclass(frozen=True)
class Capabilities:
    # The ESP's inline merge-field syntax with NAME for the field; empty when the ESP
    # cannot fill per-recipient values into an inline body.
    merge_field: str = ""
    merge_headers: bool = False
    merge_metadata: bool = False
    metadata: bool = False
    tags: bool = False
    tracking: bool = False  # track_opens and track_clicks

    @property
    def batch(self):
        """One ESP call per batch, the ESP building each recipient's message."""
        return bool(self.merge_field) and self.merge_headers


PER_RECIPIENT = Capabilities()

# Keyed by anymail's `esp_name`. Tags: one tag per message works on every ESP below.
CAPABILITIES = {
    "Test": Capabilities("{{NAME}}", True, True, True, True, True),
    "Mailgun": Capabilities("%recipient.NAME%", True, True, True, True, True),
    "Mailjet": Capabilities("[[var:NAME]]", True, True, True, True, True),
    "SparkPost": Capabilities("{{NAME}}", True, True, True, True, True),
    "Postmark": Capabilities(metadata=True, tags=True, tracking=True),
    "Brevo": Capabilities(metadata=True, tags=True),
    "Amazon SES": Capabilities(metadata=True, tags=True),
    "Resend": Capabilities(metadata=True, tags=True),
    # anymail dropped official SendGrid support; its backend still takes these.
    "SendGrid": Capabilities(metadata=True, tags=True, tracking=True),
}


def capabilities(connection):
    """The features a send may use on this e-mail backend. SMTP and other non-anymail
    backends, and ESPs not in the table, get one plain message per recipient."""
    if not isinstance(connection, AnymailBaseBackend):
        return PER_RECIPIENT
    return CAPABILITIES.get(connection.esp_name, PER_RECIPIENT)


class TransientSendError(Exception):
    """The ESP or mail server could not take the messages now; trying later may work."""


class PermanentSendError(Exception):
    """Trying again will not help until someone fixes the cause (credentials, sender
    domain, an unsupported feature): the send stops and shows the error."""


def is_recipient_refusal(error):
    """The ESP or server refused this recipient only; the send goes on."""
    return isinstance(error, AnymailRecipientsRefused | smtplib.SMTPRecipientsRefused)


def classify(error):
    """A TransientSendError or PermanentSendError for an error from a backend."""
    status = getattr(error, "status_code", None)
    if isinstance(error, AnymailAPIError) and (status is None or status == 429 or status >= 500):
        return TransientSendError(str(error))
    if isinstance(error, smtplib.SMTPResponseException) and 400 <= error.smtp_code < 500:
        return TransientSendError(str(error))
    if isinstance(error, AnymailError | smtplib.SMTPResponseException):
        return PermanentSendError(str(error))
    if isinstance(error, OSError | smtplib.SMTPException):
        return TransientSendError(str(error))
    return PermanentSendError(f"{type(error).__name__}: {error}")
