"""Recording the ESP's tracking events (anymail's `tracking` signal) on deliveries.

The receiver runs inside the webhook request, so it does little: one lookup, one
insert, a status update. An unknown message or a repeated event is ignored quietly;
raising would make the ESP retry the webhook forever.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from newsletters.models import Delivery, DeliveryEvent, Subscriber, Subscription

HARD_BOUNCE_REASONS = {None, "bounced", "invalid"}
DELIVERY_STATUS = {
    "delivered": Delivery.Status.DELIVERED,
    "bounced": Delivery.Status.BOUNCED,
    "rejected": Delivery.Status.FAILED,
    "complained": Delivery.Status.COMPLAINED,
    "unsubscribed": Delivery.Status.UNSUBSCRIBED,
}


def find_delivery(event):
    """Match by the delivery id sent as metadata, else by message id and recipient."""
    delivery_id = (event.metadata or {}).get("delivery_id")
    if delivery_id and str(delivery_id).isdigit():
        delivery = Delivery.objects.filter(pk=int(delivery_id)).first()
        if delivery is not None:
            return delivery
    if not event.message_id:
        return None
    deliveries = Delivery.objects.filter(esp_message_id=str(event.message_id))
    if event.recipient:
        deliveries = deliveries.filter(subscriber__email__iexact=event.recipient)
    return deliveries.first()


def record_event(event):
    delivery = find_delivery(event)
    if delivery is None:
        return None
    try:
        with transaction.atomic():
            DeliveryEvent.objects.create(
                delivery=delivery,
                event_type=event.event_type,
                esp_event_id=event.event_id or None,
                description=(event.description or event.reject_reason or "")[:500],
                occurred_at=event.timestamp or timezone.now(),
            )
    except IntegrityError:
        return None  # the same ESP event again
    apply_event(delivery, event)
    return delivery


def apply_event(delivery, event):
    status = DELIVERY_STATUS.get(event.event_type)
    if status is not None:
        Delivery.objects.filter(pk=delivery.pk).update(status=status)
    subscriber = delivery.subscriber
    if is_soft_bounce(event):
        soft_bounce(subscriber)
    elif is_hard_bounce(event):
        subscriber.suppress(Subscription.Status.BOUNCED)
    elif event.event_type == "complained":
        subscriber.suppress(Subscription.Status.COMPLAINED)
    elif event.event_type == "unsubscribed":
        Subscription.objects.filter(
            subscriber=subscriber,
            mailing_list__in=delivery.send.mailing_lists.all(),
            status=Subscription.Status.ACTIVE,
        ).update(status=Subscription.Status.UNSUBSCRIBED, changed_at=timezone.now())


def is_soft_bounce(event):
    return event.event_type == "bounced" and event.reject_reason not in HARD_BOUNCE_REASONS


def is_hard_bounce(event):
    """A bounce, or an ESP refusing the address itself as invalid or bouncing."""
    return event.event_type == "bounced" or (
        event.event_type == "rejected" and event.reject_reason in {"bounced", "invalid"}
    )


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
