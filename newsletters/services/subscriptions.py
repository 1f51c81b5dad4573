"""Double opt-in, preferences and unsubscribing."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.ratelimit import RateLimit
from newsletters.emails import queue_confirmation
from newsletters.models import MailingList, Subscriber, Subscription

CONSENT_TEXT = _(
    "I want to receive the newsletters I chose by e-mail. I can unsubscribe at any time "
    "with the link in every message."
)
# Confirmation mails one address may be sent in an hour, whoever asks.
PER_ADDRESS = RateLimit("newsletters.subscribe-address", limit=3, window=60 * 60)
# Subscribe requests from one client in an hour: enough for a shared office network,
# too few to mail hundreds of strangers from one machine.
PER_CLIENT = RateLimit("newsletters.subscribe-client", limit=10, window=60 * 60)


def request_subscription(
    email, mailing_lists, *, name="", language="fi", region=None, organisation="", source=""
):
    """Record pending subscriptions and queue the confirmation e-mail.

    Whatever the address's history, the caller shows the same answer, so the form
    reveals nothing about who is subscribed. Details of a known address are only
    filled in where blank: an anonymous form must not overwrite someone's data. A list
    the person left (or that bounced) waits for confirmation again, so confirming
    brings it back.
    """
    if PER_ADDRESS.hit(email):
        return
    with transaction.atomic():
        subscriber = Subscriber.objects.for_email(email)
        if subscriber is None:
            subscriber = Subscriber.objects.create(
                email=email.strip(),
                name=name,
                language=language,
                region=region,
                organisation=organisation,
                source=Subscriber.Source.FORM,
            )
        else:
            for field, value in (
                ("name", name),
                ("organisation", organisation),
                ("region", region),
            ):
                if value and not getattr(subscriber, field):
                    setattr(subscriber, field, value)
            subscriber.save()
        waiting = []
        for mailing_list in mailing_lists:
            subscription, _created = Subscription.objects.get_or_create(
                subscriber=subscriber,
                mailing_list=mailing_list,
                defaults={"status": Subscription.Status.PENDING},
            )
            if subscription.status == Subscription.Status.ACTIVE:
                continue
            subscription.status = Subscription.Status.PENDING
            subscription.consent_text = str(CONSENT_TEXT)
            subscription.consent_source = source[:200]
            subscription.save()
            waiting.append(mailing_list)
        if waiting:
            # Stored with the subscriptions; sent by the outbox once they are committed.
            queue_confirmation(subscriber, waiting)


def confirm(subscriber_id, list_ids):
    """Activate the subscriptions a confirmation link names; returns their lists.
    Only pending ones change, so an old link cannot undo a later unsubscribe."""
    now = timezone.now()
    pending = Subscription.objects.filter(subscriber_id=subscriber_id, mailing_list_id__in=list_ids)
    pending.filter(status=Subscription.Status.PENDING).update(
        status=Subscription.Status.ACTIVE, confirmed_at=now, consent_at=now, changed_at=now
    )
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None:
        subscriber.link_member()
        # The address just received and answered our mail: earlier soft bounces are moot.
        Subscriber.objects.filter(pk=subscriber_id).update(soft_bounces=0)
    return MailingList.objects.filter(
        pk__in=pending.filter(status=Subscription.Status.ACTIVE).values("mailing_list_id")
    )


def unsubscribe(subscriber_id, list_ids=None):
    """Stop the given lists (all lists when None). Unknown ids change nothing."""
    subscriptions = Subscription.objects.filter(
        subscriber_id=subscriber_id,
        status__in=[Subscription.Status.ACTIVE, Subscription.Status.PENDING],
    )
    if list_ids is not None:
        subscriptions = subscriptions.filter(mailing_list_id__in=list_ids)
    return subscriptions.update(status=Subscription.Status.UNSUBSCRIBED, changed_at=timezone.now())


def update_preferences(subscriber, chosen_lists, language):
    """Save what the preferences page chose: ticking a list is fresh, explicit consent."""
    now = timezone.now()
    chosen_ids = {m.pk for m in chosen_lists}
    with transaction.atomic():
        subscriber.language = language
        subscriber.save(update_fields=["language"])
        for mailing_list in chosen_lists:
            subscription, created = Subscription.objects.get_or_create(
                subscriber=subscriber, mailing_list=mailing_list
            )
            if created or subscription.status != Subscription.Status.ACTIVE:
                subscription.status = Subscription.Status.ACTIVE
                subscription.consent_text = str(CONSENT_TEXT)
                subscription.consent_source = "preferences"
                subscription.consent_at = subscription.confirmed_at = now
                subscription.changed_at = now
                subscription.save()
        dropped = subscriber.subscriptions.exclude(mailing_list_id__in=chosen_ids)
        dropped.filter(status__in=[Subscription.Status.ACTIVE, Subscription.Status.PENDING]).update(
            status=Subscription.Status.UNSUBSCRIBED, changed_at=now
        )
