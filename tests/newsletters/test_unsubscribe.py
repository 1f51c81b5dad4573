from datetime import timedelta

from django.test import Client
from django.urls import reverse

import pytest
import time_machine

from newsletters.emails import recipient_links
from newsletters.models import Subscription
from tests.newsletters.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def unsubscribe_url(subscription, lists=None):
    ids = lists if lists is not None else [subscription.mailing_list_id]
    return recipient_links(subscription.subscriber_id, ids)["unsubscribe_url"]


def test_one_click_post_unsubscribes_without_login_or_csrf_token(subscription):
    client = Client(enforce_csrf_checks=True)

    response = client.post(unsubscribe_url(subscription), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED


def test_one_click_unsubscribes_only_from_the_lists_of_the_message(subscription):
    other = SubscriptionFactory(
        subscriber=subscription.subscriber, mailing_list=MailingListFactory()
    )

    Client(enforce_csrf_checks=True).post(unsubscribe_url(subscription))

    other.refresh_from_db()
    assert other.status == Subscription.Status.ACTIVE


def test_one_click_still_works_years_after_the_mail_came(subscription):
    """Mailbox providers make the RFC 8058 POST whenever the reader presses their
    unsubscribe button, however old the message."""
    url = unsubscribe_url(subscription)

    with time_machine.travel(timedelta(days=5 * 365)):
        response = Client(enforce_csrf_checks=True).post(url)

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED


def test_a_broken_link_never_claims_an_unsubscribe_and_says_what_to_do(subscription):
    url = unsubscribe_url(subscription)[:-6] + "xxxxx/"

    response = Client(enforce_csrf_checks=True).post(url)

    content = response.content.decode()
    assert response.status_code == 400
    assert "Tilaus on peruttu" not in content  # "you have unsubscribed"
    assert "Tilausta ei peruttu" in content
    assert "mailto:" in content
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE


def test_get_only_shows_a_button_and_changes_nothing(client, subscription):
    response = client.get(unsubscribe_url(subscription))

    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE


def test_get_with_tampered_token_shows_a_friendly_page(client, subscription):
    response = client.get(unsubscribe_url(subscription)[:-5] + "xxxx/")

    assert response.status_code == 400
    assert "Peruutuslinkki ei toimi" in response.content.decode()


def test_overlong_token_is_refused_politely(client, db):
    response = client.get(reverse("newsletters:unsubscribe", args=["x" * 5000]))

    assert response.status_code == 400


def test_one_click_unsubscribe_counts_in_the_issues_statistics(issue, subscription):
    from django.core import mail

    from newsletters.admin_views import delivery_stats
    from newsletters.services import sending

    sending.create_send(issue, [subscription.mailing_list])
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    url = header.split(">")[0].lstrip("<")

    Client(enforce_csrf_checks=True).post(url)
    Client(enforce_csrf_checks=True).post(url)

    counts = {event: count for event, _label, count in delivery_stats(issue)}
    assert counts["unsubscribed"] == 1
