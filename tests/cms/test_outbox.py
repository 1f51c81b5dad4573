import datetime
import io
import re
import smtplib
from pathlib import Path

from django.core import mail
from django.core.management import call_command
from django.db import transaction

import pytest
import time_machine

from cms import outbox
from cms.models import OutgoingEmail
from cms.outbox.tasks import send_outgoing_email

pytestmark = pytest.mark.django_db
Status = OutgoingEmail.Status
CALENDAR_TYPE = "text/calendar; method=REQUEST"


def queue(**overrides):
    fields = {
        "to": "maija@example.org",
        "subject": "Tervetuloa",
        "text": "Hei Maija",
        "purpose": "tests.welcome",
    }
    return outbox.queue_email(**{**fields, **overrides})


@pytest.fixture
def mail_server_down(monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    return monkeypatch


def test_a_queued_message_is_stored_then_sent_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue(html="<p>Hei Maija</p>")
        assert not mail.outbox  # nothing leaves inside the transaction

    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.attempts == 1
    (sent,) = mail.outbox
    assert sent.to == ["maija@example.org"]
    assert sent.alternatives[0] == ("<p>Hei Maija</p>", "text/html")


def test_a_rolled_back_transaction_leaves_no_message(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue()
        raise RuntimeError

    assert not OutgoingEmail.objects.exists()
    assert not mail.outbox


def test_mail_server_down_keeps_the_message_and_the_next_attempt_sends_it(
    mail_server_down, django_capture_on_commit_callbacks
):
    """With a task backend that cannot defer (the tests' immediate one), the cron
    job's sweep sends the retry once it is due."""
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()

    message.refresh_from_db()
    assert message.status == Status.QUEUED
    assert message.attempts == 1
    assert "SMTPServerDisconnected" in message.last_error
    assert "maija" not in message.last_error

    mail_server_down.undo()
    assert outbox.due() == []  # waits for its back-off
    with (
        time_machine.travel(message.next_attempt_at + datetime.timedelta(seconds=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_queued_email", stdout=io.StringIO())

    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.attempts == 2
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_message_is_failed_for_staff_to_see(mail_server_down):
    message = queue()
    for _ in range(outbox.MAX_ATTEMPTS):
        outbox.deliver(message.pk)

    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert message.attempts == outbox.MAX_ATTEMPTS
    assert outbox.deliver(message.pk) is None  # no more tries on its own

    mail_server_down.undo()
    assert outbox.retry(message.pk) == 1
    outbox.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == Status.SENT


def test_a_message_is_claimed_once_so_two_workers_cannot_both_send_it():
    message = queue()

    outbox.deliver(message.pk)
    outbox.deliver(message.pk)

    assert len(mail.outbox) == 1


def test_a_message_left_sending_by_a_dead_worker_is_released():
    message = queue()
    OutgoingEmail.objects.filter(pk=message.pk).update(
        status=Status.SENDING, claimed_at=message.created_at
    )

    later = message.created_at + outbox.STALLED_AFTER + datetime.timedelta(seconds=1)
    assert outbox.release_stalled(now=later) == 1
    assert message.pk in outbox.due(now=later)


def test_the_same_purpose_and_key_is_sent_once():
    first = queue(key="registration-7")
    second = queue(key="registration-7")

    assert first is not None
    assert second is None
    assert OutgoingEmail.objects.count() == 1


def test_a_message_with_no_recipient_is_not_stored_as_sent():
    assert queue(to="") is None
    assert queue(to="   ") is None
    assert not OutgoingEmail.objects.exists()


def test_calendar_attachments_keep_their_method_parameter():
    message = queue(
        attachments=[
            ("invite.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar; method=REQUEST")
        ]
    )

    outbox.deliver(message.pk)

    (sent,) = mail.outbox
    part = next(p for p in sent.message().walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "invite.ics"


def test_erasing_a_recipient_removes_their_messages_only():
    queue()
    queue(to="other@example.org")

    assert outbox.erase_recipient("MAIJA@example.org") == 1
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["other@example.org"]


def test_staff_without_permission_cannot_see_outgoing_mail(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(user)

    assert client.get("/admin/outgoing_email/").status_code in (302, 403)


def test_a_superuser_sees_failures_and_can_send_again(
    client, admin_user, mail_server_down, django_capture_on_commit_callbacks
):
    message = queue(subject="Ilmoittautuminen vahvistettu")
    OutgoingEmail.objects.filter(pk=message.pk).update(status=Status.FAILED, last_error="SMTP 554")
    client.force_login(admin_user)

    listing = client.get("/admin/outgoing_email/?status=failed")
    assert listing.status_code == 200
    assert "Ilmoittautuminen vahvistettu" in listing.content.decode()
    assert "SMTP 554" in listing.content.decode()
    assert client.get("/admin/outgoing_email/new/").status_code in (302, 403)

    mail_server_down.undo()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/outgoing_email/{message.pk}/retry/")

    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Status.SENT  # sent now, not when cron next runs
    assert len(mail.outbox) == 1


@pytest.fixture
def deferring_tasks(settings):
    """A task backend that keeps what is enqueued, with its run_after, and runs nothing."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = send_outgoing_email.get_backend()
    yield backend
    backend.clear()


def test_the_outbox_schedules_a_failed_attempt_again_after_its_back_off(
    mail_server_down, deferring_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()
    (first,) = deferring_tasks.results
    assert first.args == [message.pk]
    assert first.task.run_after is None

    with django_capture_on_commit_callbacks(execute=True):
        send_outgoing_email.call(message.pk)

    message.refresh_from_db()
    retry = deferring_tasks.results[-1]
    assert len(deferring_tasks.results) == 2
    assert retry.args == [message.pk]
    assert retry.task.run_after == message.next_attempt_at


def test_staff_send_again_is_scheduled_by_the_outbox(
    deferring_tasks, django_capture_on_commit_callbacks
):
    message = queue()
    OutgoingEmail.objects.filter(pk=message.pk).update(status=Status.FAILED)
    deferring_tasks.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.retry(message.pk) == 1
        assert outbox.retry(message.pk) == 0  # already queued again: scheduled once

    assert [result.args for result in deferring_tasks.results] == [[message.pk]]


ROOT = Path(__file__).resolve().parents[2]
SENDING = re.compile(
    r"\b(?:send_mail|send_mass_mail|mail_admins|mail_managers)\(|\.send_messages\(|\.send\(\)"
)
# Modules that may hand messages to the mail backend themselves, and why.
OUTBOX_EXEMPT = {
    # The outbox itself.
    "cms/outbox/__init__.py": "sends the stored rows",
    # Newsletter issues are bulk mail with their own per-recipient Delivery rows,
    # batches, retries and erasure (newsletters.personal_data), not one person's
    # transactional message.
    "newsletters/services/dispatch.py": "newsletter issues to subscribers",
    "newsletters/services/sending.py": "a test copy of an issue to staff's own addresses",
}


def test_every_transactional_email_goes_through_the_outbox():
    """Only the outbox (and the newsletter's bulk sending) hands messages to the mail
    backend; any other module that sends mail itself leaves no row to retry, list
    for staff or erase."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for app in ("cms", "events", "network", "newsletters")
        for path in sorted((ROOT / app).rglob("*.py"))
        if str(path.relative_to(ROOT)) not in OUTBOX_EXEMPT and "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if SENDING.search(line)
    ]

    assert not offenders, "Queue the message with cms.outbox.queue_email:\n" + "\n".join(offenders)
