from django.core import mail
from django.urls import reverse

import pytest

from newsletters.models import Send, Subscription
from newsletters.services import tracking
from tests.newsletters.conftest import login, refused

pytestmark = pytest.mark.django_db


def test_sending_views_are_refused_without_permission(client, django_user_model, issue):
    login(client, django_user_model)

    assert refused(client.get(reverse("newsletters_admin:issue", args=[issue.pk])))
    assert refused(client.post(reverse("newsletters_admin:send", args=[issue.pk])))
    assert refused(client.post(reverse("newsletters_admin:send_test", args=[issue.pk])))
    assert not Send.objects.exists()


def test_viewers_see_progress_but_cannot_send(client, django_user_model, issue, mailing_list):
    login(client, django_user_model, "view_send")

    page = client.get(reverse("newsletters_admin:issue", args=[issue.pk]))
    send = client.post(
        reverse("newsletters_admin:send", args=[issue.pk]),
        {"mailing_lists": [mailing_list.pk], "confirm": "1"},
    )

    assert page.status_code == 200
    assert refused(send)
    assert not Send.objects.exists()


def test_send_shows_the_recipient_count_before_anything_is_sent(
    client, sender, issue, mailing_list, subscribers
):
    response = client.post(
        reverse("newsletters_admin:send", args=[issue.pk]), {"mailing_lists": [mailing_list.pk]}
    )

    assert response.status_code == 200
    assert "Numero lähetetään 5 vastaanottajalle." in response.content.decode()
    assert not Send.objects.exists()
    assert mail.outbox == []


def test_confirming_sends_the_issue(client, sender, issue, mailing_list, subscribers):
    response = client.post(
        reverse("newsletters_admin:send", args=[issue.pk]),
        {"mailing_lists": [mailing_list.pk], "confirm": "1"},
    )

    assert response.status_code == 302
    send = Send.objects.get()
    assert send.status == Send.Status.FINISHED
    assert send.created_by == sender
    assert len(mail.outbox) == 5


def test_send_without_lists_gets_an_error(client, sender, issue):
    response = client.post(reverse("newsletters_admin:send", args=[issue.pk]), {})

    assert response.status_code == 400


def test_send_test_goes_to_the_given_addresses(client, sender, issue, subscribers):
    client.post(
        reverse("newsletters_admin:send_test", args=[issue.pk]),
        {"addresses": "testi@example.org, toinen@example.org"},
    )

    assert sorted(m.to[0] for m in mail.outbox) == ["testi@example.org", "toinen@example.org"]


def test_send_test_refuses_bad_addresses(client, sender, issue):
    client.post(reverse("newsletters_admin:send_test", args=[issue.pk]), {"addresses": "x, y"})

    assert mail.outbox == []


def test_a_scheduled_send_can_be_cancelled(client, sender, issue, mailing_list, subscribers):
    client.post(
        reverse("newsletters_admin:send", args=[issue.pk]),
        {"mailing_lists": [mailing_list.pk], "scheduled_at": "2099-01-01T09:00", "confirm": "1"},
    )
    send = Send.objects.get()

    client.post(reverse("newsletters_admin:cancel", args=[send.pk]))

    send.refresh_from_db()
    assert send.status == Send.Status.CANCELLED
    assert mail.outbox == []


def test_a_stopped_send_shows_its_error_and_retry_carries_on(
    client, sender, issue, mailing_list, subscribers
):
    send = Send.objects.create(
        issue=issue, status=Send.Status.FAILED, last_error="Unauthorized: bad server token"
    )
    send.mailing_lists.set([mailing_list])
    resume = reverse("newsletters_admin:resume", args=[send.pk])

    page = client.get(reverse("newsletters_admin:issue", args=[issue.pk])).content.decode()
    client.post(resume)

    assert "Unauthorized: bad server token" in page
    assert f'action="{resume}"' in page
    assert "Yritä uudelleen" in page
    send.refresh_from_db()
    assert send.status == Send.Status.FINISHED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in subscribers)


def test_issue_page_shows_progress_and_delivery_counts(
    client, sender, issue, mailing_list, subscribers
):
    client.post(
        reverse("newsletters_admin:send", args=[issue.pk]),
        {"mailing_lists": [mailing_list.pk], "confirm": "1"},
    )
    for number, delivery in enumerate(issue.deliveries.all()[:2]):
        delivery.esp_message_id = f"m{number}"
        delivery.save()
        from anymail.signals import AnymailTrackingEvent

        tracking.record_event(AnymailTrackingEvent(event_type="delivered", message_id=f"m{number}"))

    response = client.get(reverse("newsletters_admin:issue", args=[issue.pk]))

    content = response.content.decode()
    assert '<dd data-stat="delivered">2</dd>' in content
    assert '<dd data-stat="bounced">0</dd>' in content
    assert "<td>5</td><td>0</td><td>0</td>" in content.replace("\n", "").replace(" ", "")


def test_subscriptions_can_be_exported_as_csv(client, django_user_model, subscribers):
    login(client, django_user_model, "view_subscription")

    response = client.get(reverse("wagtailsnippets_newsletters_subscription:list") + "?export=csv")

    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert subscribers[0].email in body


def test_issue_page_header_has_a_sending_button(admin_client, issue):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))

    assert reverse("newsletters_admin:issue", args=[issue.pk]) in response.content.decode()


@pytest.mark.parametrize("model", ["mailinglist", "subscriber", "subscription"])
def test_snippet_listings_and_add_forms_open(admin_client, subscribers, model):
    listing = admin_client.get(reverse(f"wagtailsnippets_newsletters_{model}:list"))
    add = admin_client.get(reverse(f"wagtailsnippets_newsletters_{model}:add"))

    assert listing.status_code == 200
    assert add.status_code == 200


def test_staff_add_a_subscriber_to_an_internal_list(admin_client, db):
    from tests.newsletters.factories import MailingListFactory

    internal = MailingListFactory(name="Infokirje", visibility="internal")

    response = admin_client.post(
        reverse("wagtailsnippets_newsletters_subscriber:add"),
        {
            "email": "hanketyontekija@example.org",
            "name": "Hanna Hanketyöntekijä",
            "language": "fi",
            "organisation": "",
            "region": "",
            "subscriptions-TOTAL_FORMS": "1",
            "subscriptions-INITIAL_FORMS": "0",
            "subscriptions-MIN_NUM_FORMS": "0",
            "subscriptions-MAX_NUM_FORMS": "1000",
            "subscriptions-0-mailing_list": internal.pk,
            "subscriptions-0-status": "active",
            "subscriptions-0-consent_text": "Hankesopimus",
            "subscriptions-0-id": "",
            "subscriptions-0-ORDER": "1",
            "subscriptions-0-DELETE": "",
        },
    )

    assert response.status_code == 302
    subscription = Subscription.objects.get(subscriber__email="hanketyontekija@example.org")
    assert subscription.mailing_list == internal
    assert subscription.status == Subscription.Status.ACTIVE


@pytest.mark.parametrize(
    ("status", "refreshes"),
    [
        (Send.Status.SCHEDULED, True),
        (Send.Status.SENDING, True),
        (Send.Status.PAUSED, False),
        (Send.Status.FINISHED, False),
    ],
)
def test_the_issue_page_refreshes_itself_only_while_a_send_is_in_progress(
    client, sender, issue, status, refreshes
):
    Send.objects.create(issue=issue, status=status)

    page = client.get(reverse("newsletters_admin:issue", args=[issue.pk])).content.decode()

    assert ('http-equiv="refresh"' in page) is refreshes
