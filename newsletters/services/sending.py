"""Sending an issue: to each recipient exactly once, up to one batch per crashed worker,
whatever the number of workers and resume ticks.

The order of writes is the whole point (docs/newsletters.md explains it):
1. every recipient gets a Delivery row, unique per issue and subscriber, in a Batch,
   before anything is sent (under a lock on the send, so concurrent runs list them once);
2. a worker claims a pending batch with a conditional UPDATE: only one worker can turn
   it from pending to in flight;
3. each recipient's attempt is counted *before* they are handed to the ESP, and what the
   ESP accepted is recorded right after;
4. while a worker holds a batch, a heartbeat thread renews its lease every
   NEWSLETTER_HEARTBEAT_SECONDS, however long each message takes; the worker hands a
   message over only while its lease surely holds;
5. a batch in flight whose lease ran out (no heartbeat for NEWSLETTER_LEASE_SECONDS)
   belonged to a dead worker: the resume job hands it out again. Its recipients not yet
   recorded are sent again, and their attempt count records it.
"""

import logging
import secrets
import threading
import time
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import get_connection
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from cms import outbox, page_cache
from cms.links import absolute_url
from newsletters.emails import fill_links, recipient_links, render_issue
from newsletters.models import Batch, Delivery, Send, Subscriber, Subscription
from newsletters.segments import Segment
from newsletters.services.dispatch import Dispatcher, LostClaim, build_message
from newsletters.services.esp import PermanentSendError, TransientSendError

logger = logging.getLogger(__name__)

RETRY_DELAYS = (2, 10, 30)
CHUNK = 50  # recipients of one-by-one sending recorded together


# Sent with `send` and `run_after` (None: at once) whenever a send should run.
send_due = Signal()


def stale_after():
    """How long a batch in flight may go without a heartbeat before it counts as its
    worker's no longer: the lease."""
    return timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS)


class Lease:
    """This worker's hold on the batch it sends, for as long as the `with` block runs.

    A thread beats the batch's and the send's heartbeat every NEWSLETTER_HEARTBEAT_SECONDS
    (at most a third of the lease), so the lease counts seconds, not messages: a slow
    mail server or an ESP that throttles cannot make a live worker look dead. The thread
    is a daemon (it dies with the process, and then the lease runs out), stops when the
    block ends, and uses and closes its own database connection.

    `held()` answers whether the worker may still hand a message over: not when a beat
    found the batch handed to another worker, and not when no beat has succeeded for
    the lease minus one heartbeat interval (the database unreachable, say), since the
    resume job may then take the batch at any moment."""

    def __init__(self, batch, worker):
        self.batch_id = batch.pk
        self.send_id = batch.send_id
        self.worker = worker
        self.length = settings.NEWSLETTER_LEASE_SECONDS
        self.every = min(settings.NEWSLETTER_HEARTBEAT_SECONDS, self.length / 3)
        # The claim itself wrote the first heartbeat, just before this.
        self.renewed_at = time.monotonic()
        self._stop = threading.Event()
        self._lost = threading.Event()
        self._thread = threading.Thread(
            target=self._beat, name=f"newsletter-lease-{batch.pk}", daemon=True
        )

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def held(self):
        if self._lost.is_set():
            return False
        return time.monotonic() - self.renewed_at < self.length - self.every

    def renewed(self, at, mine):
        """Note a heartbeat written at monotonic time `at` (before its UPDATE ran)."""
        if mine:
            self.renewed_at = max(self.renewed_at, at)
        else:
            self._lost.set()

    def _beat(self):
        try:
            while not self._stop.wait(self.every):
                at = time.monotonic()
                try:
                    mine = beat(self.batch_id, self.send_id, self.worker)
                except DatabaseError as error:
                    # The next beat tries on a fresh connection; held() turns False if
                    # none succeeds before the lease could run out.
                    logger.warning("Newsletter lease heartbeat failed: %s", type(error).__name__)
                    connection.close()
                    continue
                self.renewed(at, mine)
                if not mine:
                    return
        finally:
            connections.close_all()  # this thread's own connections


def beat(batch_id, send_id, worker):
    """Renew this worker's lease on the batch and the send's heartbeat; False when the
    batch is no longer this worker's (handed out again, finished, or given back)."""
    now = timezone.now()
    with transaction.atomic():
        mine = Batch.objects.filter(
            pk=batch_id, claimed_by=worker, status=Batch.Status.IN_FLIGHT
        ).update(heartbeat_at=now)
        if mine:
            Send.objects.filter(pk=send_id, status=Send.Status.SENDING).update(heartbeat_at=now)
    return bool(mine)


