"""Each ESP's tracking webhook with that ESP's own sample payloads.

The payloads are the bounce samples from django-anymail's test suite
(tests/test_<esp>_webhooks.py, which copies them from each ESP's documentation), with the
address changed to example.org. Soft bounces use the same samples with the ESP's own
soft marker (Postmark "SoftBounce", Brevo "soft_bounce", SES/Resend "Transient",
SparkPost class 22 "mailbox full", Mailjet hard_bounce false).
"""

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

import pytest
from anymail import urls as anymail_urls

from newsletters.models import Delivery, DeliveryEvent, Subscription
from newsletters.services import sending
from tests.newsletters.conftest import ANYMAIL_TEST
from tests.newsletters.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

RECIPIENT = "palautuva@example.org"
SECRET = "hook:secret"
MAILGUN_KEY = "TEST_WEBHOOK_SIGNING_KEY"


def postmark(message_id, soft):
    return {
        "RecordType": "Bounce",
        "ID": 901542550,
        "Type": "SoftBounce" if soft else "HardBounce",
        "TypeCode": 4096 if soft else 1,
        "ServerID": 23,
        "Name": "Soft bounce" if soft else "Hard bounce",
        "MessageID": message_id,
        "Description": "The server was unable to deliver your message"
        " (ex: unknown user, mailbox not found).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Email": RECIPIENT,
        "From": "sender@example.org",
        "BouncedAt": "2016-04-27T16:28:50.3963933-04:00",
        "DumpAvailable": True,
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Postmark event test",
        "Content": "...",
    }


def brevo(message_id, soft):
    return {
        "event": "soft_bounce" if soft else "hard_bounce",
        "email": RECIPIENT,
        "ts_epoch": 1520363423000,
        "message-id": message_id,
        "reason": " RecipientError: 550 5.5.0 Requested action not taken: mailbox unavailable.",
        "tag": "header-tag",
    }


def amazon_ses(message_id, soft):
    ses_event = {
        "notificationType": "Bounce",
        "bounce": {
            "bounceType": "Transient" if soft else "Permanent",
            "reportingMTA": "dns; email.example.org",
            "bouncedRecipients": [
                {
                    "emailAddress": RECIPIENT,
                    "status": "5.1.1",
                    "action": "failed",
                    "diagnosticCode": "smtp; 550 5.1.1 User unknown",
                }
            ],
            "bounceSubType": "MailboxFull" if soft else "General",
            "timestamp": "2016-01-27T14:59:44.101Z",
            "feedbackId": "00000138111222aa-44455566-cccc-cccc-cccc-ddddaaaa068a-000000",
            "remoteMtaIp": "127.0.2.0",
        },
        "mail": {
            "timestamp": "2016-01-27T14:59:38.237Z",
            "source": "john@example.org",
            "messageId": message_id,
            "destination": [RECIPIENT],
            "headersTruncated": False,
            "headers": [{"name": "Subject", "value": "Hello"}],
        },
    }
    return {
        "Type": "Notification",
        "MessageId": "19ba9823-d7f2-53c1-860e-cb10e0d13dfc",
        "TopicArn": "arn:aws:sns:us-east-1:1234567890:SES_Events",
        "Subject": "Amazon SES Email Event Notification",
        "Message": json.dumps(ses_event) + "\n",
        "Timestamp": "2018-03-26T17:58:59.675Z",
        "SignatureVersion": "1",
        "Signature": "EXAMPLE-SIGNATURE==",
    }


def mailgun(message_id, soft):
    event_data = {
        "event": "failed",
        "severity": "permanent",
        "reason": "bounce",
        "recipient": RECIPIENT,
        "timestamp": 1534110422.389832,
        "log-level": "error",
        "message": {"headers": {"to": RECIPIENT, "message-id": message_id.strip("<>")}},
        "delivery-status": {
            "code": 550,
            "message": "5.1.1 The email account that you tried to reach does not exist.",
            "description": "",
        },
    }
    return sign_mailgun({"event-data": event_data})


