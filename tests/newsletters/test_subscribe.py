import re
from datetime import timedelta

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import TestCase
from django.urls import reverse

import pytest
import time_machine

from cms.models import OutgoingEmail
from newsletters.models import Subscriber, Subscription
from newsletters.services.subscriptions import PER_CLIENT
from tests.newsletters.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def subscribe(client, mailing_list, email="uusi@example.org", headers=None, **extra):
    """Post the form; the outbox sends what the request stored once it commits."""
    data = {
        "subscribe-email": email,
        "subscribe-mailing_lists": [mailing_list.pk],
        "subscribe-name": "Uusi Tilaaja",
        **extra,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("newsletters:subscribe"), data, headers=headers)


def confirm_link():
    return re.search(r"https?://\S+/vahvista/\S+/", mail.outbox[-1].body).group(0)


def test_subscribing_sends_a_confirmation_and_receives_nothing_until_confirmed(
    client, mailing_list
):
    response = subscribe(client, mailing_list)

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["uusi@example.org"]
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.consent_text
    assert subscription.subscriber.member is None  # no member record before confirmation


def test_opening_the_confirmation_link_shows_a_button_and_changes_nothing(client, mailing_list):
    subscribe(client, mailing_list)

    response = client.get(confirm_link())

    assert response.status_code == 200
    assert "Vahvista tilaus" in response.content.decode()
    assert Subscription.objects.get().status == Subscription.Status.PENDING


def test_confirming_activates_and_records_consent_time(client, mailing_list):
    subscribe(client, mailing_list)

    response = client.post(confirm_link())

    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.consent_at is not None
    assert subscription.subscriber.member.email == "uusi@example.org"


def test_confirmation_link_expires_after_seven_days(client, mailing_list):
    subscribe(client, mailing_list)
    link = confirm_link()

    with time_machine.travel(timedelta(days=8)):
        response = client.post(link)

    assert response.status_code == 400
    assert "Linkki ei toimi" in response.content.decode()
    assert Subscription.objects.get().status == Subscription.Status.PENDING


def test_tampered_confirmation_link_gets_a_friendly_page(client, mailing_list):
    subscribe(client, mailing_list)

    response = client.post(confirm_link().replace("vahvista/", "vahvista/x"))

    assert response.status_code == 400


def test_answer_is_the_same_for_a_known_address(client, mailing_list):
    SubscriptionFactory(mailing_list=mailing_list, subscriber__email="vanha@example.org")

    known = subscribe(client, mailing_list, email="VANHA@example.org")
    unknown = subscribe(client, mailing_list, email="toinen@example.org")

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert Subscriber.objects.filter(email__iexact="vanha@example.org").count() == 1


def test_known_address_details_are_not_overwritten_by_the_form(client, mailing_list):
    SubscriptionFactory(
        mailing_list=mailing_list, subscriber__email="vanha@example.org", subscriber__name="Aito"
    )

    subscribe(client, mailing_list, email="vanha@example.org", **{"subscribe-name": "Huijari"})

    assert Subscriber.objects.get(email="vanha@example.org").name == "Aito"


def test_honeypot_sends_nothing(client, mailing_list):
    response = subscribe(client, mailing_list, **{"subscribe-website": "http://spam.example"})

    assert response.status_code == 302
    assert mail.outbox == []
    assert not Subscriber.objects.exists()


def test_repeated_requests_for_one_address_are_rate_limited(client, mailing_list):
    for _ in range(6):
        subscribe(client, mailing_list)

    assert len(mail.outbox) == 3


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("ei-osoite", "Anna sähköpostiosoite muodossa nimi@example.org."),
        ("", "Anna sähköpostiosoite muodossa nimi@example.org."),
        ("a" * 250 + "@example.org", "Osoite on liian pitkä: enintään 254 merkkiä."),
    ],
)
def test_bad_address_gets_a_clear_error(client, mailing_list, email, message):
    response = subscribe(client, mailing_list, email=email)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


def test_internal_lists_cannot_be_subscribed_from_the_form(client, mailing_list):
    mailing_list.visibility = "internal"
    mailing_list.save()

    response = subscribe(client, mailing_list)

    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_an_invalid_field_is_described_by_its_error(client, mailing_list):
    response = subscribe(client, mailing_list, email="ei-osoite")

    content = response.content.decode()
    assert 'aria-describedby="id_subscribe-email-error"' in content
    assert 'aria-invalid="true"' in content
    assert 'href="#id_subscribe-email"' in content


