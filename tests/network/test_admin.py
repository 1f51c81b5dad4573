from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from network.models import Member

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return Member.objects.create(email="osallistuja@example.org", name="Olli Osallistuja")


def login_editor(client, django_user_model, *permissions):
    user = django_user_model.objects.create_user("editor", password="pw")
    group = Group.objects.create(name="Test communicators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    client.force_login(user)


def test_member_list_is_hidden_from_editors_without_member_permission(
    client, django_user_model, member
):
    login_editor(client, django_user_model)

    response = client.get(reverse("wagtailsnippets_network_member:list"))

    assert response.status_code == 302
    assert "osallistuja@example.org" not in response.content.decode()


def test_member_list_shows_members_to_permitted_staff(client, django_user_model, member):
    login_editor(client, django_user_model, "view_member")

    response = client.get(reverse("wagtailsnippets_network_member:list"))

    assert response.status_code == 200
    assert "osallistuja@example.org" in response.content.decode()