def sign_mailgun(payload, key=MAILGUN_KEY):
    token, timestamp = "1234567890abcdef1234567890abcdef", "1534110422"
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256)
    payload["signature"] = {
        "token": token,
        "timestamp": timestamp,
        "signature": signature.hexdigest(),
    }
    return payload


def mailjet(message_id, soft):
    return [
        {
            "event": "bounce",
            "time": 1498093527,
            "MessageID": int(message_id),
            "email": RECIPIENT,
            "mj_campaign_id": 1234567890,
            "mj_contact_id": 9876543210,
            "customcampaign": "",
            "blocked": True,
            "hard_bounce": not soft,
            "error_related_to": "recipient",
            "error": "user unknown",
        }
    ]


def resend(message_id, soft):
    return {
        "created_at": "2023-10-02T18:11:26.101Z",
        "data": {
            "bounce": {
                "message": "The recipient's email provider sent a hard bounce message, but"
                " didn't specify the reason for the hard bounce.",
                "type": "Transient" if soft else "Permanent",
                "subType": "MailboxFull" if soft else "General",
            },
            "created_at": "2023-10-02T18:11:25.729Z",
            "email_id": message_id,
            "from": "Sender <from@example.org>",
            "subject": "Sending test",
            "to": [RECIPIENT],
        },
        "type": "email.bounced",
    }


def sparkpost(message_id, soft):
    return [
        {
            "msys": {
                "message_event": {
                    "type": "bounce",
                    "bounce_class": "22" if soft else "10",
                    "customer_id": "00000",
                    "error_code": "550",
                    "event_id": "84345317653491230",
                    "message_id": "0004e3724f57753a3561",
                    "raw_rcpt_to": RECIPIENT,
                    "raw_reason": "550 5.1.1 Recipient address rejected: User unknown",
                    "rcpt_to": RECIPIENT,
                    "reason": "550 5.1.1 ...@... Recipient address rejected: ...",
                    "timestamp": "1464824548",
                    "transmission_id": message_id,
                }
            },
            "cust": {"id": "00000"},
        }
    ]


@dataclass
class Esp:
    name: str
    payload: Callable
    message_id: str
    content_type: str = "application/json"

    @property
    def url(self):
        return reverse(f"newsletters:anymail:{self.name}_tracking_webhook")

    def post(self, client, body, credentials=SECRET):
        headers = {}
        if credentials:
            token = base64.b64encode(credentials.encode()).decode()
            headers["HTTP_AUTHORIZATION"] = f"Basic {token}"
        if self.name == "amazon_ses":
            message = sns_message(body)
            headers["HTTP_X_AMZ_SNS_MESSAGE_TYPE"] = message.get("Type", "Notification")
            headers["HTTP_X_AMZ_SNS_MESSAGE_ID"] = message.get("MessageId", "1")
        return client.generic("POST", self.url, body, content_type=self.content_type, **headers)


def sns_message(body):
    """The SNS headers repeat the body's type and id; a test of bad bodies keeps them."""
    try:
        message = json.loads(body)
    except ValueError:
        return {}
    return message if isinstance(message, dict) else {}


ESPS = [
    Esp("postmark", postmark, "2706ee8a-737c-4285-b032-ccd317af53ed"),
    Esp("brevo", brevo, "<201803011158.9876543210@smtp-relay.mailin.fr>"),
    Esp(
        "amazon_ses",
        amazon_ses,
        "00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000",
        content_type="text/plain; charset=UTF-8",
    ),
    Esp("mailgun", mailgun, "<20180812214658.1.0DF563D0B3597700@example.org>"),
    Esp("mailjet", mailjet, "12345678901234567"),
    Esp("resend", resend, "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"),
    Esp("sparkpost", sparkpost, "84345317650824116"),
]
ids = [esp.name for esp in ESPS]


@pytest.fixture(autouse=True)
def _webhook_settings(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET, "MAILGUN_WEBHOOK_SIGNING_KEY": MAILGUN_KEY}
    settings.NEWSLETTER_WEBHOOK_ESPS = [esp.name for esp in ESPS]


