"""Staff see a member's data across the apps and export or erase it, each behind its
own permission; every export and erasure is logged without personal data."""

import json

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from network.models import Member, MemberDataLog
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

EMAIL = "olli.osallistuja@example.org"


@pytest.fixture
def member(home):
    member = Member.objects.create(email=EMAIL, name="Olli Osallistuja")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Verkostopäivä")
    RegistrationFactory(event=event, member=member, email=EMAIL, name=member.name)
    return member


def staff(client, django_user_model, *codenames):
    user = django_user_model.objects.create_user("staff", password="pw")
    group = Group.objects.create(name="Member data")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    client.force_login(user)
    return user


def test_staff_with_permission_see_the_members_history(client, django_user_model, member):
    staff(client, django_user_model, "view_member")

    response = client.get(reverse("network_admin:member_data", args=[member.pk]))

    assert response.status_code == 200
    assert "Verkostopäivä" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "codename"),
    [
        ("member_data", "view_member"),
        ("member_export", "export_member"),
        ("member_erase", "erase_member"),
    ],
)
def test_each_action_needs_its_permission(client, django_user_model, member, name, codename):
    others = {"view_member", "export_member", "erase_member"} - {codename}
    staff(client, django_user_model, *others)

    url = reverse(f"network_admin:{name}", args=[member.pk])

    # Wagtail answers a PermissionDenied with a redirect to the dashboard.
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    assert client.post(url, {"confirm": "on"})["Location"] == reverse("wagtailadmin_home")
    assert Member.objects.filter(pk=member.pk).exists()
    assert not MemberDataLog.objects.exists()


def test_export_downloads_the_data_and_logs_who_did_it(client, django_user_model, member):
    user = staff(client, django_user_model, "export_member")

    response = client.get(reverse("network_admin:member_export", args=[member.pk]))

    data = json.loads(response.content)["data"]
    assert data["events.Registration"]["records"][0]["event"] == "Verkostopäivä"
    entry = MemberDataLog.objects.get()
    assert (entry.action, entry.member_number, entry.user) == ("export", member.pk, user)


def test_erase_erases_through_the_registry_and_logs_without_personal_data(
    client, django_user_model, member
):
    user = staff(client, django_user_model, "erase_member")
    number = member.pk

    response = client.post(
        reverse("network_admin:member_erase", args=[member.pk]), {"confirm": "on"}
    )

    assert response.status_code == 302
    assert not Member.objects.filter(pk=number).exists()
    entry = MemberDataLog.objects.get()
    assert (entry.action, entry.member_number, entry.user) == ("erase", number, user)
    assert EMAIL not in str(MemberDataLog.objects.values().get())


def test_member_list_offers_the_actions_the_user_may_take(client, django_user_model, member):
    staff(client, django_user_model, "view_member", "export_member")

    page = client.get(reverse("wagtailsnippets_network_member:list")).content.decode()

    assert reverse("network_admin:member_export", args=[member.pk]) in page
    assert reverse("network_admin:member_erase", args=[member.pk]) not in page
