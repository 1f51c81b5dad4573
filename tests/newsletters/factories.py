"""Factories for newsletter tests."""

from django.utils import timezone

import factory
import wagtail_factories

from newsletters.models import (
    MailingList,
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    Subscription,
)


class MailingListFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Uutiskirje {n}")
    slug = factory.Sequence(lambda n: f"uutiskirje-{n}")

    class Meta:
        model = MailingList


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"tilaaja{n}@example.org")
    name = factory.Sequence(lambda n: f"Tilaaja {n}")

    class Meta:
        model = Subscriber


class SubscriptionFactory(factory.django.DjangoModelFactory):
    subscriber = factory.SubFactory(SubscriberFactory)
    mailing_list = factory.SubFactory(MailingListFactory)
    status = Subscription.Status.ACTIVE
    consent_text = "Testisuostumus"
    consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscription


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    title = "Uutiskirje"
    slug = "uutiskirje"

    class Meta:
        model = NewsletterIndexPage


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Osallisuutta päätöksiin {n}/2025")
    lead = "Tämän numeron aiheet."
    body = [("paragraph", "<p>Hyvä lukija, tervetuloa.</p>")]

    class Meta:
        model = NewsletterIssuePage
