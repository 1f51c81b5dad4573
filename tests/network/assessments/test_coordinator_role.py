"""The ready-made regional coordinators' group (issue 24): a coordinator reaches the
shared assessments of their region, the directory they keep current and page drafts,
and is refused members' and registrants' personal data, newsletters, publishing,
deleting and the directory import."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from cms.models import Person
from cms.roles import COORDINATORS
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.network.assessments.conftest import answer_data, edit_url
from tests.network.factories import OrganisationFactory, PracticeModelFactory
from tests.newsletters.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client, django_user_model, savo):
    """A user in the group whose contact card makes them Pohjois-Savo's coordinator."""
    email = "koordinaattori@example.org"
    user = django_user_model.objects.create_user("koordinaattori", email=email, password="pw")
    user.groups.add(Group.objects.get(name=COORDINATORS))
    Person.objects.create(
        name="Kaisa Koordinaattori", email=email, role=Person.Role.REGIONAL_COORDINATOR, region=savo
    )
    client.force_login(user)
    return user


def shared_assessment(team, project):
    team.post(edit_url(project), answer_data({0: 2}, action="finish"))
    team.post(reverse("network:assessment_share", args=[project.slug, "planning"]), {"shared": "1"})
    return project.assessments.get()


def refused(response):
    """Wagtail answers 403, or sends a user without the permission back to the dashboard."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


def test_a_coordinator_sees_the_shared_assessments_of_their_region(
    team, project, client, coordinator
):
    assessment = shared_assessment(team, project)

    index = client.get(reverse("network_admin:assessments"))
    detail = client.get(reverse("network_admin:assessment", args=[assessment.pk]))

    assert index.status_code == 200 and "Petosen Pömpeli" in index.content.decode()
    assert detail.status_code == 200


def test_a_coordinator_keeps_the_directory_and_drafts_pages(client, coordinator, project, home):
    organisation = OrganisationFactory()
    practice_model = PracticeModelFactory()
    reachable = [
        reverse("wagtailsnippets_network_project:edit", args=[project.pk]),
        reverse("wagtailsnippets_network_organisation:edit", args=[organisation.pk]),
        reverse("wagtailsnippets_network_practicemodel:edit", args=[practice_model.pk]),
        reverse("wagtailsnippets_network_practicemodel:add"),
        reverse("wagtailadmin_pages:add_subpage", args=[home.pk]),
    ]

    assert {url: client.get(url).status_code for url in reachable} == dict.fromkeys(reachable, 200)
    assert not home.permissions_for_user(coordinator).can_publish()


def test_a_coordinator_is_refused_personal_data_newsletters_and_deleting(
    client, coordinator, project, member, home
):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), registration_enabled=True)
    RegistrationFactory(event=event, name="Maija Meikäläinen", email="maija@example.org")
    issue = NewsletterIssuePageFactory(parent=NewsletterIndexPageFactory(parent=home))
    refused_urls = [
        reverse("wagtailsnippets_network_member:list"),
        reverse("wagtailsnippets_network_member:edit", args=[member.pk]),
        reverse("network_admin:member_data", args=[member.pk]),
        reverse("network_admin:member_erase", args=[member.pk]),
        reverse("newsletters_admin:issue", args=[issue.pk]),
        reverse("wagtailsnippets_network_project:delete", args=[project.pk]),
        reverse("wagtailsnippets_network_project:add"),
        reverse("network_admin:import"),
    ]

    answers = {url: refused(client.get(url)) for url in refused_urls}
    # A page editor sees how many registered, not who.
    registrations = client.get(reverse("events_registrations", args=[event.pk]))

    assert answers == dict.fromkeys(refused_urls, True)
    assert "maija@example.org" not in registrations.content.decode()
