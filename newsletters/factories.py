"""Factories for the records `newsletters` owns, from plain data: mailing lists,
subscribers and their subscriptions. The demo loader feeds its tables through these and
tests may import them; like `cms.factories`, each leaves a record that already exists as
it is, so loading the demo again creates nothing new."""

from django.utils import timezone

from newsletters.models import MailingList, Subscriber, Subscription


def mailing_list(slug, **facts):
    """The mailing list with `slug`, created with `facts` if missing."""
    return MailingList.objects.get_or_create(slug=slug, defaults=facts)[0]


def subscriber(email, **facts):
    """The subscriber with `email` (however it is written), created with `facts` if
    missing."""
    return Subscriber.objects.for_email(email) or Subscriber.objects.create(email=email, **facts)


def subscription(subscriber, mailing_list, **consent):
    """The subscriber's subscription to the list, given now with `consent` (its text and
    source) if missing."""
    return Subscription.objects.get_or_create(
        subscriber=subscriber,
        mailing_list=mailing_list,
        defaults={"consent_at": timezone.now(), **consent},
    )[0]
