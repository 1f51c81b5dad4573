"""The newsletters app's entry in the personal-data registry (cms.privacy).

Erasing keeps the subscriber row and its subscriptions and deliveries, so every
list's subscriber count and every issue's delivery statistics stay true; the address
becomes a placeholder that is no one's, the subscriptions stop, and anything that
could name the person (name, organisation, ESP error texts) is blanked."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import privacy
from newsletters.models import Delivery, DeliveryEvent, Subscriber, Subscription

INACTIVE_RETENTION = timedelta(days=365)
STOPPED = [
    Subscription.Status.UNSUBSCRIBED,
    Subscription.Status.BOUNCED,
    Subscription.Status.COMPLAINED,
]


def _subscribers(member):
    return Subscriber.objects.filter(Q(member=member) | Q(email__iexact=member.email))


def export_subscribers(member):
    rows = _subscribers(member).select_related("region")
    return [
        {
            "email": subscriber.email,
            "name": subscriber.name,
            "organisation": subscriber.organisation,
            "region": str(subscriber.region or ""),
            "language": subscriber.language,
            "source": subscriber.source,
            "created_at": subscriber.created_at.isoformat(),
            "subscriptions": [
                {
                    "list": subscription.mailing_list.name,
                    "status": subscription.status,
                    "consent_text": subscription.consent_text,
                    "consent_given_at": _iso(subscription.consent_at),
                    "confirmed_at": _iso(subscription.confirmed_at),
                }
                for subscription in subscriber.subscriptions.all()
            ],
            "issues_received": subscriber.deliveries.count(),
        }
        for subscriber in rows.prefetch_related("subscriptions__mailing_list")
    ]


def _iso(moment):
    return moment.isoformat() if moment else None


def _anonymise(subscribers):
    now = timezone.now()
    ids = list(subscribers.values_list("pk", flat=True))
    Subscription.objects.filter(subscriber_id__in=ids).exclude(status__in=STOPPED).update(
        status=Subscription.Status.UNSUBSCRIBED, changed_at=now
    )
    Delivery.objects.filter(subscriber_id__in=ids).update(error="")
    DeliveryEvent.objects.filter(delivery__subscriber_id__in=ids).update(description="")
    for pk in ids:
        # Unique per row (the address is unique), reserved by RFC 2606: no one's inbox.
        Subscriber.objects.filter(pk=pk).update(
            email=f"erased-{pk}@erased.invalid",
            name="",
            organisation="",
            member=None,
        )
    return len(ids)


def erase_subscribers(member):
    return _anonymise(_subscribers(member))


def expire_subscribers(now):
    """Addresses that left every list more than a year ago are anonymised."""
    cutoff = now - INACTIVE_RETENTION
    stale = (
        Subscriber.objects.exclude(email__endswith="@erased.invalid")
        .exclude(
            subscriptions__status__in=[Subscription.Status.ACTIVE, Subscription.Status.PENDING]
        )
        .exclude(subscriptions__changed_at__gte=cutoff)
        .filter(created_at__lt=cutoff)
    )
    return _anonymise(stale)


def register():
    privacy.register(
        Subscriber,
        purpose=_("Sending the newsletters the person subscribed to, with their consent."),
        retention=_("While subscribed; anonymised a year after leaving every list."),
        export=export_subscribers,
        erase=erase_subscribers,
        expire=expire_subscribers,
        rows=_subscribers,
    )