def recipients(mailing_lists, segment=None):
    """Subscribers with an active subscription on any of the lists, each once, and
    only those inside the network segment when one is given. The one place that
    decides who receives a send."""
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


def enqueue(send):
    """Ask for the send to run: `send_due` reaches the receiver that enqueues the task
    (newsletters/receivers.py), so this module never imports the tasks that wrap it."""
    run_after = (
        send.scheduled_at if send.scheduled_at and send.scheduled_at > timezone.now() else None
    )
    send_due.send(sender=Send, send=send, run_after=run_after)


def cancel(send):
    stoppable = [Send.Status.SCHEDULED, Send.Status.SENDING, Send.Status.PAUSED, Send.Status.FAILED]
    return Send.objects.filter(pk=send.pk, status__in=stoppable).update(
        status=Send.Status.CANCELLED, finished_at=timezone.now()
    )


def resume(send):
    """Carry on with a paused or failed send (the sender fixed what made it stop)."""
    updated = Send.objects.filter(
        pk=send.pk, status__in=[Send.Status.PAUSED, Send.Status.FAILED]
    ).update(status=Send.Status.SENDING, heartbeat_at=timezone.now(), last_error="")
    if updated:
        Batch.objects.filter(send=send, status=Batch.Status.PENDING).update(attempts=0)
        enqueue(send)
    return updated


def resume_stalled_sends(now=None):
    """Enqueue due scheduled sends and sends whose workers died (no heartbeat for the
    lease's length), handing their batches in flight out again. Safe to run from several
    places at once: batches are claimed atomically by whichever workers run them."""
    now = now or timezone.now()
    stale = now - stale_after()
    due = list(
        Send.objects.filter(status=Send.Status.SCHEDULED).filter(
            Q(scheduled_at__isnull=True) | Q(scheduled_at__lte=now)
        )
    )
    release_dead_batches(stale)
    stalled = list(
        Send.objects.filter(status=Send.Status.SENDING).filter(
            Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True)
        )
    )
    for send in due + stalled:
        enqueue(send)
    return len(due) + len(stalled)


def release_dead_batches(stale):
    dead = Batch.objects.filter(
        send__status=Send.Status.SENDING, status=Batch.Status.IN_FLIGHT
    ).filter(Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True))
    workers = set()
    for batch_id, worker in list(dead.values_list("pk", "claimed_by")):
        # Conditional: a worker that beat since the query above keeps its batch, and its
        # task is not marked dead.
        released = (
            Batch.objects.filter(pk=batch_id, status=Batch.Status.IN_FLIGHT, claimed_by=worker)
            .filter(Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True))
            .update(status=Batch.Status.PENDING, claimed_by="")
        )
        if released:
            workers.add(worker)
    mark_tasks_dead(workers)


def mark_tasks_dead(task_ids):
    """A killed db_worker leaves its task RUNNING forever; say it died."""
    if not apps.is_installed("django_tasks_db"):
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(
        pk__in=[t for t in task_ids if len(t) == 36], status="RUNNING"
    ).update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path="newsletters.services.sending.WorkerDied",
        traceback="The worker stopped beating the newsletter send's heartbeat.",
    )


def run_send(send_id, worker=None):
    """Send every remaining batch of a send; the task's whole body. Any number of runs
    may work on one send at once: each batch goes to one of them."""
    worker = worker or secrets.token_hex(16)
    if not start(send_id):
        return
    send = Send.objects.select_related("issue").get(pk=send_id)
    try:
        prepare_deliveries(send)
        list_ids = list(send.mailing_lists.values_list("pk", flat=True))
        with Dispatcher(send, render_issue(send.issue)) as dispatcher:
            while (batch := claim_batch(send, worker)) is not None:
                started = time.monotonic()
                with Lease(batch, worker) as lease:
                    count = send_batch_with_retries(
                        send, batch, dispatcher, list_ids, worker, lease
                    )
                if count is None:
                    return
                throttle(count, time.monotonic() - started)
        finish(send)
    except PermanentSendError as error:
        halt(send, worker, Send.Status.FAILED, str(error))
    except Exception as error:
        # A bug or an answer nobody expected: stop visibly rather than be resumed forever.
        logger.warning("Newsletter send %s stopped by %s", send_id, type(error).__name__)
        halt(send, worker, Send.Status.FAILED, f"{type(error).__name__}: {error}")


