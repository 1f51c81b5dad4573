from django.urls import reverse

import pytest

from newsletters.emails import recipient_links
from newsletters.models import Subscription
from tests.newsletters.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def preferences_url(subscription):
    return recipient_links(subscription.subscriber_id, [])["preferences_url"]


def test_preferences_page_shows_the_lists_and_the_current_choice(client, subscription):
    response = client.get(preferences_url(subscription))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Osallisuutta päätöksiin" in content
    assert "checked" in content


def test_choosing_lists_and_language_is_saved(client, subscription):
    research = MailingListFactory(name="Tutkimusviesti")

    response = client.post(
        preferences_url(subscription), {"mailing_lists": [research.pk], "language": "sv"}
    )

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    new = Subscription.objects.get(mailing_list=research)
    assert new.status == Subscription.Status.ACTIVE
    assert new.consent_source == "preferences"
    assert new.subscriber.language == "sv"


def test_unsubscribe_from_everything(client, subscription):
    other = SubscriptionFactory(subscriber=subscription.subscriber)

    client.post(preferences_url(subscription), {"unsubscribe_all": "1"})

    statuses = set(Subscription.objects.values_list("status", flat=True))
    assert statuses == {Subscription.Status.UNSUBSCRIBED}
    assert other.subscriber_id == subscription.subscriber_id


def test_internal_lists_one_is_not_on_are_not_offered(client, subscription):
    MailingListFactory(name="Sisäinen infokirje", visibility="internal")

    response = client.get(preferences_url(subscription))

    assert "Sisäinen infokirje" not in response.content.decode()


def test_preferences_link_with_bad_token_gets_a_friendly_page(client, db):
    response = client.get(reverse("newsletters:preferences", args=["vaara"]))

    assert response.status_code == 400


def test_preferences_post_with_unknown_language_gets_an_error(client, subscription):
    response = client.post(preferences_url(subscription), {"language": "xx"})

    assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE
