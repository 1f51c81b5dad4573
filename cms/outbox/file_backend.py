"""The embedded default's e-mail backend: every message becomes an .eml file."""

import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

logger = logging.getLogger(__name__)


class OutboxEmailBackend(BaseEmailBackend):
    """Saves each message under ``EMAIL_OUTBOX_DIR`` as a standard .eml file that any
    mail client opens, and prints one line without personal data to the console."""

    def send_messages(self, email_messages):
        outbox = Path(settings.EMAIL_OUTBOX_DIR)
        outbox.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = outbox / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            path.write_bytes(message.message().as_bytes())
            recipients = len(message.recipients())
            logger.info("E-mail to %d recipient(s) saved: %s", recipients, path)
        return len(email_messages)
