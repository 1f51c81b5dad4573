"""Network audiences: a communicator narrows a send to the list's subscribers who are
members of a region, an organisation kind or a project, sees how many that is before
sending, and the segment is recorded with the send."""

import datetime
import importlib
import re
from urllib.parse import urlsplit

from django.apps import apps as django_apps
from django.core import mail
from django.test import TestCase
from django.urls import reverse

import pytest

from cms.models import Region
from network.models import Member, Organisation, Project
from newsletters.models import Send, Subscriber
from newsletters.segments import Segment
from newsletters.services.sending import recipients
from tests.newsletters.conftest import login
from tests.newsletters.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(mailing_list):
    """Five subscribers: members of different regions, organisations and projects,
    and one who is no member at all."""
    savo = Region.objects.create(name_fi="Pohjois-Savo", slug="pohjois-savo")
    lappi = Region.objects.create(name_fi="Lappi", slug="lappi")
    city = Organisation.objects.create(
        name="Kuopion kaupunki", kind=Organisation.Kind.MUNICIPALITY, region=savo
    )
    ngo = Organisation.objects.create(name="Lapin Yhdistys", kind=Organisation.Kind.NGO)
    project = Project.objects.create(
        name="OSSI", organisation=ngo, start_date=datetime.date(2024, 1, 1)
    )
    other_project = Project.objects.create(
        name="Voset", organisation=city, start_date=datetime.date(2024, 1, 1)
    )
    people = {
        "city worker": Member.objects.create(email="kuopio@example.org", organisation=city),
        "ngo worker in lappi": Member.objects.create(
            email="lappi@example.org", organisation=ngo, region=lappi
        ),
        "project member": Member.objects.create(email="ossi@example.org"),
        "other project member": Member.objects.create(email="voset@example.org"),
    }
    people["project member"].projects.add(project)
    people["other project member"].projects.add(other_project)
    for member in people.values():
        SubscriptionFactory(mailing_list=mailing_list, subscriber__email=member.email)
    SubscriptionFactory(mailing_list=mailing_list, subscriber__email="ei-jasen@example.org")
    return {"savo": savo, "lappi": lappi, "project": project, **people}


def emails(subscribers):
    return sorted(subscriber.email for subscriber in subscribers)


def test_region_reaches_members_there_and_members_of_organisations_there(mailing_list, network):
    segment = Segment(regions=(network["savo"],))

    assert emails(recipients([mailing_list], segment)) == ["kuopio@example.org"]


def test_organisation_kind_reaches_members_of_such_organisations(mailing_list, network):
    segment = Segment(organisation_kinds=(Organisation.Kind.NGO,))

    assert emails(recipients([mailing_list], segment)) == ["lappi@example.org"]


def test_project_reaches_its_members_and_the_people_of_the_organisation_running_it(
    mailing_list, network
):
    segment = Segment(projects=(network["project"],))

    assert emails(recipients([mailing_list], segment)) == [
        "lappi@example.org",
        "ossi@example.org",
    ]


def test_facets_together_narrow_and_choices_within_one_widen(mailing_list, network):
    both_regions = Segment(regions=(network["savo"], network["lappi"]))
    lappi_municipalities = Segment(
        regions=(network["lappi"],), organisation_kinds=(Organisation.Kind.MUNICIPALITY,)
    )

    assert len(recipients([mailing_list], both_regions)) == 2
    assert list(recipients([mailing_list], lappi_municipalities)) == []
    assert recipients([mailing_list], Segment()).count() == 5


def test_communicator_sees_the_segments_count_and_the_send_records_it(
    client, django_user_model, issue, mailing_list, network
):
    login(client, django_user_model, "view_send", "add_send")
    choice = {"mailing_lists": [mailing_list.pk], "segment_projects": [network["project"].pk]}

    confirm = client.post(reverse("newsletters_admin:send", args=[issue.pk]), choice)

    assert "Numero lähetetään 2 vastaanottajalle." in confirm.content.decode()
    assert not Send.objects.exists()

    client.post(reverse("newsletters_admin:send", args=[issue.pk]), {**choice, "confirm": "1"})

    send = Send.objects.get()
    assert list(send.segment_projects.all()) == [network["project"]]
    issue_page = client.get(reverse("newsletters_admin:issue", args=[issue.pk]))
    assert "hankkeet: OSSI" in issue_page.content.decode()
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "lappi@example.org",
        "ossi@example.org",
    ]


