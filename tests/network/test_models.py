import datetime

from django.db import IntegrityError

import pytest

from network.models import Member, Organisation, Project

pytestmark = pytest.mark.django_db


def test_member_is_found_by_email_whatever_its_case():
    first = Member.for_email("Maija.Meikalainen@example.org", name="Maija")

    again = Member.for_email("maija.meikalainen@EXAMPLE.org")

    assert again == first
    assert Member.objects.count() == 1


def test_two_members_cannot_share_an_address_in_different_case():
    Member.objects.create(email="tiina@example.org")

    with pytest.raises(IntegrityError):
        Member.objects.create(email="TIINA@example.org")


def test_running_projects_are_those_whose_period_covers_the_day():
    organisation = Organisation.objects.create(name="Kuopion kaupunki")
    running = Project.objects.create(
        name="OSSI", organisation=organisation, start_date=datetime.date(2024, 1, 1)
    )
    Project.objects.create(
        name="Voset",
        organisation=organisation,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2022, 12, 31),
    )

    assert list(Project.objects.running(on=datetime.date(2025, 6, 1))) == [running]
    assert running.is_running
