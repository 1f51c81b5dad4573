import base64
import json
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from anymail.signals import AnymailTrackingEvent, tracking

from newsletters.models import Delivery, DeliveryEvent, Subscription
from newsletters.services import sending
from tests.newsletters.conftest import ANYMAIL_TEST
from tests.newsletters.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivery(settings, issue, mailing_list):
    """One recipient who has been sent the issue through anymail."""
    settings.EMAIL_BACKEND = ANYMAIL_TEST
    settings.NEWSLETTER_WEBHOOK_ESPS = ["postmark"]  # the webhook the tests post to
    SubscriptionFactory(mailing_list=mailing_list, subscriber__email="lukija@example.org")
    sending.create_send(issue, [mailing_list])
    return Delivery.objects.get()


def fire(delivery=None, event_type="delivered", event_id="ev-1", reject_reason=None, **extra):
    """An event about the message the ESP accepted for `delivery`."""
    if delivery is not None:
        extra.setdefault("message_id", delivery.esp_message_id)
    extra.setdefault("recipient", "lukija@example.org")
    extra.setdefault("timestamp", timezone.now())
    event = AnymailTrackingEvent(
        event_type=event_type, event_id=event_id, reject_reason=reject_reason, **extra
    )
    tracking.send(sender=object, event=event, esp_name="Test")


def statuses(delivery):
    return set(delivery.subscriber.subscriptions.values_list("status", flat=True))


def test_delivered_event_is_recorded_on_the_delivery(delivery):
    fire(delivery)

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED
    assert delivery.events.get().event_type == "delivered"


def test_event_is_matched_by_the_esp_message_id_recorded_at_send(delivery):
    assert delivery.esp_message_id

    fire(message_id=delivery.esp_message_id)

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED


def test_a_delivery_id_in_the_metadata_matches_nothing(delivery):
    """Delivery ids are sequential: trusting them let one forged POST suppress anyone."""
    fire(
        event_type="bounced",
        reject_reason="bounced",
        message_id="forged",
        metadata={"delivery_id": str(delivery.pk)},
    )

    assert statuses(delivery) == {Subscription.Status.ACTIVE}
    assert not DeliveryEvent.objects.exists()


def test_malformed_metadata_is_ignored(delivery):
    fire(delivery, metadata=["not", "a", "dict"], event_id=["odd"], description={"x": 1})

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED


def test_a_message_id_shared_by_a_batch_needs_the_recipient(delivery):
    """Mailgun and SparkPost give every recipient of one API call the same id."""
    other = SubscriptionFactory(mailing_list=delivery.send.mailing_lists.get()).subscriber
    Delivery.objects.create(
        issue=delivery.issue,
        subscriber=other,
        send=delivery.send,
        batch=delivery.batch,
        esp_message_id=delivery.esp_message_id,
    )

    fire(delivery, recipient=None)

    assert not DeliveryEvent.objects.exists()


def test_events_without_an_event_id_are_recorded_once(delivery):
    """Brevo gives no event id; a repost of the same event must not count twice."""
    when = timezone.now()
    for _ in range(2):
        fire(
            delivery, event_type="bounced", reject_reason="timed_out", event_id=None, timestamp=when
        )
    fire(
        delivery,
        event_type="bounced",
        reject_reason="timed_out",
        event_id=None,
        timestamp=when + timedelta(hours=1),
    )

    delivery.subscriber.refresh_from_db()
    assert delivery.subscriber.soft_bounces == 2
    assert DeliveryEvent.objects.count() == 2


def test_a_repeated_event_is_ignored(delivery):
    fire(delivery, event_type="bounced", reject_reason="timed_out")
    fire(delivery, event_type="bounced", reject_reason="timed_out")

    assert DeliveryEvent.objects.count() == 1
    delivery.subscriber.refresh_from_db()
    assert delivery.subscriber.soft_bounces == 1


def test_an_event_for_an_unknown_message_is_ignored_quietly(delivery):
    fire(message_id="tuntematon")

    assert not DeliveryEvent.objects.exists()


def test_a_hard_bounce_marks_the_address_bounced_on_every_list(delivery):
    SubscriptionFactory(subscriber=delivery.subscriber, mailing_list=MailingListFactory())

    fire(delivery, event_type="bounced", reject_reason="bounced")

    assert statuses(delivery) == {Subscription.Status.BOUNCED}
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.BOUNCED


def test_soft_bounces_count_toward_the_threshold(settings, delivery):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 2

    fire(delivery, event_type="bounced", reject_reason="timed_out", event_id="a")
    assert statuses(delivery) == {Subscription.Status.ACTIVE}
    fire(delivery, event_type="bounced", reject_reason="other", event_id="b")

    assert statuses(delivery) == {Subscription.Status.BOUNCED}


def test_a_complaint_unsubscribes_from_everything(delivery):
    SubscriptionFactory(subscriber=delivery.subscriber, mailing_list=MailingListFactory())

    fire(delivery, event_type="complained")

    assert statuses(delivery) == {Subscription.Status.COMPLAINED}


def test_an_esp_unsubscribe_stops_the_lists_of_that_send(delivery):
    other = SubscriptionFactory(subscriber=delivery.subscriber, mailing_list=MailingListFactory())

    fire(delivery, event_type="unsubscribed")

    other.refresh_from_db()
    assert other.status == Subscription.Status.ACTIVE
    assert (
        delivery.subscriber.subscriptions.get(mailing_list=delivery.send.mailing_lists.get()).status
        == Subscription.Status.UNSUBSCRIBED
    )


def test_a_rejected_invalid_address_is_suppressed(delivery):
    fire(delivery, event_type="rejected", reject_reason="invalid")

    assert statuses(delivery) == {Subscription.Status.BOUNCED}


def test_suppressed_addresses_are_not_sent_the_next_issue(delivery, index, mailing_list):
    from django.core import mail

    from tests.newsletters.factories import NewsletterIssuePageFactory

    fire(delivery, event_type="complained")
    mail.outbox.clear()

    sending.create_send(NewsletterIssuePageFactory(parent=index), [mailing_list])

    assert mail.outbox == []


POSTMARK_DELIVERY = {
    "RecordType": "Delivery",
    "MessageID": "pm-1",
    "Recipient": "lukija@example.org",
    "DeliveredAt": "2025-03-03T08:00:00Z",
    "Metadata": {},
}


def post_webhook(client, credentials=None):
    headers = {}
    if credentials:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(credentials).decode()
    return client.post(
        reverse("newsletters:anymail:postmark_tracking_webhook"),
        data=json.dumps(POSTMARK_DELIVERY),
        content_type="application/json",
        **headers,
    )


def test_webhook_without_the_secret_is_refused(client, delivery):
    response = post_webhook(client)

    assert response.status_code in (400, 401, 403)
    assert not DeliveryEvent.objects.exists()


def test_webhook_with_a_wrong_secret_is_refused(client, delivery):
    response = post_webhook(client, b"hook:wrong")

    assert response.status_code in (400, 401, 403)


def test_webhook_with_the_secret_records_the_event(client, delivery):
    Delivery.objects.filter(pk=delivery.pk).update(esp_message_id="pm-1")

    response = post_webhook(client, b"hook:secret")

    assert response.status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED


def test_webhook_for_an_unknown_message_still_answers_200(client, delivery):
    response = post_webhook(client, b"hook:secret")

    assert response.status_code == 200