def test_unknown_segment_choice_is_refused_with_a_message(
    client, django_user_model, issue, mailing_list
):
    login(client, django_user_model, "view_send", "add_send")

    response = client.post(
        reverse("newsletters_admin:send", args=[issue.pk]),
        {"mailing_lists": [mailing_list.pk], "segment_organisation_kinds": ["pirates"]},
    )

    assert response.status_code == 400
    assert not Send.objects.exists()


def test_an_empty_audience_is_refused_in_finnish(
    client, django_user_model, issue, mailing_list, network
):
    login(client, django_user_model, "view_send", "add_send")
    nobody = Region.objects.create(name_fi="Kainuu", slug="kainuu")

    response = client.post(
        reverse("newsletters_admin:send", args=[issue.pk]),
        {"mailing_lists": [mailing_list.pk], "segment_regions": [nobody.pk]},
    )

    assert response.status_code == 400
    assert (
        "Kukaan ei saisi tätä numeroa: valituilla listoilla ei ole aktiivisia tilaajia "
        "tässä kohderyhmässä." in response.content.decode()
    )
    assert not Send.objects.exists()


def subscribe_with_region(client, mailing_list, email, region):
    """The public form with a region, then the confirmation link's button."""
    data = {
        "subscribe-email": email,
        "subscribe-mailing_lists": [mailing_list.pk],
        "subscribe-region": region.pk,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("newsletters:subscribe"), data)
    link = re.search(r"https?://\S+/vahvista/\S+/", mail.outbox[-1].body).group(0)
    client.post(urlsplit(link).path)


def test_the_region_chosen_when_subscribing_counts_in_the_audience(client, mailing_list):
    kainuu = Region.objects.create(name_fi="Kainuu", slug="kainuu")

    subscribe_with_region(client, mailing_list, "kajaani@example.org", kainuu)

    audience = Segment(regions=(kainuu,))
    assert emails(recipients([mailing_list], audience)) == ["kajaani@example.org"]
    assert Member.objects.get(email="kajaani@example.org").region == kainuu
    assert Subscriber.objects.get(email="kajaani@example.org").region is None


def test_a_region_the_member_chose_on_my_page_wins_over_the_form(client, mailing_list):
    kainuu = Region.objects.create(name_fi="Kainuu", slug="kainuu")
    lappi = Region.objects.create(name_fi="Lappi", slug="lappi")
    Member.objects.create(email="rovaniemi@example.org", region=lappi)

    subscribe_with_region(client, mailing_list, "rovaniemi@example.org", kainuu)

    assert list(recipients([mailing_list], Segment(regions=(kainuu,)))) == []
    assert emails(recipients([mailing_list], Segment(regions=(lappi,)))) == [
        "rovaniemi@example.org"
    ]


def test_the_migration_gives_confirmed_subscribers_regions_to_their_members(mailing_list):
    kainuu = Region.objects.create(name_fi="Kainuu", slug="kainuu")
    lappi = Region.objects.create(name_fi="Lappi", slug="lappi")
    before = SubscriptionFactory(
        mailing_list=mailing_list,
        subscriber__email="kajaani@example.org",
        subscriber__region=kainuu,
        subscriber__member=Member.objects.create(email="kajaani@example.org"),
    ).subscriber
    own_choice = SubscriptionFactory(
        mailing_list=mailing_list,
        subscriber__email="rovaniemi@example.org",
        subscriber__region=kainuu,
        subscriber__member=Member.objects.create(email="rovaniemi@example.org", region=lappi),
    ).subscriber
    assert list(recipients([mailing_list], Segment(regions=(kainuu,)))) == []

    migration = importlib.import_module(
        "newsletters.migrations.0010_subscriber_region_moves_to_member"
    )
    migration.move_regions(django_apps, None)

    assert emails(recipients([mailing_list], Segment(regions=(kainuu,)))) == [before.email]
    own_choice.member.refresh_from_db()
    assert own_choice.member.region == lappi
    assert not Subscriber.objects.filter(region__isnull=False).exists()
