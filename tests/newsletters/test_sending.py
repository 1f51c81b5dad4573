import email
import email.policy
from collections import Counter
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest
import requests
import time_machine
from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.exceptions import AnymailAPIError, AnymailRequestsAPIError, AnymailUnsupportedFeature
from anymail.message import AnymailRecipientStatus

from cms.models import OutgoingEmail
from newsletters.models import Batch, Delivery, Send, Subscription
from newsletters.services import sending
from tests.newsletters.conftest import ANYMAIL_TEST
from tests.newsletters.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def anymail(settings):
    settings.EMAIL_BACKEND = ANYMAIL_TEST
    settings.NEWSLETTER_BATCH_SIZE = 2


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch):
    slept = []
    monkeypatch.setattr(sending, "sleep", slept.append)
    return slept


def bulk_messages():
    return [m for m in mail.outbox if getattr(m, "merge_data", None) is not None or m.extra_headers]


def received(messages):
    return Counter(address for message in messages for address in message.to)


def test_every_recipient_has_own_unsubscribe_headers_through_anymail(
    anymail, issue, mailing_list, subscribers
):
    sending.create_send(issue, [mailing_list])

    messages = bulk_messages()
    assert len(messages) == 3  # five recipients, batches of two
    for message in messages:
        params = message.anymail_test_params
        assert params["is_batch_send"] is True
        assert set(params["merge_data"]) == set(message.to)
        for address in message.to:
            headers = params["merge_headers"][address]
            unsubscribe = headers["List-Unsubscribe"]
            assert unsubscribe.startswith("<http://testserver/uutiskirjeet/peru/")
            assert "<mailto:noreply@example.org?subject=unsubscribe%20" in unsubscribe
            assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            assert headers["List-Id"] == "<osallisuutta-paatoksiin.testserver>"
            assert params["merge_metadata"][address]["delivery_id"]
    tokens = {
        h["List-Unsubscribe"]
        for m in messages
        for h in m.anymail_test_params["merge_headers"].values()
    }
    assert len(tokens) == 5
    assert received(messages) == Counter({s.email: 1 for s in subscribers})
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert not Delivery.objects.filter(esp_message_id="").exists()
    assert Send.objects.get().status == Send.Status.FINISHED


def test_opens_and_clicks_are_not_tracked_unless_the_list_asks(
    anymail, issue, mailing_list, subscribers
):
    sending.create_send(issue, [mailing_list])

    params = bulk_messages()[0].anymail_test_params
    assert params["track_opens"] is False
    assert params["track_clicks"] is False


def test_one_message_per_recipient_with_headers_and_links_through_smtp_style_backends(
    issue, mailing_list, subscribers
):
    sending.create_send(issue, [mailing_list])

    assert len(mail.outbox) == 5
    for message in mail.outbox:
        assert len(message.to) == 1
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "/uutiskirjeet/peru/" in message.extra_headers["List-Unsubscribe"]
        html = message.alternatives[0][0]
        assert "{{preferences_url}}" not in html
        assert "/uutiskirjeet/asetukset/" in html
        assert "/uutiskirjeet/asetukset/" in message.body


@pytest.mark.parametrize(
    "status",
    [
        Subscription.Status.UNSUBSCRIBED,
        Subscription.Status.BOUNCED,
        Subscription.Status.COMPLAINED,
        Subscription.Status.PENDING,
    ],
)
def test_only_active_subscribers_are_sent_to(issue, mailing_list, subscribers, status):
    excluded = SubscriptionFactory(mailing_list=mailing_list, status=status).subscriber

    sending.create_send(issue, [mailing_list])

    assert excluded.email not in received(mail.outbox)
    assert len(mail.outbox) == 5


def test_an_address_that_unsubscribes_after_the_send_began_is_skipped(
    issue, mailing_list, subscribers
):
    send = Send.objects.create(issue=issue)
    send.mailing_lists.set([mailing_list])
    sending.prepare_deliveries(send)
    Subscription.objects.filter(subscriber=subscribers[0]).update(status="unsubscribed")

    sending.run_send(send.pk)

    assert subscribers[0].email not in received(mail.outbox)
    assert Delivery.objects.get(subscriber=subscribers[0]).status == Delivery.Status.SKIPPED


