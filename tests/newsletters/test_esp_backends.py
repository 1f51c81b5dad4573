"""A real send of an issue to 25 subscribers through each ESP's real anymail backend,
with only the ESP's HTTP API (or botocore, for Amazon SES) replaced by a fake that
answers as the ESP does (tests/newsletters/esp_fakes.py)."""

import re
from collections import Counter
from unittest import mock

from django.core.mail import get_connection

import pytest
from anymail.backends.base import AnymailBaseBackend

from newsletters.models import Delivery, Send
from newsletters.services import sending
from newsletters.services.esp import capabilities
from newsletters.tokens import read_token
from tests.newsletters import esp_fakes
from tests.newsletters.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db

UNSUBSCRIBE = re.compile(r"https?://[^\s\"<>]+/uutiskirjeet/peru/([^/\s\"<>]+)/")
PREFERENCES = re.compile(r"https?://[^\s\"<>]+/uutiskirjeet/asetukset/([^/\s\"<>]+)/")


@pytest.fixture(params=esp_fakes.ESPS, ids=lambda esp: esp.__name__)
def esp(request, settings):
    fake = request.param()
    settings.EMAIL_BACKEND = fake.backend
    settings.ANYMAIL = {**settings.ANYMAIL, **fake.settings}
    if isinstance(fake, esp_fakes.AmazonSES):
        import boto3.session

        real = boto3.session.Session.client
        with mock.patch.object(boto3.session.Session, "client", fake.client_factory(real)):
            yield fake
    else:
        with mock.patch("requests.Session.request", autospec=True, side_effect=fake.handle):
            yield fake


@pytest.fixture
def readers(mailing_list):
    return [SubscriptionFactory(mailing_list=mailing_list).subscriber for _ in range(25)]


def subscriber_of(pattern, kind, text):
    tokens = {read_token(kind, token)[0] for token in pattern.findall(text)}
    assert len(tokens) == 1, f"{kind} links of more than one subscriber: {tokens}"
    return tokens.pop()


def test_an_issue_reaches_every_subscriber_once_through_each_esp(esp, issue, mailing_list, readers):
    sending.create_send(issue, [mailing_list])

    send = Send.objects.get()
    assert send.status == Send.Status.FINISHED, send.last_error
    by_address = {r.email: r for r in readers}
    assert Counter(address for address, *_ in esp.received) == Counter(dict.fromkeys(by_address, 1))
    for address, html, headers, message_id in esp.received:
        reader = by_address[address]
        assert subscriber_of(UNSUBSCRIBE, "unsubscribe", html) == reader.pk
        assert subscriber_of(PREFERENCES, "preferences", html) == reader.pk
        assert subscriber_of(UNSUBSCRIBE, "unsubscribe", headers["List-Unsubscribe"]) == reader.pk
        assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        delivery = Delivery.objects.get(subscriber=reader)
        assert delivery.status == Delivery.Status.SENT
        assert delivery.esp_message_id == str(message_id).strip()
        assert delivery.attempts == 1


def test_tracking_flags_go_only_to_esps_that_take_them(esp, issue, mailing_list, readers):
    mailing_list.track_opens = True
    mailing_list.save()
    handed = []
    send_messages = AnymailBaseBackend.send_messages

    def spy(backend, messages):
        handed.extend(messages)
        return send_messages(backend, messages)

    with mock.patch.object(AnymailBaseBackend, "send_messages", spy):
        sending.create_send(issue, [mailing_list])

    assert Send.objects.get().status == Send.Status.FINISHED
    takes_tracking = capabilities(get_connection()).tracking
    for message in handed:
        assert getattr(message, "track_opens", None) is (True if takes_tracking else None)
        assert getattr(message, "track_clicks", None) is (False if takes_tracking else None)
