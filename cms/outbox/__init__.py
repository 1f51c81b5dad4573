"""Queue, send and retry the stored outgoing messages (``cms.models.OutgoingEmail``).

Apps render a message and call ``queue_email`` inside their own transaction; the row
is committed with whatever caused it, and a task sends it afterwards. A send is
claimed with a conditional UPDATE, so two workers never send one row; a failure is
retried with back-off, and after ``MAX_ATTEMPTS`` the row stays failed for staff.

Like pretix's queued mail, this is at-least-once: a worker killed between the mail
server's answer and the status update may send one message twice, never lose one.

Every send is scheduled here and nowhere else: a new message, a retry after a
failure, staff's "send again" and the cron job's sweep all go through ``_schedule``,
which sends ``message_due``; ``cms.outbox.receivers`` turns that into the task once the
transaction commits (deferred to the retry time where the task backend can defer,
otherwise left to ``manage.py send_queued_email``). Callers never enqueue the task.
"""

import datetime
import logging
from email.mime.base import MIMEBase
from email.mime.text import MIMEText

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone

from cms.models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# The wait after the 1st, 2nd, 3rd and 4th failed attempt.
RETRY_DELAYS = tuple(datetime.timedelta(minutes=minutes) for minutes in (1, 5, 30, 120))
STALLED_AFTER = datetime.timedelta(minutes=15)

Status = OutgoingEmail.Status

# Sent with `message_pk` and `at` (None: now) whenever a message should be sent.
message_due = Signal()


def _schedule(message_pk, at=None):
    message_due.send(sender=OutgoingEmail, message_pk=message_pk, at=at)


def queue_email(
    *,
    to,
    subject,
    text,
    html="",
    attachments=(),
    headers=None,
    reply_to=None,
    purpose,
    key="",
    language="fi",
):
    """Store one rendered message for one person; None when (purpose, key) was queued
    before, or when there is nobody to send it to (an anonymised registrant, say): a row
    with no recipient would be marked sent and counted as told. The send starts when the
    caller's transaction commits."""
    if not str(to).strip():
        logger.warning("Not queued: a %s message has no recipient", purpose)
        return None
    if key and OutgoingEmail.objects.filter(purpose=purpose, key=key).exists():
        return None
    try:
        with transaction.atomic():  # a savepoint: a lost race must not break the caller
            message = OutgoingEmail.objects.create(
                to=to,
                subject=" ".join(str(subject).split())[:300],
                text=text,
                html=html,
                attachments=[list(attachment) for attachment in attachments],
                headers=dict(headers or {}),
                reply_to=reply_to or "",
                purpose=purpose,
                key=key,
                language=language,
            )
    except IntegrityError:
        if key:
            return None
        raise
    _schedule(message.pk)
    return message


def deliver(message_pk):
    """Send one queued message; a failure that will be retried schedules the next
    attempt after its back-off. Returns that delay, otherwise None."""
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(pk=message_pk, status=Status.QUEUED).update(
        status=Status.SENDING, attempts=F("attempts") + 1, claimed_at=now
    )
    if not claimed:
        return None
    message = OutgoingEmail.objects.get(pk=message_pk)
    try:
        build_message(message).send()
    except Exception as error:  # any backend failure is recorded and retried
        return _record_failure(message, error)
    message.status = Status.SENT
    message.sent_at = timezone.now()
    message.last_error = ""
    message.save(update_fields=["status", "sent_at", "last_error"])
    return None


def _record_failure(message, error):
    # The class and text of the error only: never the message or the address.
    message.last_error = f"{error.__class__.__name__}: {error}"[:500]
    logger.warning("Outgoing e-mail %s failed: %s", message.pk, error.__class__.__name__)
    if message.attempts >= MAX_ATTEMPTS:
        message.status = Status.FAILED
        message.save(update_fields=["status", "last_error"])
        return None
    delay = RETRY_DELAYS[min(message.attempts, len(RETRY_DELAYS)) - 1]
    message.status = Status.QUEUED
    message.next_attempt_at = timezone.now() + delay
    message.save(update_fields=["status", "last_error", "next_attempt_at"])
    _schedule(message.pk, at=message.next_attempt_at)
    return delay


def build_message(message):
    """The Django e-mail for a stored row, with its HTML part and attachments."""
    email = EmailMultiAlternatives(
        message.subject,
        message.text,
        to=[message.to],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers=message.headers or None,
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    for filename, content, mimetype in message.attachments:
        email.attach(_mime_part(filename, content, mimetype))
    return email


def _mime_part(filename, content, mimetype):
    """A MIME part; parameters in the type are kept (text/calendar; method=REQUEST is
    how Outlook and Gmail know to offer "add to calendar")."""
    kind, *params = (piece.strip() for piece in mimetype.split(";"))
    maintype, subtype = kind.split("/", 1)
    if maintype == "text":
        part = MIMEText(content, subtype, "utf-8")
    else:
        part = MIMEBase(maintype, subtype)
        part.set_payload(content.encode() if isinstance(content, str) else content)
    for param in params:
        name, _sep, value = param.partition("=")
        part.set_param(name.strip(), value.strip().strip('"'))
    if filename:
        part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def due(now=None):
    """Primary keys of the queued messages whose next attempt is due: retries after
    their back-off, and any whose task was lost. Sending one twice is harmless: the
    claim in ``deliver`` lets only one worker through."""
    now = now or timezone.now()
    return list(
        OutgoingEmail.objects.filter(status=Status.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)
    )


def send_due(now=None):
    """Schedule every message that is due (the cron job's sweep); returns how many."""
    pks = due(now)
    for message_pk in pks:
        _schedule(message_pk)
    return len(pks)


def release_stalled(now=None):
    """Give messages claimed by a worker that died mid-send back to the queue."""
    now = now or timezone.now()
    return OutgoingEmail.objects.filter(
        status=Status.SENDING, claimed_at__lte=now - STALLED_AFTER
    ).update(status=Status.QUEUED, next_attempt_at=now)


def retry(message_pk):
    """Staff's "send again" on a failed message: one more round of attempts, the
    first as soon as the caller's transaction commits. Returns 1, or 0 when the
    message was not failed."""
    retried = OutgoingEmail.objects.filter(pk=message_pk, status=Status.FAILED).update(
        status=Status.QUEUED, attempts=0, last_error="", next_attempt_at=timezone.now()
    )
    if retried:
        _schedule(message_pk)
    return retried


def erase_recipient(email):
    """Remove every stored message to this address (the person's right to erasure)."""
    deleted, _by_model = OutgoingEmail.objects.filter(to__iexact=email.strip()).delete()
    return deleted