def test_a_second_send_of_the_same_issue_reaches_nobody_twice(issue, mailing_list, subscribers):
    sending.create_send(issue, [mailing_list])
    sending.create_send(issue, [mailing_list])

    assert len(mail.outbox) == 5
    assert Delivery.objects.count() == 5


class WorkerKilled(BaseException):
    """Stands for the worker process dying: nothing after it runs."""


def test_resuming_after_a_crash_resends_at_most_the_batch_in_flight(
    anymail, issue, mailing_list, subscribers, monkeypatch
):
    save = sending.save_progress
    recorded = []

    def crash_after_second_esp_call(batch, worker, outcome, lease=None):
        if outcome:
            recorded.append(batch.number)
            if len(recorded) == 2:
                raise WorkerKilled
        return save(batch, worker, outcome, lease)

    monkeypatch.setattr(sending, "save_progress", crash_after_second_esp_call)
    send = Send.objects.create(issue=issue)
    send.mailing_lists.set([mailing_list])
    with pytest.raises(WorkerKilled):
        sending.run_send(send.pk)
    in_flight = Batch.objects.get(status=Batch.Status.IN_FLIGHT)
    in_flight_recipients = set(in_flight.deliveries.values_list("subscriber__email", flat=True))
    monkeypatch.setattr(sending, "save_progress", save)

    with time_machine.travel(timezone.now() + sending.stale_after() + timedelta(seconds=1)):
        assert sending.resume_stalled_sends() == 1

    counts = received(bulk_messages())
    assert set(counts) == {s.email for s in subscribers}
    assert {a for a, n in counts.items() if n == 2} == in_flight_recipients
    assert len(in_flight_recipients) <= 2  # the batch size
    repeats = Delivery.objects.filter(attempts__gt=1)
    assert set(repeats.values_list("subscriber__email", flat=True)) == in_flight_recipients
    assert Send.objects.get().status == Send.Status.FINISHED


def test_a_live_send_is_not_resumed_by_the_stalled_send_check(issue, mailing_list, subscribers):
    send = Send.objects.create(issue=issue, status=Send.Status.SENDING, heartbeat_at=timezone.now())
    send.mailing_lists.set([mailing_list])

    assert sending.resume_stalled_sends() == 0
    assert mail.outbox == []


def fail_bulk_sends(monkeypatch, times):
    """Make the ESP answer 503 to the first `times` bulk calls."""
    original = AnymailTestBackend.post_to_esp
    failures = []

    def post_to_esp(self, payload, message):
        if getattr(message, "merge_data", None) is not None and len(failures) < times:
            failures.append(1)
            raise AnymailAPIError("Service unavailable")
        return original(self, payload, message)

    monkeypatch.setattr(AnymailTestBackend, "post_to_esp", post_to_esp)


def test_a_transient_esp_error_is_retried_with_backoff(
    anymail, issue, mailing_list, subscribers, monkeypatch, no_sleep
):
    fail_bulk_sends(monkeypatch, times=1)

    sending.create_send(issue, [mailing_list])

    assert no_sleep == [sending.RETRY_DELAYS[0]]
    assert received(bulk_messages()) == Counter({s.email: 1 for s in subscribers})
    assert Send.objects.get().status == Send.Status.FINISHED


