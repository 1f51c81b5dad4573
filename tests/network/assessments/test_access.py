"""Only the project's team sees and edits its assessments; coordinators see only what
teams share, and only of their own region; everyone else gets 403 or 404."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from cms.models import Person
from network.members.sign_in import make_token
from network.models import Member
from tests.network.assessments.conftest import answer_data, edit_url, result_url
from tests.network.factories import ProjectFactory, region

pytestmark = pytest.mark.django_db

INDEX = reverse("network_admin:assessments")


def finished(client, project, stage="planning", shared=True):
    client.post(edit_url(project, stage), answer_data({0: 2}, action="finish"))
    if shared:
        share = reverse("network:assessment_share", args=[project.slug, stage])
        client.post(share, {"shared": "1"})
    return project.assessments.get(stage=stage)


def test_signed_out_visitors_are_sent_to_sign_in(client, project, home):
    for url in (edit_url(project), result_url(project)):
        assert client.get(url)["Location"] == reverse("network:sign_in_request")


def test_a_member_outside_the_team_finds_nothing(team, project, client, home):
    finished(team, project)
    outsider = Member.objects.create(email="muu@example.org")
    other = client.__class__()
    other.post(reverse("network:sign_in", args=[make_token(outsider)]))
    share = reverse("network:assessment_share", args=[project.slug, "planning"])

    assert other.get(edit_url(project)).status_code == 404
    assert other.get(result_url(project)).status_code == 404
    assert other.post(share, {"shared": "0"}).status_code == 404
    assert other.post(edit_url(project), answer_data({0: 1})).status_code == 404
    assert project.assessments.get().shared_with_coordinators


def coordinator(client, django_user_model, email, role=Person.Role.REGIONAL_COORDINATOR, **kw):
    user = django_user_model.objects.create_user(email, email=email, password="pw")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    for codename in ("access_admin", "view_shared_assessment"):
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    Person.objects.create(name=email, email=email, role=role, **kw)
    client.force_login(user)
    return client


@pytest.fixture
def lapland(savo):
    return region("lappi", "Lappi", parent=savo.parent)


def test_a_coordinator_sees_shared_assessments_of_their_region_only(
    team, project, savo, client, django_user_model
):
    shared = finished(team, project)
    finished(team, project, "implementation", shared=False)
    south = region("uusimaa", "Uusimaa")
    elsewhere = ProjectFactory(name="Etelän hanke", slug="etela", regions=[south])
    team_member = Member.objects.get(email="tiimi@example.org")
    team_member.projects.add(elsewhere)
    other_region = finished(team, elsewhere)
    unshared = project.assessments.get(stage="implementation")

    coordinator(client, django_user_model, "kaisa@example.org", region=savo.parent)

    listing = client.get(INDEX).content.decode()
    assert "Petosen Pömpeli" in listing
    assert "Etelän hanke" not in listing
    url = reverse("network_admin:assessment", args=[shared.pk])
    assert client.get(url).status_code == 200
    for hidden in (unshared, other_region):
        url = reverse("network_admin:assessment", args=[hidden.pk])
        assert client.get(url).status_code == 404


def test_staff_without_the_permission_are_refused(team, project, client, django_user_model):
    shared = finished(team, project)
    user = django_user_model.objects.create_user("editor", password="pw")
    group = Group.objects.create(name="Assessment test editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)

    # Wagtail's admin answers a PermissionDenied with a redirect to its dashboard.
    for url in (INDEX, reverse("network_admin:assessment", args=[shared.pk])):
        response = client.get(url, follow=True)
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        assert "Petosen Pömpeli" not in response.content.decode()


def test_the_aggregate_shows_only_from_five_finished_assessments(
    team, project, savo, client, django_user_model
):
    member = Member.objects.get(email="tiimi@example.org")
    for number in range(4):
        other = ProjectFactory(slug=f"hanke-{number}")
        member.projects.add(other)
        finished(team, other, shared=False)
    coordinator(client, django_user_model, "kaisa@example.org", region=savo)

    assert "assessment-table" not in client.get(INDEX).content.decode()
    finished(team, project, shared=False)
    page = client.get(INDEX).content.decode()
    assert "assessment-table" in page
    assert "hanke-0" not in page
