"""Refusals in the admin, through the test client: a signed-in user without the group or
permission a screen needs is refused it and the refused action changes nothing. The
browser journeys (tests/browser/) cover the allowed side."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from cms.models import Region
from events.models import Submission
from newsletters.models import Send
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventTypeFactory,
    ParticipationWeekPageFactory,
    RegistrationFactory,
)
from tests.newsletters.factories import (
    MailingListFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriptionFactory,
)

pytestmark = pytest.mark.django_db
EVENT_STAFF = "Tapahtumavastaavat"  # the ready-made group (newsletters migration 0008)


def refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard (and a
    "permission denied" message); a view of its own with 403."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


def pending_submission(home):
    week = ParticipationWeekPageFactory(parent=EventIndexPageFactory(parent=home))
    week.save_revision().publish()
    return Submission.objects.create(
        week=week,
        organiser_name="Kuopion Osallisuusyhdistys ry",
        contact_name="Ville Väisänen",
        contact_email="ville@example.org",
        title="Kaupunkikävely Kuopiossa",
        description="Kävelemme yhdessä.",
        event_type=EventTypeFactory(name_fi="Työpaja", slug="tyopaja"),
        start=datetime.datetime(2027, 2, 3, 13, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 2, 3, 15, tzinfo=datetime.UTC),
        attendance_mode="online",
        region=Region.objects.create(name_fi="Pohjois-Savo", slug="pohjois-savo"),
        language="fi",
    )


def test_event_staff_are_refused_newsletter_sending_and_moderation(client, home, django_user_model):
    issue = NewsletterIssuePageFactory(parent=NewsletterIndexPageFactory(parent=home))
    issue.save_revision().publish()
    mailing_list = MailingListFactory(name="Osallisuutta päätöksiin")
    SubscriptionFactory(mailing_list=mailing_list)
    submission = pending_submission(home)
    user = django_user_model.objects.create_user("muu", "muu@example.org", "x")
    user.groups.add(Group.objects.get(name=EVENT_STAFF))
    client.force_login(user)

    screen = client.get(reverse("newsletters_admin:issue", args=[issue.pk]))
    send = client.post(
        reverse("newsletters_admin:send", args=[issue.pk]),
        {"mailing_lists": [mailing_list.pk], "confirm": "1"},
    )
    review = client.get(reverse("participation_week_submissions:review", args=[submission.pk]))
    approve = client.post(
        reverse("participation_week_submissions:review", args=[submission.pk]),
        {"approve": "1", "create": "on"},
    )

    assert refused(screen)
    assert b'id="id_mailing_lists"' not in screen.content
    assert refused(send)
    assert not Send.objects.exists()
    assert refused(review)
    assert refused(approve)
    assert Submission.objects.get().status == Submission.Status.PENDING


def test_without_the_registration_permission_the_export_is_refused(client, home, django_user_model):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), registration_enabled=True)
    event.save_revision().publish()
    RegistrationFactory(event=event, email="kaisa-maria@example.org")
    user = django_user_model.objects.create_user("toimittaja", "toimittaja@example.org", "x")
    group = Group.objects.create(name="Toimittajat")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)

    response = client.get(reverse("events_registration_export", args=[event.pk, "xlsx"]))

    assert response.status_code == 403
    assert b"example.org" not in response.content
