"""Exactly once per recipient, up to one batch per crash, with real parallel writers on
PostgreSQL: workers and resume ticks running one send at once, and a worker process
killed mid-send."""

import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

import pytest
from anymail.backends.test import EmailBackend as AnymailTestBackend

from newsletters.models import Delivery, Send, Subscriber, Subscription
from newsletters.services import sending
from tests.newsletters.conftest import ANYMAIL_TEST
from tests.races import all_at_once

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel writers"),
]

ROOT = Path(__file__).resolve().parents[2]
SINK_PORT = int(os.environ.get("NEWSLETTER_TEST_SMTP_PORT", "8113"))


def many_readers(mailing_list, count):
    Subscriber.objects.bulk_create(
        Subscriber(email=f"lukija{n}@example.org", name=f"Lukija {n}") for n in range(count)
    )
    Subscription.objects.bulk_create(
        Subscription(subscriber=s, mailing_list=mailing_list) for s in Subscriber.objects.all()
    )
    return set(Subscriber.objects.values_list("email", flat=True))


def test_two_workers_and_two_resume_ticks_at_once_reach_everyone_exactly_once(
    settings, issue, mailing_list, monkeypatch
):
    settings.EMAIL_BACKEND = ANYMAIL_TEST
    settings.NEWSLETTER_BATCH_SIZE = 50
    addresses = many_readers(mailing_list, 2000)
    original = AnymailTestBackend.post_to_esp

    def slow_esp(self, payload, message):
        time.sleep(0.005)  # an ESP call takes a while: the runs overlap
        return original(self, payload, message)

    monkeypatch.setattr(AnymailTestBackend, "post_to_esp", slow_esp)
    # A send whose first worker died before listing anyone: stalled, so the resume
    # ticks pick it up while two workers run it too.
    send = Send.objects.create(
        issue=issue,
        status=Send.Status.SENDING,
        started_at=timezone.now() - timedelta(minutes=5),
        heartbeat_at=timezone.now() - timedelta(minutes=5),
    )
    send.mailing_lists.set([mailing_list])

    errors = all_at_once(
        lambda: sending.run_send(send.pk),
        lambda: sending.run_send(send.pk),
        sending.resume_stalled_sends,
        sending.resume_stalled_sends,
        timeout=300,
    )

    assert errors == []
    received = Counter(address for message in mail.outbox for address in message.to)
    assert received == Counter(dict.fromkeys(addresses, 1))
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 2000
    assert not Delivery.objects.filter(attempts__gt=1).exists()
    send.refresh_from_db()
    assert send.status == Send.Status.FINISHED


class Sink:
    """An SMTP server on 127.0.0.1 that notes when each recipient's message came."""

    def __init__(self):
        self.received = []  # (monotonic time, address)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        time.sleep(0.002)  # a real server takes a moment per message
        with self.lock:
            self.received.extend((time.monotonic(), a) for a in envelope.rcpt_tos)
        return "250 OK"

    def count(self):
        with self.lock:
            return len(self.received)


@pytest.fixture
def smtp_sink():
    from aiosmtpd.controller import Controller

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=SINK_PORT)
    controller.start()
    yield sink
    controller.stop()


@pytest.fixture
def production_cache_table():
    """The workers run with production settings, whose cache without Redis is a table
    that `migrate` makes under those settings, not under the test settings."""
    production_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cms_cache",
        }
    }
    with override_settings(CACHES=production_cache):
        call_command("createcachetable", verbosity=0)


def start_worker():
    """`manage.py db_worker` as in production, on the test database."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "localhost",
        "BASE_URL": "https://uutiskirje.example.org",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(SINK_PORT),
        "NEWSLETTER_BATCH_SIZE": "100",
        "LOG_LEVEL": "ERROR",
    }
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"]
    return subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_killed_worker_is_resumed_within_a_minute_losing_nobody(
    settings, issue, mailing_list, smtp_sink, production_cache_table
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    addresses = many_readers(mailing_list, 2000)
    send = sending.create_send(issue, [mailing_list])
    first = start_worker()
    try:
        assert wait_for(lambda: smtp_sink.count() >= 630, timeout=120), "the send never began"
        first.send_signal(signal.SIGKILL)
        first.wait()
        killed_at = time.monotonic()
        time.sleep(0.5)  # what the server was taking when the worker died
        sent_before = smtp_sink.count()
        second = start_worker()
        try:
            # The resume job, as cron or `resume_sends --every 15` runs it.
            def resumed():
                sending.resume_stalled_sends()
                return Send.objects.get(pk=send.pk).status == Send.Status.FINISHED

            assert wait_for(lambda: resumed() or time.sleep(5), timeout=150)
        finally:
            second.kill()
            second.wait()
    finally:
        if first.poll() is None:
            first.kill()

    resumed_at = smtp_sink.received[sent_before][0]
    assert resumed_at - killed_at < 60
    received = Counter(address for _, address in smtp_sink.received)
    assert set(received) == addresses  # nobody lost
    repeated = {address for address, n in received.items() if n > 1}
    assert max(received.values()) <= 2
    assert len(repeated) <= 100  # at most one batch
    recorded = set(
        Delivery.objects.filter(attempts__gt=1).values_list("subscriber__email", flat=True)
    )
    assert repeated <= recorded  # every repeat recorded
    assert len(recorded) <= 100
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 2000
