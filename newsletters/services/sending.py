"""Sending an issue in batches, idempotently and resumably.

The order of writes is the whole point (docs/newsletters.md explains it):
1. every recipient gets a Delivery row, unique per issue and subscriber, in a Batch,
   before anything is sent;
2. a batch is marked in flight, handed to the ESP, and only after the ESP accepted it
   are its deliveries and the batch marked sent, in one transaction.
A worker killed between 2's ESP call and its commit leaves one batch in flight; the
resumed send sends that batch again and nothing else, so at most one batch of
recipients can receive the issue twice and nobody is skipped.
"""

import logging
import smtplib
import time
from datetime import timedelta
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from anymail.backends.base import AnymailBaseBackend
from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

from newsletters.emails import (
    fill_links,
    link_maker,
    list_headers,
    recipient_links,
    render_issue,
)
from newsletters.models import Batch, Delivery, Send, Subscriber, Subscription
from newsletters.segments import Segment

logger = logging.getLogger(__name__)

RETRY_DELAYS = (2, 10, 30)
ACCEPTED = {"sent", "queued", "scheduled", "unknown"}
STALE_AFTER = timedelta(minutes=10)


class TransientSendError(Exception):
    """The ESP could not take the batch now; trying again later may work."""


def recipients(mailing_lists, segment=None):
    """Subscribers with an active subscription on any of the lists, each once, and
    only those inside the network segment when one is given."""
    subscribers = Subscriber.objects.filter(
        subscriptions__mailing_list__in=mailing_lists,
        subscriptions__status=Subscription.Status.ACTIVE,
    )
    if segment:
        subscribers = segment.narrow(subscribers)
    return subscribers.distinct()


def create_send(issue, mailing_lists, user=None, scheduled_at=None, segment=None):
    send = Send.objects.create(issue=issue, created_by=user, scheduled_at=scheduled_at)
    send.mailing_lists.set(mailing_lists)
    if segment:
        segment.record(send)
    enqueue(send)
    return send


def enqueue(send, resume=False):
    # Imported here: the tasks module wraps this one.
    from newsletters.tasks import send_issue

    task = send_issue
    if (
        send.scheduled_at
        and send.scheduled_at > timezone.now()
        and (task.get_backend().supports_defer)
    ):
        task = task.using(run_after=send.scheduled_at)
    task.enqueue(send.pk, resume)


def cancel(send):
    return Send.objects.filter(
        pk=send.pk, status__in=[Send.Status.SCHEDULED, Send.Status.SENDING, Send.Status.PAUSED]
    ).update(status=Send.Status.CANCELLED, finished_at=timezone.now())


def resume(send):
    """Carry on with a paused send (the sender fixed what made it fail)."""
    updated = Send.objects.filter(pk=send.pk, status=Send.Status.PAUSED).update(
        status=Send.Status.SENDING, heartbeat_at=timezone.now(), last_error=""
    )
    if updated:
        Batch.objects.filter(send=send, status=Batch.Status.PENDING).update(attempts=0)
        enqueue(send, resume=True)
    return updated


def resume_stalled_sends(now=None):
    """Enqueue due scheduled sends and sends whose worker died (no progress for
    STALE_AFTER). Safe to run from cron: a send is claimed atomically."""
    now = now or timezone.now()
    due = list(
        Send.objects.filter(status=Send.Status.SCHEDULED).filter(
            Q(scheduled_at__isnull=True) | Q(scheduled_at__lte=now)
        )
    )
    stalled = list(
        Send.objects.filter(status=Send.Status.SENDING, heartbeat_at__lt=now - STALE_AFTER)
    )
    for send in due:
        enqueue(send)
    for send in stalled:
        enqueue(send, resume=True)
    return len(due) + len(stalled)


def run_send(send_id, resume=False):
    """Send every remaining batch of a send; the task's whole body."""
    now = timezone.now()
    claimed = (
        Send.objects.filter(pk=send_id, status=Send.Status.SCHEDULED)
        .filter(Q(scheduled_at__isnull=True) | Q(scheduled_at__lte=now))
        .update(status=Send.Status.SENDING, started_at=now, heartbeat_at=now)
    )
    send = Send.objects.select_related("issue").get(pk=send_id)
    if not claimed and not (resume and send.status == Send.Status.SENDING):
        return
    prepare_deliveries(send)
    rendered = render_issue(send.issue)
    list_ids = list(send.mailing_lists.values_list("pk", flat=True))
    connection = get_connection()
    batch_ids = send.batches.exclude(status=Batch.Status.SENT).values_list("pk", flat=True)
    for batch_id in list(batch_ids):
        started = time.monotonic()
        if Send.objects.get(pk=send_id).status != Send.Status.SENDING:
            return
        batch = Batch.objects.get(pk=batch_id)
        if not send_batch_with_retries(send, batch, rendered, list_ids, connection):
            return
        throttle(batch.deliveries.count(), time.monotonic() - started)
    Send.objects.filter(pk=send_id, status=Send.Status.SENDING).update(
        status=Send.Status.FINISHED, finished_at=timezone.now()
    )


