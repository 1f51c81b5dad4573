"""The retention job walks the personal-data registry: each app's data is anonymised
or deleted once its retention period is over, and nothing younger is touched."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from cms.models import OutgoingEmail
from cms.outbox import queue_email
from events.models import Registration
from network.models import Member
from newsletters.models import Subscriber, Subscription
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.newsletters.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=800)


@pytest.fixture
def old_and_new(home):
    index = EventIndexPageFactory(parent=home)
    with time_machine.travel(LONG_AGO, tick=False):
        old_member = Member.objects.create(email="vanha@example.org", name="Vanha Jäsen")
        old_event = EventPageFactory(parent=index)
        old = RegistrationFactory(event=old_event, email="vanha.osallistuja@example.org")
        left = SubscriptionFactory(status=Subscription.Status.UNSUBSCRIBED).subscriber
        sent = queue_email(to="vanha@example.org", subject="Hei", text="Hei", purpose="test")
        OutgoingEmail.objects.filter(pk=sent.pk).update(status=OutgoingEmail.Status.SENT)
    new = RegistrationFactory(event=EventPageFactory(parent=index), email="uusi@example.org")
    staying = SubscriptionFactory().subscriber
    fresh_member = Member.objects.create(email="uusi.jasen@example.org")
    return {
        "old_member": old_member,
        "old": old,
        "left": left,
        "new": new,
        "staying": staying,
        "fresh_member": fresh_member,
    }


def test_retention_job_clears_what_is_due_in_every_app_and_keeps_the_rest(old_and_new):
    out = StringIO()

    call_command("apply_retention", stdout=out)

    old, new = old_and_new["old"], old_and_new["new"]
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.email, old.anonymised_at is not None) == ("", True)
    assert new.email == "uusi@example.org"
    assert Subscriber.objects.get(pk=old_and_new["left"].pk).email.endswith("@erased.invalid")
    assert Subscriber.objects.get(pk=old_and_new["staying"].pk).email.endswith("@example.org")
    assert not OutgoingEmail.objects.filter(to="vanha@example.org").exists()
    assert not Member.objects.filter(pk=old_and_new["old_member"].pk).exists()
    assert Member.objects.filter(pk=old_and_new["fresh_member"].pk).exists()
    assert Registration.objects.count() == 2
    assert "events.Registration: 1" in out.getvalue()
    assert "example.org" not in out.getvalue()


def test_a_member_with_data_left_in_another_app_is_kept(home):
    with time_machine.travel(LONG_AGO, tick=False):
        member = Member.objects.create(email="tilaaja@example.org")
    SubscriptionFactory(subscriber__email=member.email, subscriber__member=member)

    call_command("apply_retention", stdout=StringIO())

    assert Member.objects.filter(pk=member.pk).exists()