@pytest.fixture
def delivery(settings, issue, mailing_list):
    """A recipient on two lists who was sent the issue; the ESP's id recorded at send."""
    settings.EMAIL_BACKEND = ANYMAIL_TEST
    subscription = SubscriptionFactory(mailing_list=mailing_list, subscriber__email=RECIPIENT)
    SubscriptionFactory(subscriber=subscription.subscriber, mailing_list=MailingListFactory())
    sending.create_send(issue, [mailing_list])
    return Delivery.objects.get()


def statuses(delivery):
    return set(delivery.subscriber.subscriptions.values_list("status", flat=True))


def sent_as(delivery, esp):
    Delivery.objects.filter(pk=delivery.pk).update(esp_message_id=esp.message_id)


@pytest.mark.parametrize("esp", ESPS, ids=ids)
def test_a_hard_bounce_suppresses_the_address_on_every_list(client, delivery, esp):
    sent_as(delivery, esp)

    response = esp.post(client, json.dumps(esp.payload(esp.message_id, soft=False)))

    assert response.status_code == 200
    assert statuses(delivery) == {Subscription.Status.BOUNCED}
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.BOUNCED


SOFT_ESPS = [esp for esp in ESPS if esp.name != "mailgun"]  # Mailgun's are "deferred"


@pytest.mark.parametrize("esp", SOFT_ESPS, ids=[esp.name for esp in SOFT_ESPS])
def test_a_soft_bounce_only_counts_toward_the_limit(client, delivery, esp):
    sent_as(delivery, esp)

    response = esp.post(client, json.dumps(esp.payload(esp.message_id, soft=True)))

    assert response.status_code == 200
    assert statuses(delivery) == {Subscription.Status.ACTIVE}
    delivery.subscriber.refresh_from_db()
    assert delivery.subscriber.soft_bounces == 1


@pytest.mark.parametrize("esp", ESPS, ids=ids)
def test_the_same_event_posted_twice_counts_once(client, delivery, esp):
    sent_as(delivery, esp)
    body = json.dumps(esp.payload(esp.message_id, soft=True))

    esp.post(client, body)
    esp.post(client, body)

    assert DeliveryEvent.objects.count() == 1


@pytest.mark.parametrize("esp", ESPS, ids=ids)
@pytest.mark.parametrize("credentials", [None, "hook:wrong"], ids=["unsigned", "forged"])
def test_a_bounce_without_the_secret_is_refused(client, delivery, esp, credentials):
    sent_as(delivery, esp)

    response = esp.post(client, json.dumps(esp.payload(esp.message_id, soft=False)), credentials)

    # 401 only from Amazon SES: SNS sends its credentials only after that challenge.
    assert response.status_code in (400, 401, 403)
    assert statuses(delivery) == {Subscription.Status.ACTIVE}
    assert not DeliveryEvent.objects.exists()


def test_a_mailgun_bounce_with_a_forged_signature_is_refused(client, delivery):
    esp = ESPS[3]
    sent_as(delivery, esp)
    payload = sign_mailgun(mailgun(esp.message_id, soft=False), key="guessed")

    response = esp.post(client, json.dumps(payload))

    assert response.status_code == 400
    assert statuses(delivery) == {Subscription.Status.ACTIVE}


@pytest.mark.parametrize("esp", ESPS, ids=ids)
def test_the_webhook_is_closed_while_no_secret_is_configured(client, settings, delivery, esp):
    settings.ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": MAILGUN_KEY}
    sent_as(delivery, esp)

    response = esp.post(client, json.dumps(esp.payload(esp.message_id, soft=False)), None)

    assert response.status_code == 403
    assert statuses(delivery) == {Subscription.Status.ACTIVE}


