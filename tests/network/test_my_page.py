"""My page gathers each app's section for the signed-in member: registrations with
cancelling, newsletter subscriptions with a link to their preferences,
participation-week submissions, and the member's own details."""

from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext, override

import pytest

from cms.factories import translate
from cms.models import Region
from events.models import Registration
from network.members.sign_in import make_token
from network.models import Member, Organisation
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.newsletters.factories import MailingListFactory, SubscriptionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("committed")]

MY_PAGE = reverse("network:my_page")


@pytest.fixture
def member(home):
    return Member.objects.create(email="tuuli@example.org", name="Tuuli Tammi")


@pytest.fixture
def event(home):
    index = EventIndexPageFactory(parent=home)
    return EventPageFactory(parent=index, title="Osallisuuskahvila", registration_enabled=True)


@pytest.fixture
def signed_in(client, member):
    client.post(reverse("network:sign_in", args=[make_token(member)]))
    return client


def test_my_page_shows_registrations_subscriptions_and_profile(signed_in, member, event):
    RegistrationFactory(event=event, member=member, email=member.email)
    SubscriptionFactory(
        subscriber__email=member.email, mailing_list=MailingListFactory(name="Uutiskirje")
    )

    page = signed_in.get(MY_PAGE).content.decode()

    assert "Osallisuuskahvila" in page
    assert "Uutiskirje" in page
    assert "/uutiskirjeet/asetukset/" in page
    assert 'id="profile"' in page


def test_member_cancels_a_registration_from_my_page(signed_in, member, event):
    registration = RegistrationFactory(event=event, member=member, email=member.email)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    event.capacity = 1
    event.save()

    response = signed_in.post(reverse("events:my_registration_cancel", args=[registration.pk]))

    assert response.status_code == 302
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.is_cancelled
    assert waiting.is_confirmed
    assert member.email in [address for message in mail.outbox for address in message.to]


def test_nobody_cancels_someone_elses_registration(signed_in, event):
    someone_else = RegistrationFactory(event=event)

    response = signed_in.post(reverse("events:my_registration_cancel", args=[someone_else.pk]))

    assert response.status_code == 404
    someone_else.refresh_from_db()
    assert someone_else.is_confirmed


def test_cancelling_without_signing_in_goes_to_the_sign_in_form(client, member, event):
    registration = RegistrationFactory(event=event, member=member, email=member.email)

    response = client.post(reverse("events:my_registration_cancel", args=[registration.pk]))

    assert response["Location"] == reverse("network:sign_in_request")
    registration.refresh_from_db()
    assert registration.is_confirmed


def test_member_changes_their_details(signed_in, member):
    region = Region.objects.create(name_fi="Pohjois-Savo", slug="pohjois-savo")
    organisation = Organisation.objects.create(name="Kuopion kaupunki")

    response = signed_in.post(
        MY_PAGE,
        {
            "name": "Tuuli T.",
            "organisation": organisation.pk,
            "region": region.pk,
            "language": "sv",
        },
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.name, member.organisation, member.region, member.language) == (
        "Tuuli T.",
        organisation,
        region,
        "sv",
    )


def test_bad_profile_input_is_refused_with_a_message(signed_in, member):
    response = signed_in.post(MY_PAGE, {"name": "x" * 500, "organisation": "nope"})

    assert response.status_code == 400
    member.refresh_from_db()
    assert member.name == "Tuuli Tammi"


def test_a_withdrawn_event_shows_as_cancelled_with_no_cancel_button(
    signed_in, member, event, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event, member=member, email=member.email)
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()

    html = signed_in.get(MY_PAGE).content.decode()

    with override("fi"):
        cancelled = gettext("Event cancelled")
    assert f"<strong>{cancelled}</strong>" in html
    assert reverse("events:my_registration_cancel", args=[registration.pk]) not in html
    assert f'href="{event.get_url()}"' in html  # the page says it was cancelled
    assert "teams.example.org" not in html
    response = signed_in.post(reverse("events:my_registration_cancel", args=[registration.pk]))
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.is_confirmed


def test_a_registration_made_in_swedish_is_listed_once_by_its_event(signed_in, member, event):
    translate(event.get_parent().get_parent().specific, "sv", title="Startsida", slug="sv")
    swedish = translate(event, "sv", title="Kafé på svenska")
    registration = RegistrationFactory(
        event=swedish, member=member, email=member.email, language="sv"
    )

    html = signed_in.get(MY_PAGE).content.decode()

    # My page is read in Finnish here: the event's Finnish page, one row.
    assert f'href="{event.get_url()}"' in html and "Kafé på svenska" not in html
    assert html.count('class="my-page__item"') == 1
    assert reverse("events:my_registration_cancel", args=[registration.pk]) in html
