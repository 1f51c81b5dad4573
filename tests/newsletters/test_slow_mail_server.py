"""Exactly once whatever the latency: a mail server slower than the lease, with a second
worker and the resume job trying to take the batch meanwhile, and an ESP that throttles
and fails for a while before it recovers.

The SMTP send goes through Django's real SMTP backend to an aiosmtpd sink on 127.0.0.1
that takes SLOW seconds per message; the ESP send through anymail's real Postmark
backend with only requests' HTTP call replaced. Copies are counted per address where
they arrive (the sink, the fake ESP), not from the project's own records.

The worker racing a second worker and the resume job needs parallel writers, so runs on
PostgreSQL only (SQLite's in-memory test database answers "table is locked" to a
second writer at once); on SQLite a worker alone shows its lease never lapses.
"""

import asyncio
import os
import threading
import time
from collections import Counter

from django.db import connection

import pytest

from newsletters.models import Batch, Delivery, Send, Subscriber, Subscription
from newsletters.services import sending
from tests.newsletters import esp_fakes

SINK_PORT = int(os.environ.get("NEWSLETTER_TEST_SLOW_SMTP_PORT", "8242"))
SLOW = 1.5  # seconds the server takes per message
LEASE = 2.0  # shorter than one chunk: 6 messages over 2 connections take 4.5 s
HEARTBEAT = 0.4