# Bodies no ESP sends: not JSON, not UTF-8, or JSON of the wrong kind.
UNREADABLE = ["", "not json", "{", "null", "42", '"text"', "[1, 2]", "\udcff"]
# JSON of the right kind with parts missing or of the wrong type. Some of them parse as
# an event anymail does not know (an ESP may add event types: those are taken and
# ignored); none may crash the webhook.
ODD = [
    "[]",
    '["a"]',
    "{}",
    '{"RecordType": "Bounce", "Metadata": []}',
    '{"RecordType": "Delivery", "MessageID": [], "Metadata": {"anymail_id": {}}}',
    '{"event": "hard_bounce", "ts_epoch": "soon", "message-id": {}}',
    '{"event-data": []}',
    '{"event-data": {"event": "failed", "timestamp": "x"}}',
    '{"data": [], "type": "email.bounced", "created_at": 3}',
    '{"data": {"bounce": []}, "type": "email.bounced"}',
    '[{"msys": []}]',
    '[{"msys": {"message_event": {"type": "bounce", "timestamp": "x"}}}]',
    '[{"event": "bounce", "time": "yesterday"}]',
    '{"Type": "Notification", "MessageId": "1", "Message": "{]"}',
    '{"Type": "Notification", "MessageId": "1", "Message": "[]"}',
    '{"Type": "Notification", "MessageId": "1", "Message": "{\\"notificationType\\": []}"}',
]


def signed_if_mailgun(esp, body):
    """Mailgun checks its signature first; sign the odd body so its parser sees it."""
    try:
        payload = json.loads(body)
    except ValueError:
        return body
    if esp.name == "mailgun" and isinstance(payload, dict):
        return json.dumps(sign_mailgun(payload))
    return body


@pytest.mark.parametrize("esp", ESPS, ids=ids)
@pytest.mark.parametrize("body", UNREADABLE)
def test_an_unreadable_body_answers_400(client, esp, body):
    response = esp.post(client, body.encode("utf-8", "surrogateescape"))

    assert response.status_code == 400


@pytest.mark.parametrize("esp", ESPS, ids=ids)
@pytest.mark.parametrize("body", ODD)
def test_an_odd_body_answers_400_or_is_ignored_never_500(client, delivery, esp, body):
    sent_as(delivery, esp)

    response = esp.post(client, signed_if_mailgun(esp, body))

    assert response.status_code in (200, 400)
    assert not DeliveryEvent.objects.exists()
    assert statuses(delivery) == {Subscription.Status.ACTIVE}


# Every tracking URL anymail has (14), by its path segment, and the ESP-specific setting
# without which anymail's own view answers 500 to any POST.
TRACKING = [p for p in anymail_urls.urlpatterns if p.name.endswith("tracking_webhook")]
TRACKING_IDS = [str(p.pattern).split("/")[0] for p in TRACKING]
ESP_KEYS = {
    "mailgun": "MAILGUN_WEBHOOK_SIGNING_KEY",
    "mailersend": "MAILERSEND_SIGNING_SECRET",
    "mandrill": "MANDRILL_WEBHOOK_KEY",
    "postal": "POSTAL_WEBHOOK_KEY",
    "unisender_go": "UNISENDER_GO_API_KEY",
}
# The SendinBlue URL is deprecated and SendGrid unsupported: anymail warns on each call.
ignore_esp_warnings = [
    pytest.mark.filterwarnings("ignore::anymail.exceptions.AnymailDeprecationWarning"),
    pytest.mark.filterwarnings("ignore::anymail.exceptions.AnymailNotSupportedWarning"),
]


def apply(marks):
    def decorate(function):
        for mark in marks:
            function = mark(function)
        return function

    return decorate


def post_to(client, pattern, body, credentials=SECRET):
    token = base64.b64encode(credentials.encode()).decode()
    return client.generic(
        "POST",
        reverse(f"newsletters:anymail:{pattern.name}"),
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {token}",
        HTTP_X_AMZ_SNS_MESSAGE_TYPE="Notification",
        HTTP_X_AMZ_SNS_MESSAGE_ID="1",
    )


def test_there_are_fourteen_tracking_webhooks():
    assert len(TRACKING) == 14


