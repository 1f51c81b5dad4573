import re
from datetime import timedelta

from django.core import mail
from django.urls import reverse

import pytest
import time_machine

from newsletters.models import Subscriber, Subscription
from tests.newsletters.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


def subscribe(client, mailing_list, email="uusi@example.org", **extra):
    data = {
        "subscribe-email": email,
        "subscribe-mailing_lists": [mailing_list.pk],
        "subscribe-name": "Uusi Tilaaja",
        **extra,
    }
    return client.post(reverse("newsletters:subscribe"), data)


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
