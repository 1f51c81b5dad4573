"""anymail's test backend without its outbox: the benchmark worker hands every batch
to anymail (payload building, merge data and headers, recipient statuses) but keeps
no message, so the measured memory is the worker's own."""

from anymail.backends.test import EmailBackend
from anymail.message import AnymailRecipientStatus


class NoOutboxEmailBackend(EmailBackend):
    def post_to_esp(self, payload, message):
        payload.get_params()
        return {"recipient_status": self._accept_all(payload)}

    def _accept_all(self, payload):
        self._count = getattr(self, "_count", 0) + 1
        status = AnymailRecipientStatus(message_id=f"bench-{self._count}", status="sent")
        return dict.fromkeys(payload.recipient_emails, status)


class PerRecipientEmailBackend(NoOutboxEmailBackend):
    """An ESP missing from the capability table (like Postmark, Brevo, SES or Resend
    for merging): the send builds and sends one message per recipient."""

    esp_name = "Bench per recipient"
