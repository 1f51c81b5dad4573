import datetime
import smtplib

from django.core import mail
from django.db import transaction

import pytest
import time_machine

from cms import outbox
from cms.models import OutgoingEmail
from cms.tasks import send_outgoing_email

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
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()

    message.refresh_from_db()
    assert message.status == Status.QUEUED
    assert message.attempts == 1
    assert "SMTPServerDisconnected" in message.last_error
    assert "maija" not in message.last_error

    mail_server_down.undo()
    assert outbox.due() == []  # waits for its back-off
    with time_machine.travel(message.next_attempt_at + datetime.timedelta(seconds=1)):
        for pk in outbox.due():
            send_outgoing_email.enqueue(pk)

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


def test_a_superuser_sees_failures_and_can_send_again(client, admin_user, mail_server_down):
    message = queue(subject="Ilmoittautuminen vahvistettu")
    OutgoingEmail.objects.filter(pk=message.pk).update(status=Status.FAILED, last_error="SMTP 554")
    client.force_login(admin_user)

    listing = client.get("/admin/outgoing_email/?status=failed")
    assert listing.status_code == 200
    assert "Ilmoittautuminen vahvistettu" in listing.content.decode()
    assert "SMTP 554" in listing.content.decode()
    assert client.get("/admin/outgoing_email/new/").status_code in (302, 403)

    mail_server_down.undo()
    response = client.post(f"/admin/outgoing_email/{message.pk}/retry/")

    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status in (Status.QUEUED, Status.SENT)