def test_repeated_failures_pause_the_send_and_tell_the_sender(
    anymail,
    issue,
    mailing_list,
    subscribers,
    monkeypatch,
    django_user_model,
    django_capture_on_commit_callbacks,
):
    sender = django_user_model.objects.create_user("viestija", email="viestija@example.org")
    fail_bulk_sends(monkeypatch, times=len(sending.RETRY_DELAYS) + 1)

    with django_capture_on_commit_callbacks(execute=True):
        sending.create_send(issue, [mailing_list], user=sender)

    send = Send.objects.get()
    assert send.status == Send.Status.PAUSED
    assert "Service unavailable" in send.last_error
    assert send.progress() == {"sent": 0, "failed": 0, "remaining": 5}
    # The notice is an outbox row, sent by the outbox's task once the stop committed.
    stored = OutgoingEmail.objects.get(purpose="newsletters.send-paused")
    assert stored.to == "viestija@example.org"
    assert stored.status == OutgoingEmail.Status.SENT
    notice = [m for m in mail.outbox if m.to == ["viestija@example.org"]]
    assert len(notice) == 1
    assert "keskeytettiin" in notice[0].body

    assert sending.resume(send)

    send.refresh_from_db()
    assert send.status == Send.Status.FINISHED
    assert received(bulk_messages()) == Counter({s.email: 1 for s in subscribers})


def test_a_permanent_refusal_is_recorded_for_that_recipient(
    anymail, issue, mailing_list, subscribers, monkeypatch
):
    refused = subscribers[0].email
    original = AnymailTestBackend.post_to_esp

    def post_to_esp(self, payload, message):
        response = original(self, payload, message)
        if refused in response["recipient_status"]:
            response["recipient_status"][refused] = AnymailRecipientStatus(None, "rejected")
        return response

    monkeypatch.setattr(AnymailTestBackend, "post_to_esp", post_to_esp)

    sending.create_send(issue, [mailing_list])

    delivery = Delivery.objects.get(subscriber=subscribers[0])
    assert delivery.status == Delivery.Status.FAILED
    assert "rejected" in delivery.error
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 4
    assert Send.objects.get().progress() == {"sent": 4, "failed": 1, "remaining": 0}


def test_a_scheduled_send_waits_for_its_time(issue, mailing_list, subscribers):
    with time_machine.travel("2025-03-03 08:00 +0200", tick=False):
        sending.create_send(issue, [mailing_list], scheduled_at=timezone.now() + timedelta(hours=2))
        assert mail.outbox == []

    with time_machine.travel("2025-03-03 10:01 +0200", tick=False):
        sending.resume_stalled_sends()

    assert len(mail.outbox) == 5


def test_a_cancelled_send_stops_before_the_next_batch(
    anymail, issue, mailing_list, subscribers, monkeypatch
):
    finish_batch = sending.finish_batch

    def cancel_after_first_batch(batch, worker):
        finish_batch(batch, worker)
        sending.cancel(batch.send)

    monkeypatch.setattr(sending, "finish_batch", cancel_after_first_batch)

    sending.create_send(issue, [mailing_list])

    assert len(bulk_messages()) == 1
    send = Send.objects.get()
    assert send.status == Send.Status.CANCELLED
    assert send.progress()["remaining"] == 3


def test_the_rate_limit_spaces_out_batches(
    anymail, settings, issue, mailing_list, subscribers, no_sleep
):
    settings.NEWSLETTER_RATE_LIMIT = 1

    sending.create_send(issue, [mailing_list])

    assert len(no_sleep) == 3
    assert no_sleep[0] == pytest.approx(2, abs=0.5)


def test_test_send_goes_only_to_the_given_addresses_and_says_so(issue, subscribers):
    sending.send_test(issue, ["testi@example.org"])

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["testi@example.org"]
    assert mail.outbox[0].subject.startswith("[Testi]")
    assert not Delivery.objects.exists()


def test_resume_sends_command_picks_up_a_stalled_send(issue, mailing_list, subscribers):
    from io import StringIO

    from django.core.management import call_command

    send = Send.objects.create(
        issue=issue,
        status=Send.Status.SENDING,
        heartbeat_at=timezone.now() - timedelta(hours=1),
    )
    send.mailing_lists.set([mailing_list])
    out = StringIO()

    call_command("resume_sends", stdout=out)

    assert "1" in out.getvalue()
    assert len(mail.outbox) == 5