def prepare_deliveries(send):
    """Write a queued Delivery for every recipient, in batches, before sending any.
    Resumable: subscribers who already have a delivery of this issue are left out."""
    if send.prepared:
        return
    size = settings.NEWSLETTER_BATCH_SIZE
    number = send.batches.count()
    subscriber_ids = (
        recipients(send.mailing_lists.all(), Segment.of_send(send))
        .exclude(deliveries__issue=send.issue)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    chunk = []
    for subscriber_id in subscriber_ids.iterator(chunk_size=size):
        chunk.append(subscriber_id)
        if len(chunk) == size:
            number += 1
            _create_batch(send, number, chunk)
            chunk = []
    if chunk:
        _create_batch(send, number + 1, chunk)
    send.prepared = True
    send.save(update_fields=["prepared"])


@transaction.atomic
def _create_batch(send, number, subscriber_ids):
    batch = Batch.objects.create(send=send, number=number)
    Delivery.objects.bulk_create(
        [
            Delivery(issue_id=send.issue_id, subscriber_id=pk, send=send, batch=batch)
            for pk in subscriber_ids
        ],
        ignore_conflicts=True,
    )


def send_batch_with_retries(send, batch, rendered, list_ids, connection):
    """False when the send was paused after repeated transient failures."""
    for delay in (*RETRY_DELAYS, None):
        try:
            send_batch(send, batch, rendered, list_ids, connection)
            return True
        except TransientSendError as error:
            batch.attempts += 1
            batch.status = Batch.Status.PENDING
            batch.save(update_fields=["attempts", "status"])
            # The error's class only: ESP messages may quote addresses, which stay out of logs.
            cause = type(error.__cause__ or error).__name__
            logger.warning("Newsletter send %s batch %s failed: %s", send.pk, batch.number, cause)
            if delay is None:
                pause(send, str(error))
                return False
            Send.objects.filter(pk=send.pk).update(heartbeat_at=timezone.now())
            sleep(delay)
    return False


def sleep(seconds):
    time.sleep(seconds)


def pause(send, error):
    # Imported here: the tasks module wraps this one.
    from newsletters.tasks import notify_send_paused

    Send.objects.filter(pk=send.pk, status=Send.Status.SENDING).update(
        status=Send.Status.PAUSED, last_error=error[:2000]
    )
    notify_send_paused.enqueue(send.pk)


def throttle(recipient_count, elapsed):
    """Sleep so that at most NEWSLETTER_RATE_LIMIT recipients go out per second."""
    rate = settings.NEWSLETTER_RATE_LIMIT
    if rate > 0:
        remaining = recipient_count / rate - elapsed
        if remaining > 0:
            sleep(remaining)


def send_batch(send, batch, rendered, list_ids, connection):
    Batch.objects.filter(pk=batch.pk).update(status=Batch.Status.IN_FLIGHT)
    deliveries = list(
        batch.deliveries.filter(status=Delivery.Status.QUEUED).select_related("subscriber")
    )
    lists_of = active_lists(deliveries, list_ids)
    to_send = [d for d in deliveries if d.subscriber_id in lists_of]
    outcome = {}
    if to_send:
        with translation.override(rendered.language):
            make_links = link_maker()
        links = {
            d.pk: make_links(d.subscriber_id, lists_of[d.subscriber_id], d.issue_id)
            for d in to_send
        }
        if isinstance(connection, AnymailBaseBackend):
            outcome = _send_through_anymail(send, rendered, to_send, links, connection)
        else:
            outcome = _send_one_by_one(send, rendered, to_send, links, connection)
    record_accepted(batch, deliveries, outcome)


def active_lists(deliveries, list_ids):
    """{subscriber id: [ids of this send's lists they are still active on]}: an address
    that unsubscribed or bounced after the send began is skipped."""
    rows = (
        Subscription.objects.active()
        .filter(
            subscriber_id__in=[d.subscriber_id for d in deliveries], mailing_list_id__in=list_ids
        )
        .values_list("subscriber_id", "mailing_list_id")
    )
    lists_of = {}
    for subscriber_id, list_id in rows:
        lists_of.setdefault(subscriber_id, []).append(list_id)
    return lists_of


def list_id_header(send):
    host = urlsplit(settings.BASE_URL).hostname or "localhost"
    slugs = ".".join(send.mailing_lists.order_by("pk").values_list("slug", flat=True))
    return f"<{slugs}.{host}>"


def _message(rendered, to, html, text, headers=None):
    message = EmailMultiAlternatives(
        subject=rendered.subject, body=text, to=to, headers=headers or {}
    )
    message.attach_alternative(html, "text/html")
    return message


def _send_through_anymail(send, rendered, deliveries, links, connection):
    """One ESP call for the whole batch: merge_data is always set so that the ESP sends
    each recipient a separate message and nobody sees another's address."""
    by_email = {d.subscriber.email: d for d in deliveries}
    message = _message(rendered, list(by_email), rendered.html, rendered.text)
    list_id = list_id_header(send)
    message.merge_data = {email: links[d.pk] for email, d in by_email.items()}
    message.merge_headers = {
        email: list_headers(links[d.pk]["unsubscribe_url"], list_id)
        for email, d in by_email.items()
    }
    message.merge_metadata = {email: {"delivery_id": str(d.pk)} for email, d in by_email.items()}
    message.metadata = {"send_id": str(send.pk)}
    tracking = send.mailing_lists.filter(Q(track_opens=True) | Q(track_clicks=True))
    message.track_opens = tracking.filter(track_opens=True).exists()
    message.track_clicks = tracking.filter(track_clicks=True).exists()
    try:
        connection.send_messages([message])
    except AnymailRecipientsRefused:
        pass
    except (AnymailAPIError, OSError, smtplib.SMTPException) as error:
        raise TransientSendError(str(error)) from error
    outcome = {}
    statuses = message.anymail_status.recipients
    for email, delivery in by_email.items():
        status = statuses.get(email.lower()) or statuses.get(email)
        if status is not None and status.status in ACCEPTED:
            message_id = "" if status.message_id is None else str(status.message_id)
            outcome[delivery.pk] = (Delivery.Status.SENT, message_id, "")
        else:
            reason = status.status if status else "no status"
            outcome[delivery.pk] = (Delivery.Status.FAILED, "", f"refused by ESP: {reason}")
    return outcome


def _send_one_by_one(send, rendered, deliveries, links, connection):
    """For backends without batch sending (SMTP): one message per recipient over one
    connection. Recipients accepted before an error are kept as sent."""
    list_id = list_id_header(send)
    outcome = {}
    try:
        connection.open()
        for delivery in deliveries:
            values = links[delivery.pk]
            html, text = fill_links(rendered, values)
            message_id = make_msgid(domain=urlsplit(settings.BASE_URL).hostname)
            headers = {**list_headers(values["unsubscribe_url"], list_id), "Message-ID": message_id}
            message = _message(rendered, [delivery.subscriber.email], html, text, headers)
            try:
                connection.send_messages([message])
            except smtplib.SMTPRecipientsRefused as error:
                outcome[delivery.pk] = (Delivery.Status.FAILED, "", str(error)[:500])
                continue
            outcome[delivery.pk] = (Delivery.Status.SENT, message_id, "")
    except (OSError, smtplib.SMTPException) as error:
        _save_outcome(outcome)
        raise TransientSendError(str(error)) from error
    finally:
        connection.close()
    return outcome


def _save_outcome(outcome):
    """Write each delivery's (status, message id, error) with one executemany: the ORM's
    bulk_update builds a CASE expression per row and took most of a batch's time."""
    if not outcome:
        return
    table = connection.ops.quote_name(Delivery._meta.db_table)
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET status = %s, esp_message_id = %s, error = %s,"  # noqa: S608
            " updated_at = %s WHERE id = %s",
            [(*values, now, pk) for pk, values in outcome.items()],
        )


def record_accepted(batch, deliveries, outcome):
    """After the ESP accepted the batch: its deliveries and the batch marked sent together."""
    skipped = {d.pk: (Delivery.Status.SKIPPED, "", "") for d in deliveries if d.pk not in outcome}
    now = timezone.now()
    with transaction.atomic():
        _save_outcome({**skipped, **outcome})
        Batch.objects.filter(pk=batch.pk).update(status=Batch.Status.SENT, sent_at=now)
        Send.objects.filter(pk=batch.send_id).update(heartbeat_at=now)


def send_test(issue, addresses):
    """The issue as a recipient sees it, to the given addresses, with inert links."""
    rendered = render_issue(issue)
    connection = get_connection()
    with translation.override(rendered.language):
        html, text = fill_links(rendered, recipient_links(0, []))
    with translation.override(rendered.language):
        prefix = gettext("[Test]")
    messages = [_message(rendered, [address], html, text) for address in addresses]
    for message in messages:
        message.subject = f"{prefix} {message.subject}"
    connection.send_messages(messages)
