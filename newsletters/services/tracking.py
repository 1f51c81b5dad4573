"""Recording the ESP's tracking events (anymail's `tracking` signal) on deliveries.

The receiver runs inside the webhook request, so it does little: one lookup, one
insert, a status update. An event is matched only by the message id the ESP gave when
it accepted the message, never by an id in the metadata (sequential ids would let one
forged POST suppress any subscriber). An unknown message or a repeated event is ignored
quietly; raising would make the ESP retry the webhook forever.
"""

import hashlib
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from newsletters.models import Delivery, DeliveryEvent, Subscriber, Subscription
from newsletters.services.bounces import is_hard_bounce, is_soft_bounce

DELIVERY_STATUS = {
    "delivered": Delivery.Status.DELIVERED,
    "bounced": Delivery.Status.BOUNCED,
    "rejected": Delivery.Status.FAILED,
    "complained": Delivery.Status.COMPLAINED,
    "unsubscribed": Delivery.Status.UNSUBSCRIBED,
}


def text(value):
    """A payload value as text; anything else (a list, a dict) counts as missing."""
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""


def find_delivery(event):
    """The one delivery with this ESP message id (and recipient, when given: some ESPs
    give a whole batch one message id). None when unknown or ambiguous."""
    message_id = text(event.message_id)
    if not message_id:
        return None
    deliveries = Delivery.objects.filter(esp_message_id=message_id)
    recipient = text(event.recipient)
    if recipient:
        deliveries = deliveries.filter(subscriber__email__iexact=recipient)
    matches = list(deliveries.select_related("subscriber")[:2])
    return matches[0] if len(matches) == 1 else None


def event_key(event, esp_name):
    """What makes an event the same when the ESP posts it again. With the ESP's event
    id that id decides; without one (Brevo gives none) the message, type and time do.
    The recipient is part of it: Amazon SES gives all recipients of a message one id."""
    event_id = text(event.event_id)
    parts = [esp_name, text(event.recipient).lower(), text(event.event_type)]
    if event_id:
        parts += ["id", event_id]
    else:
        parts += ["message", text(event.message_id), occurred_at(event).isoformat()]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def occurred_at(event):
    return event.timestamp if isinstance(event.timestamp, datetime) else timezone.now()


def record_event(event, esp_name=""):
    delivery = find_delivery(event)
    if delivery is None:
        return None
    try:
        with transaction.atomic():
            DeliveryEvent.objects.create(
                delivery=delivery,
                event_type=text(event.event_type)[:20],
                esp_event_id=event_key(event, esp_name),
                description=text(event.description or event.reject_reason)[:500],
                occurred_at=occurred_at(event),
            )
    except IntegrityError:
        return None  # the same ESP event again
    apply_event(delivery, event, esp_name)
    return delivery


def apply_event(delivery, event, esp_name):
    status = DELIVERY_STATUS.get(event.event_type)
    if status is not None:
        Delivery.objects.filter(pk=delivery.pk).update(status=status)
    subscriber = delivery.subscriber
    if is_soft_bounce(event, esp_name):
        soft_bounce(subscriber)
    elif is_hard_bounce(event, esp_name):
        subscriber.suppress(Subscription.Status.BOUNCED)
    elif event.event_type == "complained":
        subscriber.suppress(Subscription.Status.COMPLAINED)
    elif event.event_type == "unsubscribed":
        Subscription.objects.filter(
            subscriber=subscriber,
            mailing_list__in=delivery.send.mailing_lists.all(),
            status=Subscription.Status.ACTIVE,
        ).update(status=Subscription.Status.UNSUBSCRIBED, changed_at=timezone.now())


def record_unsubscribe(issue_id, subscriber_id):
    """Count an unsubscribe through the link of an issue in that issue's statistics."""
    delivery = Delivery.objects.filter(issue_id=issue_id, subscriber_id=subscriber_id).first()
    if delivery is not None:
        DeliveryEvent.objects.create(
            delivery=delivery, event_type="unsubscribed", occurred_at=timezone.now()
        )
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.UNSUBSCRIBED)


def soft_bounce(subscriber):
    """A temporary failure; enough of them and the address counts as bounced."""
    Subscriber.objects.filter(pk=subscriber.pk).update(soft_bounces=F("soft_bounces") + 1)
    subscriber.refresh_from_db(fields=["soft_bounces"])
    if subscriber.soft_bounces >= settings.NEWSLETTER_SOFT_BOUNCE_LIMIT:
        subscriber.suppress(Subscription.Status.BOUNCED)