def esp_answers(monkeypatch, status):
    """Make the ESP answer every bulk call with this HTTP status."""
    response = requests.Response()
    response.status_code = status
    original = AnymailTestBackend.post_to_esp

    def post_to_esp(self, payload, message):
        if getattr(message, "merge_data", None) is not None:
            raise AnymailRequestsAPIError("Unauthorized: bad server token", response=response)
        return original(self, payload, message)

    monkeypatch.setattr(AnymailTestBackend, "post_to_esp", post_to_esp)


def test_a_permanent_esp_error_stops_the_send_at_once_and_says_why(
    anymail,
    issue,
    mailing_list,
    subscribers,
    monkeypatch,
    no_sleep,
    django_user_model,
    django_capture_on_commit_callbacks,
):
    sender = django_user_model.objects.create_user("viestija", email="viestija@example.org")
    esp_answers(monkeypatch, 401)

    with django_capture_on_commit_callbacks(execute=True):  # the notice leaves after commit
        sending.create_send(issue, [mailing_list], user=sender)

    send = Send.objects.get()
    assert send.status == Send.Status.FAILED
    assert "bad server token" in send.last_error
    assert no_sleep == []  # not retried: retrying cannot fix credentials
    assert send.progress() == {"sent": 0, "failed": 0, "remaining": 5}
    assert not Batch.objects.filter(status=Batch.Status.IN_FLIGHT).exists()
    notice = [m for m in mail.outbox if m.to == ["viestija@example.org"]]
    assert len(notice) == 1
    assert sending.resume_stalled_sends() == 0  # a failed send is not retried forever

    monkeypatch.undo()
    monkeypatch.setattr(sending, "sleep", no_sleep.append)
    assert sending.resume(send)

    send.refresh_from_db()
    assert send.status == Send.Status.FINISHED
    assert received(bulk_messages()) == Counter({s.email: 1 for s in subscribers})


def test_an_esp_refusing_a_feature_stops_the_send_instead_of_leaving_it_sending(
    anymail, issue, mailing_list, subscribers, monkeypatch
):
    def unsupported(self, payload, message):
        raise AnymailUnsupportedFeature("Test does not support merge_data")

    monkeypatch.setattr(AnymailTestBackend, "post_to_esp", unsupported)

    sending.create_send(issue, [mailing_list])

    send = Send.objects.get()
    assert send.status == Send.Status.FAILED
    assert "does not support merge_data" in send.last_error


def test_smtp_messages_made_from_the_template_equal_messages_built_one_by_one(
    issue, mailing_list, subscribers
):
    sending.create_send(issue, [mailing_list])

    assert len(mail.outbox) == 5
    for message in mail.outbox:
        assert message.raw is not None  # made from the send's MIME template
        fast = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
        message.raw = None
        slow = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
        for header in ("To", "From", "Subject", "Message-ID", "List-Unsubscribe", "List-Id"):
            assert fast[header].strip() == slow[header].strip()
        for kind in ("html", "plain"):
            assert fast.get_body((kind,)).get_content() == slow.get_body((kind,)).get_content()


def test_a_dead_workers_batch_is_handed_out_again_and_its_task_marked_failed(
    issue, mailing_list, subscribers
):
    from django_tasks_db.models import DBTaskResult

    send = Send.objects.create(issue=issue)
    send.mailing_lists.set([mailing_list])
    sending.start(send.pk)
    sending.prepare_deliveries(send)
    task = DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": [send.pk], "kwargs": {}},
        task_path="newsletters.tasks.send_issue",
        backend_name="default",
        run_after=timezone.now(),
    )
    assert sending.claim_batch(send, str(task.pk)) is not None

    assert sending.resume_stalled_sends() == 0  # alive: heartbeat fresh
    assert mail.outbox == []

    with time_machine.travel(timezone.now() + sending.stale_after() + timedelta(seconds=1)):
        assert sending.resume_stalled_sends() == 1

    task.refresh_from_db()
    assert task.status == "FAILED"
    assert received(mail.outbox) == Counter({s.email: 1 for s in subscribers})
    assert Send.objects.get().status == Send.Status.FINISHED
