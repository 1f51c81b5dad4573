"""The site degrades, never breaks, when Redis or the mail service is down.

With production's cache settings (`cms.settings.base.redis_cache`) pointed at a port
where nothing listens, or at a throwaway redis-server stopped mid-run, pages render,
registrations are stored, and rate limits keep counting in each process (documented in
docs/operations.md, "When Redis or the mail service is down"). With an e-mail backend
that raises, a registration is stored and its message waits in the outbox for the next
attempt."""

import datetime
import shutil
import socket
import subprocess
import time
from smtplib import SMTPServerDisconnected

from django.core import mail
from django.core.cache import caches
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

import pytest

from cms import ratelimit
from cms.cache_backends import ResilientRedisCache
from cms.models import OutgoingEmail, SiteSettings
from cms.settings.base import redis_cache
from events.models import Registration
from tests.events.factories import EventIndexPageFactory, EventPageFactory, registration_data

pytestmark = pytest.mark.django_db

NOTHING_LISTENS = "redis://127.0.0.1:6390/7"
THROWAWAY_PORT = 6391


@pytest.fixture
def event(home):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=index,
        start=datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        + datetime.timedelta(days=7),
        registration_enabled=True,
        capacity=None,
    )
    event.save_revision().publish()
    SiteSettings.for_site(home.get_site())  # as a first request would, so it is no change
    return event


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def post(event, n=0, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("events:register", args=[event.pk]), registration_data(n, **fields)
            )

    return post


def use_redis(settings, url, **options):
    """Production's cache entry for `url`, with the page cache on as in production."""
    entry = redis_cache(url)
    entry["OPTIONS"].update(options)
    settings.CACHES = {"default": entry}
    settings.PAGE_CACHE = True
    ratelimit._local.clear()
    assert isinstance(caches["default"], ResilientRedisCache)


def _default():
    return caches["default"]


@pytest.fixture
def redis_down(settings):
    use_redis(settings, NOTHING_LISTENS)
    yield
    ratelimit._local.clear()


def test_with_nothing_listening_pages_render_and_registrations_are_stored(
    client, event, post, redis_down
):
    home = client.get("/")
    again = client.get("/")
    event_page = client.get(event.url)
    registration = post(event, 1)

    assert (home.status_code, again.status_code, event_page.status_code) == (200, 200, 200)
    assert registration.status_code == 302
    assert Registration.objects.filter(email="maija1@example.org").exists()
    assert not _default().available  # the failure was noticed, and is skipped a while


def test_with_nothing_listening_rate_limits_count_in_each_process(event, post, redis_down):
    """Documented: the limit still holds, counted in this process's memory."""
    responses = [post(event, 0).status_code for _attempt in range(6)]

    assert responses[0] == 302
    assert responses[-1] == 429
    assert Registration.objects.filter(email="maija0@example.org").count() == 1


def test_the_health_check_says_the_cache_is_failing(client, redis_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == "failing"


def _free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _wait_for(port, *, listening, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _free(port) != listening:
            return
        time.sleep(0.05)
    raise AssertionError(f"port {port} {'never opened' if listening else 'stayed open'}")


@pytest.fixture
def throwaway_redis():
    """A redis-server of our own on THROWAWAY_PORT, nothing saved; stopped by the test."""
    binary = shutil.which("redis-server")
    if binary is None or not _free(THROWAWAY_PORT):
        pytest.skip("no redis-server, or its port is taken")

    def start():
        process = subprocess.Popen(  # noqa: S603
            [binary, "--port", str(THROWAWAY_PORT), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for(THROWAWAY_PORT, listening=True)
        return process

    servers = [start()]

    def stop():
        servers[-1].terminate()
        servers[-1].wait(timeout=10)
        _wait_for(THROWAWAY_PORT, listening=False)

    def restart():
        servers.append(start())

    yield stop, restart
    for process in servers:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


def test_redis_stopped_mid_run_then_back(client, settings, event, post, throwaway_redis):
    stop, restart = throwaway_redis
    use_redis(settings, f"redis://127.0.0.1:{THROWAWAY_PORT}/7", retry_after=0.5)
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"  # Redis is in use
    assert post(event, 1).status_code == 302

    stop()
    pages = [client.get("/").status_code, client.get(event.url).status_code]
    registered = post(event, 2).status_code
    limited = [post(event, 0).status_code for _attempt in range(6)]

    assert pages == [200, 200]
    assert registered == 302
    assert limited[-1] == 429  # counted in the process meanwhile
    assert Registration.objects.filter(email="maija2@example.org").exists()

    restart()
    time.sleep(0.6)  # past retry_after: the next request tries Redis again
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert _default().available


class BrokenMailBackend(BaseEmailBackend):
    """The mail service is down: every send raises, as smtplib does."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


def test_with_the_mail_service_down_the_registration_is_stored_and_its_mail_waits(
    settings, event, post
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailBackend"

    response = post(event, 3)

    assert response.status_code == 302
    registration = Registration.objects.get(email="maija3@example.org")
    assert registration.is_confirmed
    message = OutgoingEmail.objects.get(to="maija3@example.org")
    assert message.status == OutgoingEmail.Status.QUEUED
    assert message.attempts == 1
    assert message.last_error.startswith("SMTPServerDisconnected")
    assert message.next_attempt_at > message.created_at
    assert mail.outbox == []
