"""Staff's message to everyone with a seat (issue 24): the number the form shows is the
number of people told, and the stored rows are theirs. Anonymised registrations (the
retention job, a person's erasure) keep their seat in the counts but are nobody to
write to."""

from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.models import OutgoingEmail
from events.models import EmailDelivery, Registration
from events.registrations import services
from tests.events.factories import EventPageFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commit_callbacks")]


@pytest.fixture
def event(index):
    """Six confirmed registrations, two of them anonymised, and one on the waiting list."""
    event = EventPageFactory(parent=index, registration_enabled=True, capacity=6)
    event.save_revision().publish()
    for n in range(6):
        RegistrationFactory(event=event, email=f"osallistuja{n}@example.org")
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    erased = Registration.objects.filter(
        email__in=["osallistuja4@example.org", "osallistuja5@example.org"]
    )
    services.anonymise(erased, timezone.now())
    mail.outbox.clear()
    return event


def test_the_form_counts_only_the_people_it_writes_to(client, admin_user, event):
    client.force_login(admin_user)

    html = client.get(reverse("events_registration_message", args=[event.pk])).content.decode()

    assert "Viesti lähtee 4 vahvistetulle ilmoittautuneelle." in html


def test_anonymised_registrations_are_neither_sent_nor_stored(client, admin_user, event):
    client.force_login(admin_user)

    response = client.post(
        reverse("events_registration_message", args=[event.pk]),
        {"subject": "Materiaalit", "body": "Tallenne on nyt katsottavissa."},
    )

    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Viesti lähtee 4 henkilölle."]
    assert sorted(m.to[0] for m in mail.outbox) == [f"osallistuja{n}@example.org" for n in range(4)]
    stored = OutgoingEmail.objects.filter(purpose="events.message")
    assert sorted(stored.values_list("to", flat=True)) == [
        f"osallistuja{n}@example.org" for n in range(4)
    ]
    deliveries = EmailDelivery.objects.filter(kind=EmailDelivery.Kind.MESSAGE)
    assert not deliveries.filter(registration__anonymised_at__isnull=False).exists()
    assert deliveries.count() == 4