def start(send_id):
    """Claim a due scheduled send, or join one that is sending."""
    now = timezone.now()
    claimed = (
        Send.objects.filter(pk=send_id, status=Send.Status.SCHEDULED)
        .filter(Q(scheduled_at__isnull=True) | Q(scheduled_at__lte=now))
        .update(status=Send.Status.SENDING, started_at=now, heartbeat_at=now)
    )
    if claimed:
        # The issue appears on the web (its page and the archive) once its send starts.
        page_cache.invalidate()
        return True
    return bool(
        Send.objects.filter(pk=send_id, status=Send.Status.SENDING).update(heartbeat_at=now)
    )


def prepare_deliveries(send):
    """Write a queued Delivery for every recipient, in batches, before sending any.
    Under a lock on the send: a second run waits and finds the work done."""
    if send.prepared:
        return
    with transaction.atomic():
        if Send.objects.select_for_update().get(pk=send.pk).prepared:
            send.prepared = True
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
        Send.objects.filter(pk=send.pk).update(prepared=True)
    send.prepared = True


def _create_batch(send, number, subscriber_ids):
    batch = Batch.objects.create(send=send, number=number)
    Delivery.objects.bulk_create(
        [
            Delivery(issue_id=send.issue_id, subscriber_id=pk, send=send, batch=batch)
            for pk in subscriber_ids
        ],
        ignore_conflicts=True,
    )


def claim_batch(send, worker):
    """The next pending batch, now in flight for this worker, or None when none is left
    or the send was stopped. The conditional UPDATE lets one worker only win a batch."""
    while Send.objects.filter(pk=send.pk, status=Send.Status.SENDING).exists():
        candidates = list(
            send.batches.filter(status=Batch.Status.PENDING)
            .order_by("number")
            .values_list("pk", flat=True)[:20]
        )
        if not candidates:
            return None
        for batch_id in candidates:
            won = Batch.objects.filter(pk=batch_id, status=Batch.Status.PENDING).update(
                status=Batch.Status.IN_FLIGHT, claimed_by=worker, heartbeat_at=timezone.now()
            )
            if won:
                return Batch.objects.get(pk=batch_id)
    return None


def send_batch_with_retries(send, batch, dispatcher, list_ids, worker, lease):
    """The batch's recipient count, or None when this run must stop (paused after
    repeated transient failures, or the batch went to another worker). A retry sends
    only the recipients nothing was recorded for, and only while the lease holds."""
    for delay in (*RETRY_DELAYS, None):
        try:
            return send_batch(batch, dispatcher, list_ids, worker, lease)
        except LostClaim:
            give_back(batch, worker)
            return None
        except TransientSendError as error:
            batch.attempts += 1
            batch.save(update_fields=["attempts"])
            # The error's class only: ESP messages may quote addresses, which stay out of logs.
            cause = type(error.__cause__ or error).__name__
            logger.warning("Newsletter send %s batch %s failed: %s", send.pk, batch.number, cause)
            if delay is None:
                halt(send, worker, Send.Status.PAUSED, str(error))
                return None
            sleep(delay)  # the lease's thread beats meanwhile
    return None


def give_back(batch, worker):
    """Return a batch this worker stopped sending (its lease was in doubt) to pending at
    once, if it still holds it; nothing of it is being handed over any more."""
    Batch.objects.filter(pk=batch.pk, claimed_by=worker, status=Batch.Status.IN_FLIGHT).update(
        status=Batch.Status.PENDING, claimed_by=""
    )


def sleep(seconds):
    time.sleep(seconds)


def halt(send, worker, status, error):
    """Stop a running send as paused or failed, give back this worker's batch and tell
    the sender."""
    Batch.objects.filter(send=send, claimed_by=worker, status=Batch.Status.IN_FLIGHT).update(
        status=Batch.Status.PENDING, claimed_by=""
    )
    with transaction.atomic():  # the notice is stored with the stop, or neither is
        stopped = Send.objects.filter(pk=send.pk, status=Send.Status.SENDING).update(
            status=status, last_error=error[:2000]
        )
        if stopped:
            tell_sender_stopped(send.pk)


