"""A member downloads everything held about them and deletes themselves; both go
through every app in the personal-data registry. After erasure no row in any app
holds the address or the name, and the counts of registrations and subscribers
stay as they were."""

import datetime
import json

from django.apps import apps
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.factories import translate
from cms.models import Person, Region
from cms.outbox import queue_email
from events.models import EmailDelivery, Registration, Submission
from events.personal_data import export_registrations
from network.members import data_rights
from network.members.sign_in import make_token
from network.models import Member, MemberDataLog, Organisation
from newsletters.models import Subscriber, Subscription
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventTypeFactory,
    ParticipationWeekPageFactory,
    RegistrationFactory,
)
from tests.newsletters.factories import MailingListFactory, SubscriptionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("committed")]

EMAIL = "kielo.varpunen@example.org"
NAME = "Kielo Varpunen"


@pytest.fixture
def person(home):
    """One member with data in every app, beside other people's data."""
    region = Region.objects.create(name_fi="Pirkanmaa", slug="pirkanmaa")
    organisation = Organisation.objects.create(name="Tampereen kaupunki", region=region)
    member = Member.objects.create(email=EMAIL, name=NAME, organisation=organisation, region=region)
    index = EventIndexPageFactory(parent=home)
    past = EventPageFactory(
        parent=index,
        start=timezone.now() - datetime.timedelta(days=10),
        end=timezone.now() - datetime.timedelta(days=10, hours=-2),
        registration_enabled=True,
    )
    upcoming = EventPageFactory(parent=index, registration_enabled=True, capacity=1)
    attended = RegistrationFactory(
        event=past, member=member, email=EMAIL, name=NAME, attended=True, needs=f"{NAME}: vegan"
    )
    EmailDelivery.objects.create(
        registration=attended,
        kind="confirmation",
        message=queue_email(to=EMAIL, subject=f"Hei {NAME}", text=EMAIL, purpose="tests.hello"),
    )
    RegistrationFactory(event=past)
    RegistrationFactory(event=upcoming, email=EMAIL.upper(), name=NAME)  # not linked yet
    waiting = RegistrationFactory(event=upcoming, status=Registration.Status.WAITING)
    newsletter = MailingListFactory()
    SubscriptionFactory(mailing_list=newsletter, subscriber__email=EMAIL, subscriber__name=NAME)
    SubscriptionFactory(mailing_list=newsletter)
    week = ParticipationWeekPageFactory(parent=index)
    Submission.objects.create(
        week=week,
        member=member,
        organiser_name="Tampereen kaupunki",
        contact_name=NAME,
        contact_email=EMAIL,
        title="Osallisuuskahvila",
        description="Tervetuloa.",
        event_type=EventTypeFactory(),
        start=datetime.datetime(2027, 2, 2, 12, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 2, 2, 14, tzinfo=datetime.UTC),
        region=region,
        municipality="Tampere",
    )
    queue_email(to=EMAIL, subject=f"Hei {NAME}", text="Linkki", purpose="network.members.sign_in")
    return {
        "member": member,
        "past": past,
        "upcoming": upcoming,
        "waiting": waiting,
        "newsletter": newsletter,
    }


def rows_holding(text):
    """(model, count) of every row in every app with `text` in a text or JSON field."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                lookup = {f"{field.attname}__icontains": text}
                queryset = model._base_manager.filter(**lookup)
            elif isinstance(field, models.JSONField):
                queryset = model._base_manager.annotate(
                    as_text=Cast(field.attname, models.TextField())
                ).filter(as_text__icontains=text)
            else:
                continue
            if queryset.exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def sign_in(client, member):
    client.post(reverse("network:sign_in", args=[make_token(member)]))


def test_download_holds_the_members_data_from_every_app(client, person):
    sign_in(client, person["member"])

    response = client.get(reverse("network:download"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)["data"]
    assert data["network.Member"]["records"][0]["email"] == EMAIL
    assert len(data["events.Registration"]["records"]) == 2
    assert data["events.Registration"]["records"][0]["emails"][0]["subject"] == f"Hei {NAME}"
    assert data["events.Submission"]["records"][0]["title"] == "Osallisuuskahvila"
    assert data["cms.OutgoingEmail"]["records"][0]["subject"] == f"Hei {NAME}"
    subscriptions = data["newsletters.Subscriber"]["records"][0]["subscriptions"]
    assert [s["status"] for s in subscriptions] == ["active"]
    assert all(section["purpose"] and section["retention"] for section in data.values())


def test_after_erasure_no_row_in_any_app_holds_the_address_or_the_name(client, person):
    assert rows_holding(EMAIL) and rows_holding(NAME)  # the check can see them
    sign_in(client, person["member"])

    response = client.post(reverse("network:delete"), {"confirm": "on"})

    assert response.status_code == 200
    assert rows_holding(EMAIL) == []
    assert rows_holding(NAME) == []
    assert client.get(reverse("network:my_page"))["Location"] == reverse("network:sign_in_request")


def test_erasure_keeps_the_counts_of_registrations_and_subscribers(person):
    past_counts = Registration.objects.filter(event=person["past"].event).counts()
    registrations = Registration.objects.count()
    subscribers = Subscriber.objects.count()
    on_list = Subscription.objects.filter(mailing_list=person["newsletter"]).count()

    data_rights.erase(person["member"])

    assert Registration.objects.filter(event=person["past"].event).counts() == past_counts
    assert Registration.objects.count() == registrations
    assert Subscriber.objects.count() == subscribers
    assert Subscription.objects.filter(mailing_list=person["newsletter"]).count() == on_list
    assert Subscription.objects.active().filter(mailing_list=person["newsletter"]).count() == 1


def test_erasure_frees_the_seat_of_an_upcoming_event_for_whoever_waits(person):
    data_rights.erase(person["member"])

    person["waiting"].refresh_from_db()
    assert person["waiting"].is_confirmed


def test_erasure_needs_the_members_confirmation(client, person):
    sign_in(client, person["member"])

    response = client.post(reverse("network:delete"), {})

    assert response.status_code == 400
    assert Member.objects.filter(email=EMAIL).exists()


def test_export_and_erasure_are_logged_without_personal_data(client, person):
    number = person["member"].pk
    sign_in(client, person["member"])

    client.get(reverse("network:download"))
    client.post(reverse("network:delete"), {"confirm": "on"})

    log = list(MemberDataLog.objects.order_by("at", "pk").values_list("action", "member_number"))
    assert log == [("export", number), ("erase", number)]
    assert "MemberDataLog" not in " ".join(rows_holding(EMAIL.split("@")[0]))


def test_erasure_removes_a_contact_card_with_the_address(person):
    Person.objects.create(name=NAME, email=EMAIL, phone="+358 40 000 0000")

    data_rights.erase(person["member"])

    assert not Person.objects.filter(email__iexact=EMAIL).exists()
    assert not Person.objects.filter(name=NAME).exists()


def test_a_registration_is_exported_under_the_title_the_person_read(home):
    member = Member.objects.create(email=EMAIL, name=NAME)
    translate(home, "sv", title="Startsida", slug="sv")
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index, title="Osallisuuskahvila", registration_enabled=True)
    swedish = translate(event, "sv", title="Delaktighetskafé")
    RegistrationFactory(event=swedish, member=member, email=EMAIL, language="sv")
    RegistrationFactory(event=EventPageFactory(parent=index, title="Etäkahvila"), email=EMAIL)

    exported = sorted(row["event"] for row in export_registrations(member))

    assert exported == ["Delaktighetskafé", "Etäkahvila"]
