"""Registering for an event, confirming a newsletter subscription and submitting a
participation-week event each create the member, or link the one that exists."""

import datetime

import pytest

from cms.models import Region
from events.models import Submission
from events.participation_week import services as week_services
from events.registrations import services as registrations
from network.models import Member
from newsletters.services import subscriptions
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventTypeFactory,
    ParticipationWeekPageFactory,
)
from tests.newsletters.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


def test_registering_creates_the_member(index):
    event = EventPageFactory(parent=index, registration_enabled=True)

    outcome = registrations.register(
        event.event, {"name": "Aino Aalto", "email": "Aino@example.org"}, language="fi"
    )

    member = Member.objects.get()
    assert (member.email, member.name) == ("Aino@example.org", "Aino Aalto")
    assert outcome.registration.member == member


def test_confirming_a_subscription_links_the_existing_member(db):
    member = Member.objects.create(email="eero@example.org")
    subscription = SubscriptionFactory(subscriber__email="EERO@example.org", status="pending")

    subscriptions.confirm(subscription.subscriber_id, [subscription.mailing_list_id])

    subscription.subscriber.refresh_from_db()
    assert subscription.subscriber.member == member
    assert Member.objects.count() == 1


def test_submitting_a_participation_week_event_links_the_member(index):
    member = Member.objects.create(email="sanna@example.org")
    week = ParticipationWeekPageFactory(parent=index)
    submission = Submission(
        week=week,
        organiser_name="Osallisuusyhdistys ry",
        contact_name="Sanna S.",
        contact_email="Sanna@Example.org",
        title="Työpaja",
        description="Tervetuloa.",
        event_type=EventTypeFactory(),
        start=datetime.datetime(2027, 2, 2, 10, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 2, 2, 12, tzinfo=datetime.UTC),
        region=Region.objects.create(name_fi="Lappi", slug="lappi"),
        municipality="Rovaniemi",
    )

    week_services.receive(submission)

    assert Submission.objects.get().member == member