@apply(ignore_esp_warnings)
@pytest.mark.parametrize("pattern", TRACKING, ids=TRACKING_IDS)
def test_an_esp_the_site_does_not_send_through_answers_404(client, settings, pattern):
    settings.NEWSLETTER_WEBHOOK_ESPS = []
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"

    response = post_to(client, pattern, "{}")

    assert response.status_code == 404


@pytest.mark.parametrize("esp", ["postmark", "amazon_ses"])
def test_the_esp_of_the_email_backend_is_served(client, settings, esp):
    settings.NEWSLETTER_WEBHOOK_ESPS = []
    settings.EMAIL_BACKEND = f"anymail.backends.{esp}.EmailBackend"
    pattern = TRACKING[TRACKING_IDS.index(esp)]

    response = post_to(client, pattern, "not json")

    assert response.status_code == 400


@pytest.mark.parametrize("esp", ESP_KEYS)
def test_a_served_esp_without_its_own_key_answers_404_not_500(client, settings, esp):
    """Unauthenticated or not: anymail's view raised ImproperlyConfigured, a 500."""
    settings.NEWSLETTER_WEBHOOK_ESPS = [esp]
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}
    pattern = TRACKING[TRACKING_IDS.index(esp)]

    signed = post_to(client, pattern, '{"event": "delivered"}')
    unsigned = post_to(client, pattern, "{}", credentials="x:y")

    assert signed.status_code == unsigned.status_code == 404
    assert "ei ole määritetty" in signed.content.decode()  # "is not configured"


@pytest.mark.parametrize("esp", ESP_KEYS)
def test_the_deploy_check_names_a_served_esp_without_its_key(settings, esp):
    from django.core import checks

    settings.NEWSLETTER_WEBHOOK_ESPS = [esp]
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}
    errors = list(checks.run_checks(include_deployment_checks=True))
    assert any(m.id == "newsletters.E002" and esp in m.msg for m in errors)

    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET, ESP_KEYS[esp]: "key"}
    errors = list(checks.run_checks(include_deployment_checks=True))
    assert not any(m.id == "newsletters.E002" for m in errors)


DEEP = "[" * 100_000 + "]" * 100_000
DEEP_IN_A_FIELD = json.dumps({"Type": "Notification", "MessageId": "1", "Message": DEEP})


@apply(ignore_esp_warnings)
@pytest.mark.parametrize("pattern", TRACKING, ids=TRACKING_IDS)
def test_json_nested_100000_deep_answers_400_on_every_webhook(client, settings, pattern):
    settings.NEWSLETTER_WEBHOOK_ESPS = TRACKING_IDS
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET, **dict.fromkeys(ESP_KEYS.values(), "key")}

    response = post_to(client, pattern, DEEP)

    assert response.status_code == 400
    assert "yli 64 tasoa" in response.content.decode()  # "nested more than 64 levels"


@apply(ignore_esp_warnings)
@pytest.mark.parametrize("pattern", TRACKING, ids=TRACKING_IDS)
def test_json_nested_deep_inside_a_field_never_answers_500(client, settings, pattern):
    """Amazon SES (SNS) carries its event as JSON in a string field."""
    settings.NEWSLETTER_WEBHOOK_ESPS = TRACKING_IDS
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET, **dict.fromkeys(ESP_KEYS.values(), "key")}

    response = post_to(client, pattern, DEEP_IN_A_FIELD)

    assert response.status_code < 500
    assert not DeliveryEvent.objects.exists()


def test_the_depth_limit_ignores_brackets_inside_strings():
    from newsletters.webhooks import json_depth_exceeds

    assert not json_depth_exceeds(json.dumps({"a": "[" * 1000, "b": [[{"c": "]]"}]]}).encode())
    assert not json_depth_exceeds(b'"' + b'\\"[' * 1000)  # an unclosed string
    assert json_depth_exceeds(b"[" * 65)
    assert not json_depth_exceeds(b"[" * 64 + b"]" * 64)