class SlowSink:
    """An SMTP server that takes `seconds` to accept each message and counts the
    copies each address received. Connections are served concurrently, as a real
    server does (the wait is asyncio's, not the event loop's)."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.copies = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.seconds)
        with self.lock:
            self.copies.update(envelope.rcpt_tos)
        return "250 OK"


@pytest.fixture
def slow_smtp(settings):
    from aiosmtpd.controller import Controller

    sink = SlowSink(SLOW)
    controller = Controller(sink, hostname="127.0.0.1", port=SINK_PORT)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = SINK_PORT
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 10
    yield sink
    controller.stop()


@pytest.fixture
def short_lease(settings):
    settings.NEWSLETTER_LEASE_SECONDS = LEASE
    settings.NEWSLETTER_HEARTBEAT_SECONDS = HEARTBEAT


def readers(mailing_list, count):
    Subscriber.objects.bulk_create(
        Subscriber(email=f"lukija{n}@example.org", name=f"Lukija {n}") for n in range(count)
    )
    Subscription.objects.bulk_create(
        Subscription(subscriber=s, mailing_list=mailing_list) for s in Subscriber.objects.all()
    )
    return sorted(Subscriber.objects.values_list("email", flat=True))


def new_send(issue, mailing_list):
    send = Send.objects.create(issue=issue)
    send.mailing_lists.set([mailing_list])
    return send


def in_thread(job):
    """Run `job` in a thread with its own database connection; its errors are kept."""
    errors = []

    def run():
        try:
            job()
        except Exception as error:  # asserted on by the caller
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


@pytest.mark.django_db(transaction=True)
def test_a_worker_on_a_server_slower_than_the_lease_never_lets_the_lease_lapse(
    settings, issue, mailing_list, slow_smtp, short_lease, monkeypatch
):
    settings.NEWSLETTER_BATCH_SIZE = 6
    settings.NEWSLETTER_SEND_CONNECTIONS = 2
    addresses = readers(mailing_list, 6)
    send = new_send(issue, mailing_list)
    renewals = []  # monotonic times the batch's lease was written
    claim, beat, save = sending.claim_batch, sending.beat, sending.save_progress

    def noted(write):
        def call(*args, **kwargs):
            at = time.monotonic()
            result = write(*args, **kwargs)
            if result:
                renewals.append(at)
            return result

        return call

    monkeypatch.setattr(sending, "claim_batch", noted(claim))
    monkeypatch.setattr(sending, "beat", noted(beat))
    monkeypatch.setattr(sending, "save_progress", noted(save))
    worker, errors = in_thread(lambda: sending.run_send(send.pk, worker="slow"))
    worker.join(timeout=60)

    assert errors == []
    assert slow_smtp.copies == Counter(dict.fromkeys(addresses, 1))
    renewals.sort()
    assert renewals[-1] - renewals[0] > LEASE  # the batch took longer than the lease
    gaps = [b - a for a, b in zip(renewals, renewals[1:], strict=False)]
    assert max(gaps) < LEASE - HEARTBEAT  # the resume job could never have taken it
    assert Send.objects.get().status == Send.Status.FINISHED


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel writers")
def test_a_server_slower_than_the_lease_sends_each_recipient_exactly_once(
    settings, issue, mailing_list, slow_smtp, short_lease
):
    settings.NEWSLETTER_BATCH_SIZE = 6
    settings.NEWSLETTER_SEND_CONNECTIONS = 2
    addresses = readers(mailing_list, 12)
    send = new_send(issue, mailing_list)
    finished = threading.Event()

    def resume_job():
        # As `resume_sends --every` runs it, only much more often: every tick tries to
        # take a batch whose lease ran out, and enqueues (here: runs) the send again.
        while not finished.wait(0.25):
            sending.resume_stalled_sends()

    began = time.monotonic()
    first, first_errors = in_thread(lambda: sending.run_send(send.pk, worker="first"))
    time.sleep(0.3)  # the first worker holds batch 1 when the second asks
    second, second_errors = in_thread(lambda: sending.run_send(send.pk, worker="second"))
    resumer, resumer_errors = in_thread(resume_job)
    first.join(timeout=60)
    second.join(timeout=60)
    finished.set()
    resumer.join(timeout=60)
    elapsed = time.monotonic() - began

    assert first_errors == second_errors == resumer_errors == []
    assert elapsed > LEASE  # each batch took longer than the lease
    assert slow_smtp.copies == Counter(dict.fromkeys(addresses, 1))
    send.refresh_from_db()
    assert send.status == Send.Status.FINISHED, send.last_error
    deliveries = Delivery.objects.filter(send=send)
    assert set(deliveries.values_list("status", "attempts")) == {(Delivery.Status.SENT, 1)}
    # No batch was taken from a live worker: each stayed with the worker that claimed it.
    assert sorted(Batch.objects.values_list("claimed_by", flat=True)) == ["first", "second"]


class FlakyPostmark(esp_fakes.Postmark):
    """Postmark's API answering 429 to the first `throttled` calls, 503 to the next
    `failing` ones, and accepting after that."""

    def __init__(self, throttled, failing):
        super().__init__()
        self.throttled = throttled
        self.failing = failing
        self.lock = threading.Lock()

    def handle(self, session, method, url, **kwargs):
        with self.lock:
            self.calls.append((method, url, kwargs))
            number = len(self.calls)
        if number <= self.throttled:
            return esp_fakes.json_response(
                {"ErrorCode": 429, "Message": "Rate limit exceeded"}, status=429
            )
        if number <= self.throttled + self.failing:
            return esp_fakes.json_response(
                {"ErrorCode": 500, "Message": "Service unavailable"}, status=503
            )
        with self.lock:
            return self.answer(url, kwargs)


@pytest.fixture
def flaky_postmark(settings):
    from unittest import mock

    fake = FlakyPostmark(throttled=6, failing=8)
    settings.EMAIL_BACKEND = fake.backend
    settings.ANYMAIL = {**settings.ANYMAIL, **fake.settings}
    with mock.patch("requests.Session.request", autospec=True, side_effect=fake.handle):
        yield fake


@pytest.fixture
def waits(monkeypatch):
    slept = []
    monkeypatch.setattr(sending, "sleep", slept.append)
    return slept


@pytest.mark.django_db
def test_an_esp_throttling_then_failing_then_recovering_sends_each_recipient_once(
    settings, issue, mailing_list, flaky_postmark, waits
):
    settings.NEWSLETTER_BATCH_SIZE = 10
    settings.NEWSLETTER_SEND_CONNECTIONS = 4
    addresses = readers(mailing_list, 10)
    send = new_send(issue, mailing_list)

    sending.run_send(send.pk)

    send.refresh_from_db()
    assert send.status == Send.Status.FINISHED, send.last_error
    # 10 calls answered 429 or 503, 6 of the next 10 503: two retries, the second
    # sending only the 4 recipients still unsettled.
    assert waits == list(sending.RETRY_DELAYS[:2])
    assert len(flaky_postmark.calls) == 10 + 10 + 4
    delivered = Counter(address for address, *_ in flaky_postmark.received)
    assert delivered == Counter(dict.fromkeys(addresses, 1))
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


@pytest.mark.django_db
def test_a_retry_sends_nothing_once_the_batch_went_to_another_worker(
    settings, issue, mailing_list, flaky_postmark, monkeypatch
):
    """The worker waits to retry; meanwhile its batch is handed out again (its lease
    ran out: a stop of the whole process, say). The retry must not send the batch a
    second time beside the worker that now holds it."""
    settings.NEWSLETTER_BATCH_SIZE = 10
    settings.NEWSLETTER_SEND_CONNECTIONS = 4
    readers(mailing_list, 10)
    send = new_send(issue, mailing_list)

    def taken_while_waiting(seconds):
        Batch.objects.update(status=Batch.Status.IN_FLIGHT, claimed_by="another worker")

    monkeypatch.setattr(sending, "sleep", taken_while_waiting)

    sending.run_send(send.pk, worker="slow worker")

    assert len(flaky_postmark.calls) == 10  # the first try only
    assert Batch.objects.get().claimed_by == "another worker"
    assert Send.objects.get().status == Send.Status.SENDING  # the other worker carries on
