"""Staff pick a member's projects with Wagtail's searchable chooser (issue 24): the
directory holds some 500 projects, too many for a plain list."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from network.models import Member
from tests.network.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return Member.objects.create(email="jasen@example.org", name="Jäsen")


def edit_url(member):
    return reverse("wagtailsnippets_network_member:edit", args=[member.pk])


def member_form(member, projects):
    return nested_form_data(
        {
            "email": member.email,
            "name": member.name,
            "language": member.language,
            "project_links": inline_formset([{"project": project.pk} for project in projects]),
        }
    )


def test_the_member_editor_offers_the_searchable_project_chooser(admin_client, member):
    ProjectFactory.create_batch(3)

    html = admin_client.get(edit_url(member)).content.decode()

    assert "MultipleChooserPanel" in html
    assert reverse("wagtailsnippetchoosers_network_project:choose") in html
    # Not a list with every project of the directory in it.
    assert 'name="projects"' not in html


def test_the_chooser_finds_a_project_by_name(admin_client):
    ProjectFactory(name="Petosen Pömpeli")
    ProjectFactory(name="Varikko")
    results = reverse("wagtailsnippetchoosers_network_project:choose_results")

    html = admin_client.get(results, {"q": "Pömpeli"}).content.decode()

    assert "Petosen Pömpeli" in html
    assert "Varikko" not in html


def links_as_the_editor_sends_them(member, drop, add):
    """The rows the member has (one of them deleted in the editor) and one chosen anew."""
    rows = [
        {"id": link.pk, "project": link.project_id, "DELETE": "1" if link.project == drop else ""}
        for link in member.project_links.all()
    ]
    return inline_formset([*rows, {"project": add.pk}], initial=len(rows))


def test_saving_the_member_keeps_the_chosen_projects(admin_client, member):
    kept, added, dropped = ProjectFactory.create_batch(3)
    member.projects.add(kept, dropped)
    form = member_form(member, [])
    form.update(
        nested_form_data({"project_links": links_as_the_editor_sends_them(member, dropped, added)})
    )

    response = admin_client.post(edit_url(member), form)

    assert response.status_code == 302
    assert set(member.projects.all()) == {kept, added}


def test_a_project_chosen_twice_is_refused_not_a_server_error(admin_client, member):
    project = ProjectFactory()

    response = admin_client.post(edit_url(member), member_form(member, [project, project]))

    assert response.status_code == 200
    assert not member.projects.exists()