def tell_sender_stopped(send_id):
    """Queue the "your send stopped" notice in the outbox, so a paused send does not
    look finished: sent and retried by the outbox's task after the commit, listed
    for staff under Outgoing e-mail and erased with the sender's other messages."""
    send = Send.objects.select_related("issue", "created_by").get(pk=send_id)
    if send.created_by is None or not send.created_by.email:
        return None
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "send": send,
            "url": absolute_url(reverse("newsletters_admin:issue", args=[send.issue_id])),
        }
        return outbox.queue_email(
            to=send.created_by.email,
            subject=render_to_string("newsletters/emails/paused_subject.txt", context).strip(),
            text=render_to_string("newsletters/emails/paused.txt", context),
            purpose=f"newsletters.send-{send.status}",
            language=language,
        )


def throttle(recipient_count, elapsed):
    """Sleep so that at most NEWSLETTER_RATE_LIMIT recipients go out per second."""
    rate = settings.NEWSLETTER_RATE_LIMIT
    if rate > 0:
        remaining = recipient_count / rate - elapsed
        if remaining > 0:
            sleep(remaining)


def send_batch(batch, dispatcher, list_ids, worker, lease):
    """Send the batch's recipients not yet recorded, recording each step; their count.
    Raises LostClaim, recording what was settled, once the batch is no longer held."""
    deliveries = list(
        batch.deliveries.filter(status=Delivery.Status.QUEUED)
        .select_related("subscriber")
        .order_by("pk")
    )
    lists_of = active_lists(deliveries, list_ids)
    to_send = [d for d in deliveries if d.subscriber_id in lists_of]
    skip = (Delivery.Status.SKIPPED, "", "")
    skipped = {d.pk: skip for d in deliveries if d.subscriber_id not in lists_of}
    # Asked of the database, not of the last beat: a retry after a wait must find the
    # batch still this worker's before it sends anything.
    if not save_progress(batch, worker, skipped, lease):
        raise LostClaim
    size = max(len(to_send), 1) if dispatcher.batch else CHUNK
    for first in range(0, len(to_send), size):
        chunk = to_send[first : first + size]
        if not lease.held():
            raise LostClaim
        record_attempt(chunk)
        try:
            outcome = dispatcher.deliver(chunk, lists_of, lease.held)
        except (TransientSendError, PermanentSendError, LostClaim) as error:
            if not save_progress(batch, worker, getattr(error, "outcome", {}), lease):
                raise LostClaim from error
            raise
        if not save_progress(batch, worker, outcome, lease):
            raise LostClaim
    finish_batch(batch, worker)
    return len(deliveries)


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


def record_attempt(deliveries):
    """Count the hand-over before it happens: after a crash, a count above one shows who
    may have received the issue twice."""
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(attempts=F("attempts") + 1)


def save_progress(batch, worker, outcome, lease=None):
    """Record what the backend settled and beat the heartbeats, in one transaction.
    False when the batch no longer belongs to this worker (what it settled is recorded
    all the same: those recipients have the issue)."""
    at = time.monotonic()
    now = timezone.now()
    with transaction.atomic():
        _save_outcome(outcome)
        mine = Batch.objects.filter(
            pk=batch.pk, claimed_by=worker, status=Batch.Status.IN_FLIGHT
        ).update(heartbeat_at=now)
        Send.objects.filter(pk=batch.send_id).update(heartbeat_at=now)
    if lease is not None:
        lease.renewed(at, bool(mine))
    return bool(mine)


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


def finish_batch(batch, worker):
    now = timezone.now()
    Batch.objects.filter(pk=batch.pk, claimed_by=worker).update(
        status=Batch.Status.SENT, sent_at=now, heartbeat_at=now
    )


def finish(send):
    """Finished once no batch is left pending or in flight (another worker may still
    be sending its last one: then that worker finishes the send)."""
    Send.objects.filter(pk=send.pk, status=Send.Status.SENDING).exclude(
        batches__status__in=[Batch.Status.PENDING, Batch.Status.IN_FLIGHT]
    ).update(status=Send.Status.FINISHED, finished_at=timezone.now())


def send_test(issue, addresses):
    """The issue as a recipient sees it, to the given addresses, with inert links."""
    rendered = render_issue(issue)
    with translation.override(rendered.language):
        html, text = fill_links(rendered, recipient_links(0, []))
        prefix = gettext("[Test]")
    messages = [build_message(rendered, [address], html, text) for address in addresses]
    for message in messages:
        message.subject = f"{prefix} {message.subject}"
    get_connection().send_messages(messages)