@pytest.mark.parametrize(
    "extra",
    [
        {"subscribe-mailing_lists": ["x"]},
        {"subscribe-mailing_lists": ["999999"]},
        {"subscribe-region": "'; drop table"},
        {"subscribe-name": "n" * 5000},
    ],
)
def test_hostile_input_gets_a_400_and_stores_nothing(client, mailing_list, extra):
    response = subscribe(client, mailing_list, **extra)

    assert response.status_code == 400
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_one_client_cannot_mail_many_addresses(client, mailing_list):
    """Before: 30 confirmation mails to 30 strangers in 4.5 seconds from one machine."""
    answers = [
        subscribe(client, mailing_list, email=f"vieras{n}@example.org").status_code
        for n in range(30)
    ]

    assert answers.count(302) == PER_CLIENT.limit
    assert set(answers[PER_CLIENT.limit :]) == {429}
    assert len(mail.outbox) == PER_CLIENT.limit


def test_the_client_limit_answers_the_same_for_known_and_unknown_addresses(client, mailing_list):
    SubscriptionFactory(mailing_list=mailing_list, subscriber__email="vanha@example.org")
    for n in range(PER_CLIENT.limit):
        subscribe(client, mailing_list, email=f"vieras{n}@example.org")

    known = subscribe(client, mailing_list, email="vanha@example.org")
    unknown = subscribe(client, mailing_list, email="toinen@example.org")

    assert known.status_code == unknown.status_code == 429
    assert known["Retry-After"] == unknown["Retry-After"]
    assert known.content == unknown.content


def test_the_client_limit_uses_the_address_behind_trusted_proxies(client, settings, mailing_list):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(PER_CLIENT.limit):
        subscribe(
            client,
            mailing_list,
            email=f"a{n}@example.org",
            headers={"x-forwarded-for": "192.0.2.1"},
        )

    other_office = subscribe(
        client, mailing_list, email="b@example.org", headers={"x-forwarded-for": "192.0.2.2"}
    )
    same_office = subscribe(
        client, mailing_list, email="c@example.org", headers={"x-forwarded-for": "192.0.2.1"}
    )

    assert other_office.status_code == 302
    assert same_office.status_code == 429


def test_the_confirmation_is_stored_in_the_outbox_before_it_is_sent(client, mailing_list):
    subscribe(client, mailing_list)

    stored = OutgoingEmail.objects.get(purpose="newsletters.confirm")
    assert stored.to == "uusi@example.org"
    assert stored.status == OutgoingEmail.Status.SENT
    assert "/uutiskirjeet/vahvista/" in stored.text


def test_a_failed_confirmation_mail_is_kept_for_a_retry(client, settings, mailing_list):
    settings.EMAIL_BACKEND = "tests.newsletters.test_subscribe.BrokenBackend"

    response = subscribe(client, mailing_list)

    assert response.status_code == 302
    stored = OutgoingEmail.objects.get(purpose="newsletters.confirm")
    assert stored.status == OutgoingEmail.Status.QUEUED
    assert stored.attempts == 1 and stored.last_error
    assert Subscription.objects.get().status == Subscription.Status.PENDING


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_resubscribing_after_unsubscribing_reactivates_the_chosen_lists(client, mailing_list):
    other = MailingListFactory()
    subscription = SubscriptionFactory(
        mailing_list=mailing_list,
        subscriber__email="palaava@example.org",
        status=Subscription.Status.UNSUBSCRIBED,
    )
    SubscriptionFactory(
        subscriber=subscription.subscriber,
        mailing_list=other,
        status=Subscription.Status.UNSUBSCRIBED,
    )

    subscribe(client, mailing_list, email="palaava@example.org")
    assert len(mail.outbox) == 1
    client.post(confirm_link())

    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.subscriber.subscriptions.get(mailing_list=other).status == (
        Subscription.Status.UNSUBSCRIBED
    )


def test_confirming_again_clears_earlier_soft_bounces(client, mailing_list):
    subscription = SubscriptionFactory(
        mailing_list=mailing_list,
        subscriber__email="palaava@example.org",
        subscriber__soft_bounces=2,
        status=Subscription.Status.BOUNCED,
    )

    subscribe(client, mailing_list, email="palaava@example.org")
    client.post(confirm_link())

    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.subscriber.soft_bounces == 0


MIS_DECODED = "maija@exa\ufffdmple.org"


@pytest.mark.parametrize("email", [MIS_DECODED, "maija@exa\x00mple.org", '"ma\x01ija"@example.org'])
def test_an_address_mail_cannot_be_sent_to_gets_a_400_and_stores_nothing(
    client, mailing_list, email
):
    """Before: accepted, and its outbox message failed forever with an IDNA error."""
    response = subscribe(client, mailing_list, email=email)

    assert response.status_code == 400
    assert not Subscriber.objects.exists()
    assert not OutgoingEmail.objects.exists()
