import datetime

from django.core import mail
from django.urls import reverse

import pytest
import time_machine

from events import services
from events.links import registration_token
from events.models import EmailDelivery, Registration
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    registration_data,
)

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 2, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def event(home):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=index,
        start=NOW + datetime.timedelta(days=7),
        end=NOW + datetime.timedelta(days=7, hours=2),
        registration_enabled=True,
        capacity=2,
    )
    event.save_revision().publish()
    return event


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Post the registration form and run what the view queued after its commit."""

    def post(event, n=0, **fields):
        url = reverse("events:register", args=[event.pk])
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, registration_data(n, **fields))

    return post


def test_registering_confirms_a_seat_and_mails_an_invitation_with_the_join_link(post, event):
    response = post(event)

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.is_confirmed
    message = mail.outbox[-1]
    assert message.to == ["maija0@example.org"]
    assert "teams.example.org" in message.body
    assert "teams.example.org" in message.alternatives[0].content
    invite = next(
        part for part in message.attachments if part.get_content_type() == "text/calendar"
    )
    assert invite.get_param("method") == "REQUEST"
    ics = invite.get_payload(decode=True).decode()
    assert "METHOD:REQUEST" in ics
    assert f"UID:{event.calendar_uid}" in ics
    assert "ATTENDEE" in ics and "ORGANIZER" in ics
    assert EmailDelivery.objects.get().status == EmailDelivery.Status.SENT


def test_full_event_puts_people_on_the_waiting_list_with_their_position(client, post, event):
    for n in range(3):
        post(event, n)

    waiting = Registration.objects.waiting().get()
    assert waiting.waiting_position() == 1
    assert "teams.example.org" not in mail.outbox[-1].body
    response = client.get(reverse("events:manage", args=[registration_token(waiting)]))
    assert "teams.example.org" not in response.content.decode()


def test_second_registration_with_same_email_takes_no_seat(post, event):
    post(event)
    response = post(event, 0, email="MAIJA0@example.org")

    assert response.status_code == 200
    assert Registration.objects.count() == 1
    assert EmailDelivery.objects.last().kind == EmailDelivery.Kind.LINK
    assert mail.outbox[-1].to == ["maija0@example.org"]


def test_cancelling_frees_the_seat_for_the_first_on_the_waiting_list(
    client, post, event, django_capture_on_commit_callbacks
):
    for n in range(3):
        post(event, n)
    first = Registration.objects.confirmed().first()

    url = reverse("events:manage", args=[registration_token(first)])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "cancel"})

    first.refresh_from_db()
    assert first.is_cancelled
    promoted = Registration.objects.get(email="maija2@example.org")
    assert promoted.is_confirmed
    assert mail.outbox[-1].to == ["maija2@example.org"]
    assert "teams.example.org" in mail.outbox[-1].body


def test_full_event_without_waiting_list_says_so(post, event):
    event.waiting_list_enabled = False
    event.save_revision().publish()
    RegistrationFactory.create_batch(2, event=event)

    response = post(event)

    assert response.status_code == 409
    assert "täynnä" in response.content.decode()


def test_tampered_link_shows_a_friendly_page(client, event):
    registration = RegistrationFactory(event=event)
    token = registration_token(registration) + "x"

    response = client.get(reverse("events:manage", args=[token]))

    assert response.status_code == 400


def test_reminder_goes_out_once_even_when_the_task_runs_twice(
    event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event)
    with (
        time_machine.travel(event.start - datetime.timedelta(hours=20), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.send_due_reminders()
        services.send_due_reminders()

    reminders = EmailDelivery.objects.filter(kind=EmailDelivery.Kind.REMINDER)
    assert reminders.count() == 1
    assert len(mail.outbox) == 1
